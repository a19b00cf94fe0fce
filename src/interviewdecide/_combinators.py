"""The combinators' rules: all of, any of, and a rule under a condition.

Built by :func:`interviewdecide.rules.all_of`, :func:`~interviewdecide.rules.any_of`
and :func:`~interviewdecide.rules.when`, which import this module on first use.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

import attrs

from ._trace import Outcome, Step
from .rules import rule_name

if TYPE_CHECKING:
    from ._model import Candidate, Invitation, Policy
    from .rules import Predicate
    from .typing import Rule


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    out = tuple(rules)
    if not out:
        msg = "rules: a combinator needs at least one rule"
        raise ValueError(msg)
    return out


@attrs.frozen
class Group:
    """Runs every rule, keeps each step as a child, and lets ``_combine`` decide."""

    #: The kind of combination, which starts the default id: ``all-of(a, b)``.
    kind: ClassVar[str]

    rules: tuple[Rule, ...] = attrs.field(converter=_rules)
    name: str | None = None

    @property
    def advice_id(self) -> str:
        return self.name or f"{self.kind}({', '.join(rule_name(r) for r in self.rules)})"

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        children = tuple(r(candidate, invitation, policy) for r in self.rules)
        outcome, reason = self._combine(children)
        return Step(rule=self.advice_id, outcome=outcome, reason=reason, children=children)

    @abc.abstractmethod
    def _combine(self, children: tuple[Step, ...]) -> tuple[Outcome, str]:
        """The outcome and the reason of the combined step, from the children's steps."""


@attrs.frozen
class AllOf(Group):
    kind = "all-of"

    def _combine(self, children: tuple[Step, ...]) -> tuple[Outcome, str]:
        first = children[0].outcome
        agree = first.action is not None and all(c.outcome is first for c in children)
        if len(children) == 1:
            if agree:
                return first, f"Its one rule says {first.value}."
            return Outcome.NO_OBJECTION, "Its one rule reached no decision."
        if agree:
            both = "Both rules" if len(children) == 2 else f"All {len(children)} rules"
            return first, f"{both} agree: {first.value}."
        return (
            Outcome.NO_OBJECTION,
            f"The {len(children)} rules do not all reach the same decision, so none is taken.",
        )


@attrs.frozen
class AnyOf(Group):
    kind = "any-of"

    def _combine(self, children: tuple[Step, ...]) -> tuple[Outcome, str]:
        for child in children:
            if child.is_decisive:
                return (
                    child.outcome,
                    f"The first decisive rule, {child.rule}, says {child.outcome.value}.",
                )
        if len(children) == 1:
            return Outcome.NO_OBJECTION, "Its one rule reached no decision."
        return Outcome.NO_OBJECTION, f"None of the {len(children)} rules reached a decision."


@attrs.frozen
class When:
    predicate: Predicate
    rule: Rule
    description: str

    @property
    def advice_id(self) -> str:
        return rule_name(self.rule)

    def __call__(self, candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
        if self.predicate(candidate, invitation, policy):
            return self.rule(candidate, invitation, policy)
        return Step(
            rule=self.advice_id,
            outcome=Outcome.NOT_APPLICABLE,
            reason=f"Skipped, because the condition does not hold: {self.description}.",
        )
