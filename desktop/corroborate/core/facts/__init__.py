"""Facts across all sources of a folder: groups of sentences that state one thing."""
