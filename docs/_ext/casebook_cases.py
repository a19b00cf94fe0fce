"""Read the casebook (``tests/data/casebook.toml``) and decide every case with the code.

This module needs only interviewdecide, not Sphinx, so the test suite can check it
without the docs tools; :mod:`casebook` renders its cases as a page.

Each ``[[case]]`` holds ``id``, ``title``, ``advice``, ``why``, ``candidate`` and
``invitation`` (in the form :func:`interviewdecide.to_json` writes), an optional
``posting_file`` (a schema.org JSON-LD file, relative to the casebook's folder, that
supplies the invitation's posting), an optional ``policy`` and ``expect = { action,
decided_by }``. :func:`load` decides each case with :func:`interviewdecide.decide`
when it reads it, so a page built from it shows what the code does, and
:attr:`Case.mismatch` says where that differs from what the file expects.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs

from interviewdecide import (
    Action,
    Candidate,
    InvalidInput,
    Invitation,
    JobPosting,
    Pipeline,
    Policy,
    Step,
    Verdict,
    decide,
)
from interviewdecide.serialization import converter, to_problems

__all__ = ["Case", "CasebookError", "describe_candidate", "describe_request", "group", "load"]

T = TypeVar("T")

_REQUIRED = ("id", "title", "advice", "why", "candidate", "invitation", "expect")
_OPTIONAL = ("posting_file", "policy")


class CasebookError(ValueError):
    """The casebook cannot be read; the message names the file, the case and the field."""


@attrs.frozen(kw_only=True)
class Case:
    """One case of the casebook, with the verdict the code reaches on it.

    Attributes:
        id: The case's unique id.
        title: A short heading.
        advice: The advice id the case is mainly about.
        why: One line on why the expected verdict follows from the advice.
        candidate: Who decides.
        invitation: The request.
        policy: The case's policy, or ``None`` for the default.
        expect_action: The action the casebook expects.
        expect_decided_by: The rule the casebook expects to decide.
        verdict: What :func:`interviewdecide.decide` returns for the case.
    """

    id: str
    title: str
    advice: str
    why: str
    candidate: Candidate
    invitation: Invitation
    policy: Policy | None
    expect_action: Action
    expect_decided_by: str
    verdict: Verdict

    @property
    def advice_step(self) -> Step | None:
        """The finding of the rule the case is about, when that rule did not decide."""
        deciding = self.verdict.deciding_step
        return next(
            (s for s in self.verdict.trace if s.rule == self.advice and s is not deciding), None
        )

    @property
    def mismatch(self) -> str | None:
        """Say how the code's verdict differs from the expected one, or ``None``."""
        got = (self.verdict.action, self.verdict.decided_by)
        if got == (self.expect_action, self.expect_decided_by):
            return None
        return (
            f"case {self.id!r}: the casebook expects {self.expect_action.value} by "
            f"{self.expect_decided_by}, the code decides {got[0].value} by {got[1]}"
        )


def _structure(data: object, cls: type[T], where: str) -> T:
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        raise CasebookError("; ".join(map(str, to_problems(exc, where)))) from None


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise CasebookError(f"{where}.{key}: must be a non-empty string, got {value!r}")
    return value


def _posting_from_file(folder: Path, name: object, where: str) -> JobPosting:
    if not isinstance(name, str):
        raise CasebookError(f"{where}.posting_file: must be a string, got {name!r}")
    path = folder / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return JobPosting.from_schema_org(data)
    except OSError as exc:
        raise CasebookError(f"{where}.posting_file: cannot read {path}: {exc}") from None
    except (ValueError, InvalidInput) as exc:  # bad JSON, or not a JobPosting
        raise CasebookError(f"{where}.posting_file: {path}: {exc}") from None


def _expect(raw: object, where: str) -> tuple[Action, str]:
    if not isinstance(raw, Mapping) or set(raw) != {"action", "decided_by"}:
        raise CasebookError(f"{where}.expect: must be a table of action and decided_by")
    try:
        action = Action(raw["action"])
    except ValueError:
        allowed = ", ".join(a.value for a in Action)
        msg = f"{where}.expect.action: {raw['action']!r} is not one of {allowed}"
        raise CasebookError(msg) from None
    return action, _text(raw, "decided_by", f"{where}.expect")


def _case(raw: object, index: int, folder: Path, label: str) -> Case:
    where = f"{label}: case[{index}]"
    if not isinstance(raw, Mapping):
        raise CasebookError(f"{where}: must be a table")
    missing = [key for key in _REQUIRED if key not in raw]
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if missing or unknown:
        parts = [f"missing {', '.join(missing)}"] if missing else []
        parts += [f"unknown {', '.join(unknown)}"] if unknown else []
        raise CasebookError(f"{where}: {'; '.join(parts)}")
    case_id = _text(raw, "id", where)
    where = f"{label}: case[{index}] ({case_id})"
    invitation_data = raw["invitation"]
    if "posting_file" in raw:
        if not isinstance(invitation_data, Mapping) or "posting" in invitation_data:
            msg = f"{where}: give invitation.posting or posting_file, not both"
            raise CasebookError(msg)
        posting = _posting_from_file(folder, raw["posting_file"], where)
        invitation_data = {**invitation_data, "posting": converter.unstructure(posting)}
    candidate = _structure(raw["candidate"], Candidate, f"{where}.candidate")
    invitation = _structure(invitation_data, Invitation, f"{where}.invitation")
    policy = _structure(raw["policy"], Policy, f"{where}.policy") if "policy" in raw else None
    action, decided_by = _expect(raw["expect"], where)
    return Case(
        id=case_id,
        title=_text(raw, "title", where),
        advice=_text(raw, "advice", where),
        why=_text(raw, "why", where),
        candidate=candidate,
        invitation=invitation,
        policy=policy,
        expect_action=action,
        expect_decided_by=decided_by,
        verdict=decide(candidate, invitation, policy=policy),
    )


