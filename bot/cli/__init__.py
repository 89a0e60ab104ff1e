"""Command-line tools: ``python -m bot course ...``."""
