"""The Compare tabs: two articles side by side, row by row."""
