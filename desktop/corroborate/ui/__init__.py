"""Qt widgets, models, delegates, background tasks and undo commands."""
