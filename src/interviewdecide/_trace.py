"""What rules conclude and what a decision returns: steps, verdicts, their accounts."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import attrs

from ._errors import FieldTypeError, FieldValueError
from ._model import Policy
from ._validators import as_tuple, instance_of, tuple_of
from ._version import __version__

__all__ = ["Action", "Alternative", "Fact", "FactValue", "Outcome", "Step", "Verdict"]

# The library builds most steps, facts and verdicts itself, from values its own
# constructors have already checked. The ``made_*`` functions below build those
# without running the validators and converters that guard user input: every field
# must already be of its final type (tuples, not lists). Users never reach them;
# what users can construct is unchanged. tests/test_speed_paths.py rebuilds what
# they make with the public constructors and checks that both agree.
new_instance = object.__new__

#: The kinds of value a :class:`Fact` may hold; all of them survive JSON unchanged.
FactValue = str | int | float | bool | None

#: The version of the verdict's stored form; bumped when the JSON shape changes.
SCHEMA_VERSION = 1


class Action(StrEnum):
    """What the candidate should do about an invitation.

    .. versionadded:: 0.1.0
    """

    ATTEND = "attend"
    DECLINE = "decline"


class Outcome(StrEnum):
    """What one rule concluded.

    .. versionadded:: 0.1.0
    """

    #: The rule found a reason to attend.
    ATTEND = "attend"
    #: The rule found a reason to decline.
    DECLINE = "decline"
    #: The rule looked at its facts and found nothing to act on.
    NO_OBJECTION = "no_objection"
    #: The rule found something worth telling the candidate, but no reason to act.
    NOTE = "note"
    #: The rule's input is absent, so it could not judge.
    NOT_APPLICABLE = "not_applicable"

    @property
    def action(self) -> Action | None:
        """The action this outcome asks for, or ``None`` when it asks for none."""
        return _ACTIONS.get(self)

    @property
    def label(self) -> str:
        """The outcome in words, such as ``"no objection"``."""
        return self.value.replace("_", " ")


_ACTIONS = {Outcome.ATTEND: Action.ATTEND, Outcome.DECLINE: Action.DECLINE}


def _fact_value(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str | int | float):
        raise FieldTypeError(
            attribute.name,
            f"must be a str, int, float, bool or None, got {type(value).__name__}",
        )
    if isinstance(value, float) and not math.isfinite(value):
        # NaN and infinities do not survive JSON, and NaN is not equal to itself.
        raise FieldValueError(attribute.name, f"must be finite, got {value!r}")


@attrs.frozen(kw_only=True)
class Fact:
    """One fact a rule used, by name, as data.

    Attributes:
        name: What the fact is, such as ``"years_asked"``.
        value: Its value.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=instance_of(str))
    value: FactValue = attrs.field(validator=_fact_value)


def _facts(values: Iterable[Fact]) -> tuple[Fact, ...]:
    return as_tuple(values)


def fact_named(facts: Iterable[Fact], name: str) -> FactValue:
    """Return the value of the first fact in ``facts`` called ``name``.

    Raises:
        KeyError: When no fact has that name.
    """
    for fact in facts:
        if fact.name == name:
            return fact.value
    raise KeyError(name)


def _steps(values: Iterable[Step]) -> tuple[Step, ...]:
    return as_tuple(values)


