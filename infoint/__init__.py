"""infoint: run an information-interview campaign from your own machine."""

from infoint import updates as _updates  # noqa: F401  (takes the code's stamp as it loads)

__version__ = "0.1.0"
