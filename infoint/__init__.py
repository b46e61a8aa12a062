"""infoint: run an information-interview campaign from your own machine."""

__version__ = "0.1.0"
