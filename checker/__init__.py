"""The backprop-kata checker: `python -m checker`. See checker/README.md for the architecture."""

__version__ = "0.1.0"
