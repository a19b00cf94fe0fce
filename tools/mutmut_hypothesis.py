"""Hypothesis settings for mutation testing: a pytest plugin that mutmut loads with ``-p``.

mutmut runs the tests several times in one process (to map tests to functions, then once
clean) and again in forked children, so Hypothesis sees each test called from more than
one executor. This profile silences that check and derandomizes the examples, so that a
mutant is killed by what it changes, never by the luck of the draw. See
docs/development.md.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "mutation",
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.differing_executors, HealthCheck.too_slow],
)
# tests/conftest.py loads the profile named here; plugins given with -p load before it.
os.environ["HYPOTHESIS_PROFILE"] = "mutation"
