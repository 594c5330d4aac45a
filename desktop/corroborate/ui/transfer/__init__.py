"""Exporting and importing annotations, and the HTML report."""
