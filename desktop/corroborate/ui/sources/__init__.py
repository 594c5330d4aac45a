"""The Sources, Problems and Stories panels, and articles from a web address or the clipboard."""
