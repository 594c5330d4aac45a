"""Words, stems, normalisation and UTF-16 positions: the bottom of the text pipeline."""