def load(path: Path) -> tuple[Case, ...]:
    """Read the casebook at ``path`` and decide each case.

    Raises:
        CasebookError: When the file cannot be read or parsed, a case lacks a field
            or has an unknown one, a value is invalid, or two cases share an id. The
            message names the file, the case's index and id, and the field's path.
    """
    label = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CasebookError(f"{label}: cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CasebookError(f"{label}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"case"})
    if unknown:
        raise CasebookError(f"{label}: unknown top-level key(s) {', '.join(unknown)}")
    raw_cases = data.get("case", [])
    if not isinstance(raw_cases, list) or not raw_cases:
        raise CasebookError(f"{label}: case: must be a non-empty array of tables ([[case]])")
    cases = tuple(_case(raw, i, path.parent, label) for i, raw in enumerate(raw_cases))
    seen: dict[str, int] = {}
    for i, case in enumerate(cases):
        if case.id in seen:
            msg = f"{label}: case[{i}].id: {case.id!r} repeats the id of case[{seen[case.id]}]"
            raise CasebookError(msg)
        seen[case.id] = i
    return cases


def group(cases: Iterable[Case]) -> list[tuple[str, list[Case]]]:
    """Group cases by advice id: the default pipeline's rules in order, then the rest.

    Within a group, cases keep the casebook's order; groups beyond the pipeline's
    rules come in the order of their first case.
    """
    groups: dict[str, list[Case]] = {name: [] for name in Pipeline().names}
    for case in cases:
        groups.setdefault(case.advice, []).append(case)
    return [(advice, members) for advice, members in groups.items() if members]


def _join(label: str, items: Iterable[object]) -> str | None:
    values = sorted(str(i) for i in items)
    return f"{label} {', '.join(values)}" if values else None


def _years(value: float) -> str:
    return f"{value:g} year" + ("" if value == 1 else "s")


def describe_candidate(candidate: Candidate) -> str:
    """Return the candidate in one line: experience, what she wants, her offers."""
    wants = candidate.aspirations
    parts: Sequence[str | None] = (
        _join("roles:", wants.roles),
        _join("employers:", wants.companies),
        _join("industries:", wants.industries),
        _join("places:", wants.locations),
        _join("arrangements:", (a.value for a in wants.arrangements)),
        (
            f"pay from {wants.min_salary.amount} {wants.min_salary.currency}"
            if wants.min_salary
            else None
        ),
        _join("avoids:", wants.avoid_companies),
    )
    stated = [p for p in parts if p]
    line = f"{candidate.name}, {_years(candidate.years_experience)} of experience"
    line += "; wants " + "; ".join(stated) if stated else "; no aspirations stated"
    offers = [f"{o.company} ({o.status.value})" for o in candidate.offers]
    if offers:
        line += "; offers: " + ", ".join(offers)
    return line + "."


def describe_request(invitation: Invitation, policy: Policy | None) -> str:
    """Return the request in one line: the posting, the candidate's answer and concerns."""
    posting = invitation.posting
    parts = [posting.label]
    if posting.required_years is not None:
        parts.append(f"asks {_years(posting.required_years)}")
    if posting.locations:
        parts.append("in " + " / ".join(str(loc) for loc in posting.locations))
    if posting.arrangement is not None:
        parts.append(posting.arrangement.value.replace("_", " "))
    if posting.industry is not None:
        parts.append(f"industry {posting.industry}")
    if posting.salary is not None:
        pay = posting.salary
        figures = " to ".join(
            dict.fromkeys(str(f) for f in (pay.minimum, pay.maximum) if f is not None)
        )
        parts.append(f"pays {figures} {pay.currency} per {pay.period.value}")
    answers = {True: "yes", False: "no", None: "not given"}
    parts.append(f"your own answer on fit: {answers[invitation.matches_aspirations]}")
    parts.extend(
        f"concern: {c.kind.value.replace('_', ' ')} ({c.basis.value.replace('_', ' ')})"
        for c in invitation.concerns
    )
    if policy is not None:
        default = Policy()
        changed = [
            f"{field.name}={getattr(policy, field.name)!s}"
            for field in attrs.fields(Policy)
            if getattr(policy, field.name) != getattr(default, field.name)
        ]
        parts.append("policy: " + (", ".join(changed) if changed else "the default"))
    return "; ".join(parts) + "."
