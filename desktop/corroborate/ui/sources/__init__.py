"""The Sources and Problems panels."""
