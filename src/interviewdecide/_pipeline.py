"""The pipeline: run every rule in order, keep every finding, combine them once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

from . import rules as _rules
from ._errors import FieldTypeError
from ._model import Candidate, Conflict, Invitation, JobPosting, Policy
from ._trace import Action, Alternative, Outcome, Step, Verdict, made_verdict
from ._validators import as_tuple
from .rules import rule_name
from .typing import Combiner, Rule

#: The policy :func:`decide` uses when none is given.
DEFAULT_POLICY = Policy()

#: The library's per-invitation rules, in the advice's order.
DEFAULT_RULES: tuple[Rule, ...] = (
    _rules.accepted_offer,
    _rules.fit,
    _rules.suitability,
    _rules.learning,
)


def decline_wins(trace: tuple[Step, ...], policy: Policy) -> Step | None:
    """Pick the first decline in the trace, else the first attend.

    This is the advice's ordering: a decline from ``accepted-offer``, ``fit`` or
    ``suitability`` outranks any attend.

    .. versionadded:: 0.1.0
    """
    first_attend = None
    for step in trace:
        if step.outcome is Outcome.DECLINE:
            return step
        if first_attend is None and step.outcome is Outcome.ATTEND:
            first_attend = step
    return first_attend


def first_decisive(trace: tuple[Step, ...], policy: Policy) -> Step | None:
    """Pick the first decisive step in pipeline order.

    With the default rules, a "yes" on ``fit`` then outranks a ``suitability``
    decline, while ``accepted-offer``, which runs first, still overrides everything.

    .. versionadded:: 0.1.0
    """
    return next((s for s in trace if s.is_decisive), None)


_BY_CONFLICT = {
    Conflict.DECLINE_WINS: decline_wins,
    Conflict.FIRST_DECISIVE: first_decisive,
}


def by_policy(trace: tuple[Step, ...], policy: Policy) -> Step | None:
    """Combine as :attr:`~interviewdecide.Policy.conflict` says; the default pipeline's combiner.

    .. versionadded:: 0.1.0
    """
    return _BY_CONFLICT[policy.conflict](trace, policy)


def policy_or_default(policy: object) -> Policy:
    """Return ``policy``, or :data:`DEFAULT_POLICY` for ``None``; refuse anything else."""
    if policy is None:
        return DEFAULT_POLICY
    if not isinstance(policy, Policy):
        msg = f"policy: expected a Policy, got {type(policy).__name__}"
        raise TypeError(msg)
    return policy


_DECLINE, _ATTEND = Outcome.DECLINE, Outcome.ATTEND
_ACTIONS = MappingProxyType({_DECLINE: Action.DECLINE, _ATTEND: Action.ATTEND})

#: What a one-pass pick returns: the deciding step and the one that would decide
#: without the deciding rule's steps (each ``None`` when there is none).
_Pick = tuple[Step | None, Step | None]


def _pick_decline_wins(trace: tuple[Step, ...]) -> _Pick:
    """:func:`decline_wins`, and again without the deciding rule, in one pass."""
    decline = other_decline = attend = other_attend = None
    for step in trace:
        outcome = step.outcome
        if outcome is _DECLINE:
            if decline is None:
                decline = step
            elif other_decline is None and step.rule != decline.rule:
                other_decline = step
        elif outcome is _ATTEND:
            if attend is None:
                attend = step
            elif other_attend is None and step.rule != attend.rule:
                other_attend = step
    if decline is None:
        return attend, other_attend
    return decline, _without(decline.rule, other_decline, attend, other_attend)


def _without(
    rule: str, decline: Step | None, attend: Step | None, other: Step | None
) -> Step | None:
    """The next decline, else the first attend, that is not of ``rule``."""
    if decline is not None:
        return decline
    if attend is not None and attend.rule == rule:
        return other
    return attend


def _pick_first_decisive(trace: tuple[Step, ...]) -> _Pick:
    """:func:`first_decisive`, and again without the deciding rule, in one pass."""
    first = None
    for step in trace:
        if step.outcome is _DECLINE or step.outcome is _ATTEND:
            if first is None:
                first = step
            elif step.rule != first.rule:
                return first, step
    return first, None


_ONE_PASS = MappingProxyType(
    {
        Conflict.DECLINE_WINS: _pick_decline_wins,
        Conflict.FIRST_DECISIVE: _pick_first_decisive,
    }
)
_ONE_PASS_BY_COMBINER: Mapping[object, Callable[[tuple[Step, ...]], _Pick]] = MappingProxyType(
    {
        decline_wins: _pick_decline_wins,
        first_decisive: _pick_first_decisive,
    }
)


def _agrees(trace: tuple[Step, ...], decider: Step) -> bool:
    """Whether the first decisive step of the decider's rule asks for what it asks.

    That step is :attr:`Verdict.deciding_step`; only a pipeline that runs two rules
    of one name can make it disagree, which :class:`Verdict` refuses.
    """
    rule = decider.rule
    first = next(s for s in trace if s.rule == rule and s.outcome.action is not None)
    return first.outcome is decider.outcome


def _combiner_name(combine: Combiner, policy: Policy) -> str:
    if combine is by_policy:
        return _BY_CONFLICT[policy.conflict].__name__.replace("_", "-")
    return rule_name(combine)


def _rule_tuple(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    out = as_tuple(rules)
    if not isinstance(out, tuple):
        raise FieldTypeError("rules", f"must be a collection of rules, not {type(rules).__name__}")
    for i, rule in enumerate(out):
        if not callable(rule):
            raise FieldTypeError(f"rules[{i}]", f"{rule!r} is not callable")
    return out


def _misnamed(name: str, step: object) -> TypeError:
    """The error for a rule whose result is not a step carrying the rule's own name."""
    if not isinstance(step, Step):
        return TypeError(f"rule {name!r} returned {type(step).__name__}, not a Step")
    return TypeError(
        f"rule {name!r} returned a step of rule {step.rule!r}: a rule's step must carry "
        f"the rule's name (its advice_id, else its function name with hyphens for "
        f"underscores), so that decided_by and Pipeline.without() can find it"
    )


