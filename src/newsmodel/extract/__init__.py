"""The built-in extractors, one module per family of facts."""
