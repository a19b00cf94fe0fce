"""Protocols and aliases for code that extends interviewdecide.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ._model import Candidate, Invitation, Policy
    from ._trace import Step

__all__ = ["Combiner", "Rule"]


class Rule(Protocol):
    """A rule: reads a candidate, an invitation and a policy, returns one finding.

    Any plain function with this signature is a rule; so is any object with a
    matching ``__call__``. A rule's steps carry its name (see
    :func:`interviewdecide.rules.rule_name`).

    .. versionadded:: 0.1.0
    """

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy, /) -> Step:
        """Return the rule's finding for this invitation."""


class Combiner(Protocol):
    """A strategy that picks the deciding step from a trace.

    It returns the step whose outcome becomes the verdict, or ``None`` when no step
    is decisive. It must pick a decisive step (one whose outcome is attend or
    decline) from the trace it is given.

    .. versionadded:: 0.1.0
    """

    def __call__(self, trace: tuple[Step, ...], policy: Policy, /) -> Step | None:
        """Return the deciding step, or ``None``."""