_NO_DECISION = Step(
    rule="default",
    outcome=Outcome.ATTEND,
    reason=(
        "No rule in this pipeline reached a decision, so the pipeline falls back to "
        "attending, which commits you to nothing."
    ),
)


@attrs.frozen
class Pipeline:
    """An ordered, immutable composition of rules and one way to combine them.

    Build one from the library's rules and your own plain functions; nothing needs
    subclassing::

        Pipeline((rules.accepted_offer, my_rule, rules.learning))

    Attributes:
        rules: The rules to run, in order. Every rule runs on every invitation.
        combine: Picks the deciding step from the trace; by default
            :func:`by_policy`, which follows :attr:`~interviewdecide.Policy.conflict`.

    .. versionadded:: 0.1.0
    """

    rules: tuple[Rule, ...] = attrs.field(default=DEFAULT_RULES, converter=_rule_tuple)
    combine: Combiner = attrs.field(default=by_policy)
    _names: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    @_names.default
    def _rule_names(self) -> tuple[str, ...]:
        return tuple(rule_name(r) for r in self.rules)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the rules in order, each the ``rule`` that its step carries."""
        return self._names

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            msg = f"rule: no rule named {name!r} in this pipeline {self.names}"
            raise ValueError(msg) from None

    def without(self, *names: str) -> Pipeline:
        """Return a pipeline with the named rules left out.

        Raises:
            ValueError: When a name is not in the pipeline.
        """
        drop = {self._index(n) for n in names}
        return attrs.evolve(self, rules=tuple(r for i, r in enumerate(self.rules) if i not in drop))

    def with_rule(
        self, rule: Rule, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """Return a pipeline with ``rule`` added: at the end, or before or after a named rule.

        Raises:
            ValueError: When both ``before`` and ``after`` are given, or a name is
                not in the pipeline.
        """
        if before is not None and after is not None:
            msg = "before: give before or after, not both"
            raise ValueError(msg)
        if before is not None:
            at = self._index(before)
        elif after is not None:
            at = self._index(after) + 1
        else:
            at = len(self.rules)
        return attrs.evolve(self, rules=(*self.rules[:at], rule, *self.rules[at:]))

    def decide(
        self,
        candidate: Candidate,
        invitation: Invitation | JobPosting,
        *,
        policy: Policy | None = None,
    ) -> Verdict:
        """Run every rule and combine their findings into a verdict.

        Args:
            candidate: Who decides.
            invitation: The interview request, or a bare posting (as an invitation
                the candidate has not judged).
            policy: Thresholds and switches; ``DEFAULT_POLICY`` by default.

        Returns:
            The verdict, with every rule's step in its trace.

        Raises:
            TypeError: When an argument, or a rule's result, has the wrong type, or
                a rule's step carries a name other than the rule's own.

        .. versionchanged:: 0.2.0
           A step whose ``rule`` is not its rule's name is a ``TypeError``.
        """
        if not isinstance(candidate, Candidate):
            msg = f"candidate: expected a Candidate, got {type(candidate).__name__}"
            raise TypeError(msg)
        if isinstance(invitation, JobPosting):
            invitation = Invitation(posting=invitation)
        elif not isinstance(invitation, Invitation):
            msg = (
                f"invitation: expected an Invitation or JobPosting, got {type(invitation).__name__}"
            )
            raise TypeError(msg)
        policy = policy_or_default(policy)
        steps = []
        for rule, name in zip(self.rules, self._names, strict=True):
            step = rule(candidate, invitation, policy)
            if not isinstance(step, Step) or step.rule != name:
                raise _misnamed(name, step)
            steps.append(step)
        trace = tuple(steps)
        combine = self.combine
        pick = (
            _ONE_PASS[policy.conflict]
            if combine is by_policy
            else _ONE_PASS_BY_COMBINER.get(combine)
        )
        if pick is not None:
            decider, other = pick(trace)
            if decider is None:
                return made_verdict(
                    Action.ATTEND,
                    _NO_DECISION,
                    (*trace, _NO_DECISION),
                    combined_by=_combiner_name(combine, policy),
                    policy=policy,
                    alternative=None,
                )
            if decider.outcome is _ATTEND or _agrees(trace, decider):
                return made_verdict(
                    _ACTIONS[decider.outcome],
                    decider,
                    trace,
                    combined_by=_combiner_name(combine, policy),
                    policy=policy,
                    alternative=other,
                )
        return self._combine(trace, policy)

    def _combine(self, trace: tuple[Step, ...], policy: Policy) -> Verdict:
        """Combine with any combiner: twice, the second time without the deciding rule."""
        decider = self.combine(trace, policy)
        if decider is None:
            trace += (_NO_DECISION,)
            decider = _NO_DECISION
        action = decider.outcome.action
        if action is None:
            msg = (
                f"combine: picked {decider.rule!r}, whose outcome "
                f"{decider.outcome.value!r} is not decisive"
            )
            raise TypeError(msg)
        other = self.combine(tuple(s for s in trace if s.rule != decider.rule), policy)
        return Verdict(
            action=action,
            decided_by=decider.rule,
            trace=trace,
            combined_by=_combiner_name(self.combine, policy),
            policy=policy,
            alternative=(
                None
                if other is None or other.outcome.action is None
                else Alternative(action=other.outcome.action, decided_by=other.rule)
            ),
        )


_DEFAULT_PIPELINE = Pipeline()


def decide(
    candidate: Candidate,
    invitation: Invitation | JobPosting,
    *,
    policy: Policy | None = None,
    pipeline: Pipeline | None = None,
) -> Verdict:
    """Decide whether to attend an interview, with the reasons.

    Runs the default :class:`~interviewdecide.Pipeline` (``accepted-offer``, ``fit``,
    ``suitability``, ``learning``) unless another is given.

    Args:
        candidate: Who decides.
        invitation: The interview request, or a bare :class:`~interviewdecide.JobPosting`.
        policy: Thresholds and switches; the documented defaults when omitted.
        pipeline: The rules to run; the default pipeline when omitted.

    Returns:
        The verdict: an action, the deciding rule and the full trace.

    Raises:
        TypeError: When an argument has the wrong type.

    .. versionadded:: 0.1.0
    """
    return (pipeline or _DEFAULT_PIPELINE).decide(candidate, invitation, policy=policy)
