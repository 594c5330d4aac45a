"""Which sentences of two articles report the same thing, and why."""
