"""The user's annotations: the store, undoable edits, anchoring, export and import."""
