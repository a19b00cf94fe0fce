"""Hypothesis's plugin entry point: register the strategies of :mod:`interviewdecide.testing`.

Hypothesis calls :func:`setup` when it is imported. Importing
:mod:`interviewdecide.testing` registers its strategies for their types; when that
module is the one importing Hypothesis right now, it registers them itself once it
is loaded, so nothing here may import it a second time.
"""

from __future__ import annotations

import importlib
import sys


def setup() -> None:
    """Import :mod:`interviewdecide.testing`, which registers its strategies."""
    if f"{__package__}.testing" not in sys.modules:
        importlib.import_module(f"{__package__}.testing")
