"""The annotation panel, the Annotations list and the annotator."""