@attrs.frozen(kw_only=True)
class Step:
    """One rule's finding, as it lands in a verdict's trace.

    Attributes:
        rule: The advice id of the rule (``"fit"``), or a custom rule's name.
        outcome: What the rule concluded.
        reason: A full sentence naming the facts and thresholds used.
        facts: Those facts, as data.
        counterfactual: For a threshold finding, the value at which the finding
            would change, as a sentence; ``None`` otherwise.
        children: The findings of the rules a combinator ran, in order.

    .. versionadded:: 0.1.0
    """

    rule: str = attrs.field(validator=instance_of(str))
    outcome: Outcome = attrs.field(validator=instance_of(Outcome))
    reason: str = attrs.field(validator=instance_of(str))
    facts: tuple[Fact, ...] = attrs.field(
        default=(),
        converter=_facts,
        validator=tuple_of(Fact),
    )
    counterfactual: str | None = attrs.field(
        default=None,
        validator=instance_of(str, optional=True),
    )
    children: tuple[Step, ...] = attrs.field(default=(), converter=_steps)

    @children.validator
    def _check_children(self, attribute: attrs.Attribute[Any], value: tuple[Step, ...]) -> None:
        if not isinstance(value, tuple):
            raise FieldTypeError(
                attribute.name, f"must be a collection of Step, not {type(value).__name__}"
            )
        for i, child in enumerate(value):
            if not isinstance(child, Step):
                raise FieldTypeError(
                    f"{attribute.name}[{i}]",
                    f"must be a Step, not {type(child).__name__}",
                )

    @property
    def is_decisive(self) -> bool:
        """Whether the finding asks for an action (attend or decline)."""
        return self.outcome.action is not None

    def fact(self, name: str) -> FactValue:
        """Return the value of the fact called ``name``.

        Raises:
            KeyError: When the step holds no such fact.
        """
        return fact_named(self.facts, name)

    def describe(self) -> str:
        """Return the step as one line: ``[rule] outcome: reason``."""
        from ._render import step_line

        return step_line(self)


@attrs.frozen(kw_only=True)
class Alternative:
    """How the pipeline would decide without the rule that decided.

    Attributes:
        action: The action the remaining findings lead to.
        decided_by: The rule that would then decide.

    .. versionadded:: 0.1.0
    """

    action: Action = attrs.field(validator=instance_of(Action))
    decided_by: str = attrs.field(validator=instance_of(str))


_FOLLOW_UP = {
    Action.ATTEND: (
        "Go to the interview, learn first-hand what the employer offers, and "
        "afterwards weigh whether to take the process further."
    ),
    Action.DECLINE: (
        "Decline by e-mail: keep it short, polite and professional, since the same "
        "employer or hiring manager may have a role for you later."
    ),
}


def _readable_version(_: object, __: attrs.Attribute[int], version: int) -> None:
    """Refuse a stored form this library cannot read: from a newer release, or none at all."""
    if version > SCHEMA_VERSION:
        raise FieldValueError(
            "schema_version",
            f"{version} is newer than this library reads ({SCHEMA_VERSION}); it was "
            f"written by a newer interviewdecide than this one ({__version__})",
        )
    if version < 1:
        raise FieldValueError(
            "schema_version", f"{version} is not a version: stored forms start at 1"
        )


@attrs.frozen(kw_only=True)
class Verdict:
    """The decision on one invitation, with the trace that explains it.

    Attributes:
        action: Attend or decline.
        decided_by: The advice id of the rule whose finding decided.
        trace: Every rule's finding in pipeline order, abstentions included.
        combined_by: The name of the strategy that combined the findings.
        policy: The policy values the rules used.
        alternative: How the pipeline would decide without the deciding rule, or
            ``None`` when nothing else in the trace is decisive.
        schema_version: The version of the stored form.

    .. versionadded:: 0.1.0
    """

    action: Action = attrs.field(validator=instance_of(Action))
    decided_by: str = attrs.field(validator=instance_of(str))
    trace: tuple[Step, ...] = attrs.field(
        converter=_steps,
        validator=tuple_of(Step),
    )
    combined_by: str = attrs.field(validator=instance_of(str))
    policy: Policy = attrs.field(validator=instance_of(Policy))
    alternative: Alternative | None = attrs.field(
        default=None,
        validator=instance_of(Alternative, optional=True),
    )
    schema_version: int = attrs.field(
        default=SCHEMA_VERSION, validator=[instance_of(int), _readable_version]
    )

    def __attrs_post_init__(self) -> None:
        if self.deciding_step.outcome.action is not self.action:
            raise FieldValueError(
                "action",
                f"{self.action.value!r} disagrees with the outcome of the deciding "
                f"step {self.decided_by!r}",
            )

    @property
    def deciding_step(self) -> Step:
        """The step of the rule that decided.

        Raises:
            ValueError: On construction, when no decisive step of that rule is in
                the trace.
        """
        for step in self.trace:
            if step.rule == self.decided_by and step.is_decisive:
                return step
        raise FieldValueError(
            "decided_by", f"no decisive step of rule {self.decided_by!r} in the trace"
        )

    def step(self, name: str) -> Step | None:
        """Return the step of the rule ``name`` in the trace, or ``None`` when it has none.

        Args:
            name: A rule's name, as its steps carry it (``"fit"``).

        .. versionadded:: 0.2.0
        """
        for step in self.trace:
            if step.rule == name:
                return step
        return None

    @property
    def follow_up(self) -> str:
        """What the advice says to do next, for this action."""
        return _FOLLOW_UP[self.action]

    @property
    def counterfactuals(self) -> tuple[str, ...]:
        """What would change a threshold finding, one sentence per step that has one."""
        return tuple(s.counterfactual for s in self.trace if s.counterfactual)

    def explain(self) -> str:
        """Return a plain-text account of the verdict that a job seeker can follow."""
        from ._render import verdict_plain

        return verdict_plain(self)


