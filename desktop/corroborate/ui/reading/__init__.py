"""Article tabs: one source to read, tinted by how many others report each sentence."""
