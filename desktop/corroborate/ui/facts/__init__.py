"""The Facts tab and the corroboration heat map: every source at once."""