# -- library-made values ------------------------------------------------------------


def slot_setters(cls: type, *names: str) -> tuple[Any, ...]:
    """The slot setters of ``cls``, which bypass its frozen ``__setattr__``."""
    return tuple(cls.__dict__[name].__set__ for name in names)


_FACT_SET = slot_setters(Fact, "name", "value")
_STEP_SET = slot_setters(Step, "rule", "outcome", "reason", "facts", "counterfactual", "children")
_ALTERNATIVE_SET = slot_setters(Alternative, "action", "decided_by")
_VERDICT_SET = slot_setters(
    Verdict, "action", "decided_by", "trace", "combined_by", "policy", "alternative"
)
_SCHEMA_VERSION_SET = Verdict.__dict__["schema_version"].__set__


def made_fact(name: str, value: FactValue) -> Fact:
    """A :class:`Fact` the library made: ``value`` is a finite number, text, bool or None."""
    fact: Fact = new_instance(Fact)
    set_name, set_value = _FACT_SET
    set_name(fact, name)
    set_value(fact, value)
    return fact


#: :func:`made_fact` for the few values a finding takes again and again (a
#: comparison, a policy figure): one shared, immutable instance each, so a batch
#: keeps fewer objects alive. ``typed`` keeps ``1`` and ``True`` apart.
shared_fact = functools.lru_cache(maxsize=512, typed=True)(made_fact)


def made_step(
    rule: str,
    outcome: Outcome,
    reason: str,
    facts: tuple[Fact, ...] = (),
    counterfactual: str | None = None,
) -> Step:
    """A :class:`Step` without children that a library rule made from checked values."""
    step: Step = new_instance(Step)
    set_rule, set_outcome, set_reason, set_facts, set_counterfactual, set_children = _STEP_SET
    set_rule(step, rule)
    set_outcome(step, outcome)
    set_reason(step, reason)
    set_facts(step, facts)
    set_counterfactual(step, counterfactual)
    set_children(step, ())
    return step


def made_verdict(  # noqa: PLR0913 -- one argument per field
    action: Action,
    decider: Step,
    trace: tuple[Step, ...],
    *,
    combined_by: str,
    policy: Policy,
    alternative: Step | None,
) -> Verdict:
    """A :class:`Verdict` the pipeline made from a trace of checked steps.

    The caller guarantees what the validators would check: ``trace`` is a tuple of
    :class:`Step`, ``decider`` is the first decisive step of its rule in it and asks
    for ``action``, and ``alternative``, when given, is decisive.
    """
    verdict: Verdict = new_instance(Verdict)
    set_action, set_by, set_trace, set_combined, set_policy, set_alternative = _VERDICT_SET
    set_action(verdict, action)
    set_by(verdict, decider.rule)
    set_trace(verdict, trace)
    set_combined(verdict, combined_by)
    set_policy(verdict, policy)
    if alternative is None:
        set_alternative(verdict, None)
    else:
        alt: Alternative = new_instance(Alternative)
        set_alt_action, set_alt_by = _ALTERNATIVE_SET
        set_alt_action(alt, _ACTIONS[alternative.outcome])
        set_alt_by(alt, alternative.rule)
        set_alternative(verdict, alt)
    _SCHEMA_VERSION_SET(verdict, SCHEMA_VERSION)
    return verdict
