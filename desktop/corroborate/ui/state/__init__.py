"""What is open and what the user did to it: the annotation session, undo commands."""
