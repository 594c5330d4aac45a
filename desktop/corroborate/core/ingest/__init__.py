"""Files in, articles out: listing, opening, readers per format, decoding, titles, sentences."""
