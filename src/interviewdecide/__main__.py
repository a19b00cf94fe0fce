"""Run the ``interviewdecide`` command: ``python -m interviewdecide``.

The console script ``interviewdecide`` calls :func:`main` too.
"""

from __future__ import annotations

import sys

from ._cli._main import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
