"""Graphviz DOT for the decision diagram, built from a pipeline and a policy.

This module needs only interviewdecide, not Sphinx, so the test suite can check the
diagram without the docs tools; :mod:`decision_diagram` wraps it as a directive.

What each rule can decide is written here by hand, keyed by rule name, because a
rule's code does not describe itself. :func:`dot_source` refuses a pipeline with a
rule (or a conflict setting) this module does not describe, so adding a rule to the
default pipeline fails the docs build until the diagram learns about it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from interviewdecide import Conflict, Policy

__all__ = [
    "CAN_DECIDE",
    "COMBINING",
    "UnknownRuleError",
    "dot_source",
]

#: One line of a rule's box: the outcome it can reach and when.
Line = tuple[str, str]


def _overqualified(policy: Policy) -> str:
    """Say when ``suitability`` calls the candidate overqualified under ``policy``."""
    parts = []
    if policy.overqualified_surplus_years is not None:
        parts.append(f"held - asked >= {policy.overqualified_surplus_years:g} years")
    if policy.overqualified_ratio is not None:
        parts.append(f"held / asked >= {policy.overqualified_ratio:g}")
    if not parts:
        return "never on the job description's figure alone"
    return "overqualified by the job description's figure: " + " and ".join(parts)


def _fit(policy: Policy) -> tuple[Line, ...]:
    """Say what ``fit`` concludes under ``policy``'s switches."""
    n = policy.fit_clashes_to_decline
    unmet = "an unmet need" if n == 1 else f"{n} or more unmet needs"
    if policy.fit_needs_outweigh_aims:
        attend = "your own yes; or an aim met and no need unmet"
        decline = f"your own no; {unmet}, even with an aim met"
    else:
        attend = "your own yes; or an aim met"
        decline = f"your own no; {unmet} and no aim met"
    if policy.fit_unmatched_aims_decline:
        decline += "; or aims stated and none met"
    return (
        ("attend", attend),
        ("attend", "no aim to compare, and a need met"),
        ("decline", decline),
        ("not applicable", "no answer and nothing to compare"),
    )


#: Rule name -> what the rule can conclude, as (outcome, when) lines for its box.
CAN_DECIDE: Mapping[str, Callable[[Policy], tuple[Line, ...]]] = {
    "accepted-offer": lambda _policy: (
        ("decline", "an offer accepted from another employer, or an unnamed one"),
        ("no objection", "no accepted offer, or it is from this employer"),
    ),
    "fit": _fit,
    "suitability": lambda policy: (
        ("decline", _overqualified(policy)),
        ("decline", "a concern based on the job description"),
        ("note", "a concern based on hearsay, friends or impression"),
    ),
    "learning": lambda _policy: (("attend", "always: the tie-breaker"),),
}

#: Conflict setting -> (combiner name, how it picks the deciding finding).
COMBINING: Mapping[Conflict, tuple[str, tuple[str, ...]]] = {
    Conflict.DECLINE_WINS: (
        "decline-wins",
        (
            "any decline decides: the first declining rule in pipeline order",
            "no decline: the first attend in pipeline order decides",
        ),
    ),
    Conflict.FIRST_DECISIVE: (
        "first-decisive",
        ("the first attend or decline in pipeline order decides",),
    ),
}


class UnknownRuleError(LookupError):
    """The pipeline holds a rule, or the policy a setting, the diagram cannot describe."""


def _quote(text: str) -> str:
    """Return ``text`` as a DOT double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _left(lines: Iterable[str]) -> str:
    r"""Join lines as a DOT label, each line left-aligned (``\l``)."""
    escaped = (_quote(line)[1:-1] for line in lines)
    return '"' + "".join(f"{line}\\l" for line in escaped) + '"'


def dot_source(names: Iterable[str], policy: Policy) -> str:
    """Return the DOT text of the decision diagram.

    Args:
        names: The pipeline's rule names, in order (``Pipeline().names``).
        policy: The policy whose thresholds and conflict setting the diagram shows.

    Raises:
        UnknownRuleError: When a rule or the conflict setting is not described in
            :data:`CAN_DECIDE` or :data:`COMBINING`.
    """
    names = tuple(names)
    unknown = [name for name in names if name not in CAN_DECIDE]
    if unknown:
        msg = (
            f"decision diagram: the pipeline has rule(s) {', '.join(map(repr, unknown))} "
            f"that CAN_DECIDE in docs/_ext/decision_dot.py does not describe; "
            f"add what each can decide there (known: {', '.join(sorted(CAN_DECIDE))})"
        )
        raise UnknownRuleError(msg)
    if policy.conflict not in COMBINING:
        msg = (
            f"decision diagram: the conflict setting {policy.conflict!r} is not "
            "described in COMBINING in docs/_ext/decision_dot.py"
        )
        raise UnknownRuleError(msg)
    combiner, how = COMBINING[policy.conflict]
    lines = [
        "digraph decision {",
        '  graph [rankdir=TB, bgcolor="transparent", nodesep=0.3, ranksep=0.35];',
        '  node [shape=box, style="rounded,filled", fillcolor="white", color="#555555",'
        ' fontname="sans-serif", fontsize=11];',
        '  edge [color="#777777", fontname="sans-serif", fontsize=10, fontcolor="#777777"];',
        '  invitation [label="a candidate and one invitation", shape=oval];',
    ]
    previous = "invitation"
    for i, name in enumerate(names):
        box = [f"{i + 1}. {name}", *(f"{out}: {when}" for out, when in CAN_DECIDE[name](policy))]
        lines.append(f"  rule{i} [label={_left(box)}];")
        lines.append(f"  {previous} -> rule{i};")
        previous = f"rule{i}"
    lines.append(f"  combine [label={_left([f'combine ({combiner})', *how])}];")
    lines.append(f'  {previous} -> combine [label=" every finding, in order"];')
    lines.extend(
        (
            '  attend [label="ATTEND", shape=oval, fillcolor="#d8f0d8"];',
            '  decline [label="DECLINE", shape=oval, fillcolor="#f6d6d6"];',
            "  combine -> attend;",
            "  combine -> decline;",
            "}",
        )
    )
    return "\n".join(lines) + "\n"
