"""The changes the clerk's screen makes, each registered under the ``op`` its form posts.

Importing the package registers them all in ``OPS``.
"""

from . import minutes, motions, people  # noqa: F401  (each registers its operations)
from .base import OPS, Change, Invalid, Operation, errors_of

__all__ = ["OPS", "Change", "Invalid", "Operation", "errors_of"]
