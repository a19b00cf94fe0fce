"""The casebook: realistic requests, each decided as the advice says.

``tests/data/casebook.toml`` holds the cases; the docs render the same file as the
"Casebook" page. Every case is built through the JSON form that
:func:`interviewdecide.to_json` writes, so the casebook also exercises the readers.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pytest

from interviewdecide import (
    Action,
    Candidate,
    InvalidInput,
    Invitation,
    JobPosting,
    Pipeline,
    Policy,
    decide,
    from_json,
    to_json,
)
from interviewdecide.serialization import converter

DATA = Path(__file__).parent / "data"
CASEBOOK = DATA / "casebook.toml"
ADVICE_PAGE = Path(__file__).parent.parent / "docs" / "advice.md"

#: The keys a case may hold; the first group is required.
REQUIRED_KEYS = frozenset({"id", "title", "advice", "why", "candidate", "invitation", "expect"})
OPTIONAL_KEYS = frozenset({"policy", "posting_file"})
_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class CasebookError(ValueError):
    """A case that cannot be read; the message names the case and the field."""


@attrs.frozen(kw_only=True)
class Case:
    """One case of the casebook, built into the library's types."""

    id: str
    title: str
    advice: str
    why: str
    candidate: Candidate
    invitation: Invitation
    policy: Policy | None
    action: Action
    decided_by: str


T = TypeVar("T")


def _json_value(case_id: str, field: str, cls: type[T], value: object) -> T:
    """Read one table of a case through ``from_json``, naming the case on failure."""
    if not isinstance(value, dict):
        msg = f"case {case_id!r}: {field} must be a table, got {type(value).__name__}"
        raise CasebookError(msg)
    try:
        return from_json(cls, json.dumps(value))
    except InvalidInput as e:
        msg = f"case {case_id!r}: {field}: {e}"
        raise CasebookError(msg) from None


def _invitation(case_id: str, raw: dict[str, Any], base: Path) -> Invitation:
    """Build the invitation, reading the posting from ``posting_file`` when given."""
    table = raw["invitation"]
    if not isinstance(table, dict):
        msg = f"case {case_id!r}: invitation must be a table, got {type(table).__name__}"
        raise CasebookError(msg)
    posting_file = raw.get("posting_file")
    if posting_file is None:
        return _json_value(case_id, "invitation", Invitation, table)
    if "posting" in table:
        msg = f"case {case_id!r}: give either posting_file or invitation.posting, not both"
        raise CasebookError(msg)
    if not isinstance(posting_file, str):
        msg = f"case {case_id!r}: posting_file must be a path relative to {base}"
        raise CasebookError(msg)
    path = base / posting_file
    if not path.is_file():
        msg = f"case {case_id!r}: posting_file {posting_file!r} not found under {base}"
        raise CasebookError(msg)
    posting = JobPosting.from_schema_org(json.loads(path.read_text(encoding="utf-8")))
    with_posting = {**table, "posting": converter.unstructure(posting)}
    return _json_value(case_id, "invitation", Invitation, with_posting)


def _case(index: int, raw: object, base: Path) -> Case:
    """Check one raw case's keys and build it."""
    if not isinstance(raw, dict):
        msg = f"case[{index}] must be a table, got {type(raw).__name__}"
        raise CasebookError(msg)
    case_id = raw.get("id", f"case[{index}]")
    missing = sorted(REQUIRED_KEYS - raw.keys())
    unknown = sorted(raw.keys() - REQUIRED_KEYS - OPTIONAL_KEYS)
    if missing or unknown:
        parts = [f"missing {', '.join(missing)}"] if missing else []
        parts += [f"unknown {', '.join(unknown)}"] if unknown else []
        msg = f"case {case_id!r}: {'; '.join(parts)}"
        raise CasebookError(msg)
    for field in ("id", "title", "advice", "why"):
        if not isinstance(raw[field], str) or not raw[field].strip():
            msg = f"case {case_id!r}: {field} must be a non-empty string"
            raise CasebookError(msg)
    if not _KEBAB.fullmatch(raw["id"]):
        msg = f"case {case_id!r}: id must be kebab-case (lower-case words and hyphens)"
        raise CasebookError(msg)
    expect = raw["expect"]
    if not isinstance(expect, dict) or set(expect) != {"action", "decided_by"}:
        msg = f"case {case_id!r}: expect must be a table of exactly action and decided_by"
        raise CasebookError(msg)
    try:
        action = Action(expect["action"])
    except ValueError:
        choices = ", ".join(a.value for a in Action)
        msg = f"case {case_id!r}: expect.action must be one of {choices}"
        raise CasebookError(msg) from None
    policy = raw.get("policy")
    return Case(
        id=raw["id"],
        title=raw["title"],
        advice=raw["advice"],
        why=raw["why"],
        candidate=_json_value(case_id, "candidate", Candidate, raw["candidate"]),
        invitation=_invitation(case_id, raw, base),
        policy=None if policy is None else _json_value(case_id, "policy", Policy, policy),
        action=action,
        decided_by=str(expect["decided_by"]),
    )


def load_casebook(path: Path = CASEBOOK, *, base: Path = DATA) -> tuple[Case, ...]:
    """Read a casebook file; ``posting_file`` paths are relative to ``base``.

    Raises:
        CasebookError: When the file or a case cannot be read; the message names
            the case id and the field.
    """
    with path.open("rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            msg = f"{path.name}: not valid TOML: {e}"
            raise CasebookError(msg) from None
    cases = data.get("case")
    if set(data) != {"case"} or not isinstance(cases, list):
        msg = f"{path.name}: expected only [[case]] tables at the top level"
        raise CasebookError(msg)
    return tuple(_case(i, raw, base) for i, raw in enumerate(cases))


def advice_ids() -> frozenset[str]:
    """The advice ids in the table of docs/advice.md."""
    text = ADVICE_PAGE.read_text(encoding="utf-8")
    return frozenset(re.findall(r"^\| \[`([a-z-]+)`\]", text, flags=re.MULTILINE))


CASES = load_casebook()
DEFAULT_RULES = Pipeline().names


class TestCasebookDecisions:
    """Every case is decided as the casebook expects."""

    @pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
    def test_case(self, case: Case) -> None:
        """The verdict's action and deciding rule are the expected ones."""
        verdict = decide(case.candidate, case.invitation, policy=case.policy)

        assert (case.action, case.decided_by) == (verdict.action, verdict.decided_by), (
            verdict.explain()
        )


class TestCasebookCoverage:
    """The casebook is large, well-formed and covers every rule both ways."""

    def test_enough_cases(self) -> None:
        """The issue asks for at least 80 cases."""
        assert len(CASES) >= 80

    def test_ids_unique(self) -> None:
        """No two cases share an id (the docs use it as an anchor)."""
        counts: defaultdict[str, int] = defaultdict(int)
        for case in CASES:
            counts[case.id] += 1

        assert {} == {k: n for k, n in counts.items() if n > 1}

    def test_advice_ids_known(self) -> None:
        """Every case is about an advice id from the advice map."""
        known = advice_ids()

        assert {"accepted-offer", "fit", "suitability", "learning"} <= known
        assert set() == {c.advice for c in CASES} - known

    def test_decided_by_default_rules(self) -> None:
        """Every expected deciding rule is one of the default pipeline's rules."""
        assert set() == {c.decided_by for c in CASES} - set(DEFAULT_RULES)

    def test_every_rule_decides_somewhere(self) -> None:
        """Each default rule is the deciding one in some case, and fit decides both ways."""
        by_rule: defaultdict[str, set[Action]] = defaultdict(set)
        for case in CASES:
            by_rule[case.decided_by].add(case.action)

        assert {
            "accepted-offer": {Action.DECLINE},
            "fit": {Action.ATTEND, Action.DECLINE},
            "suitability": {Action.DECLINE},
            "learning": {Action.ATTEND},
        } == dict(by_rule)

    def test_every_advice_attended_and_declined(self) -> None:
        """The cases about each default rule's advice include an attend and a decline."""
        by_advice: defaultdict[str, set[Action]] = defaultdict(set)
        for case in CASES:
            by_advice[case.advice].add(case.action)

        assert {name: set(Action) for name in DEFAULT_RULES} == {
            name: by_advice[name] for name in DEFAULT_RULES
        }

    def test_policy_cases(self) -> None:
        """Some cases set a policy, and each of those differs from the default."""
        with_policy = [c for c in CASES if c.policy is not None]

        assert len(with_policy) >= 5
        assert [] == [c.id for c in with_policy if c.policy == Policy()]

    def test_schema_org_postings_used(self) -> None:
        """Every schema.org example posting is the posting of at least one case."""
        raw = tomllib.loads(CASEBOOK.read_text(encoding="utf-8"))["case"]
        used = {c["posting_file"] for c in raw if "posting_file" in c}
        files = {
            f"schemaorg-jobposting/{p.name}"
            for p in (DATA / "schemaorg-jobposting").glob("*.jsonld")
        }

        assert files == used

    def test_json_round_trip(self) -> None:
        """Every case's candidate, invitation and policy survive to_json and back."""
        values: list[Candidate | Invitation | Policy] = [
            v for c in CASES for v in (c.candidate, c.invitation, c.policy) if v is not None
        ]

        assert values == [from_json(type(v), to_json(v)) for v in values]

    def test_whys_are_single_sentences(self) -> None:
        """Each why is one sentence, as the docs table shows it."""
        bad = [c.id for c in CASES if not c.why.endswith(".") or "\n" in c.why]

        assert [] == bad


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "casebook.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
[[case]]
id = "a-case"
title = "A case"
advice = "fit"
why = "Because."
candidate = { name = "Mei Tan", years_experience = 7 }
invitation = { posting = { title = "Data Engineer" } }
expect = { action = "attend", decided_by = "learning" }
"""


class TestLoadCasebook:
    """The loader reads good cases and names the case and field of a bad one."""

    def test_reads_a_good_case(self, tmp_path: Path) -> None:
        """A minimal case becomes a Case with the library's types."""
        (case,) = load_casebook(_write(tmp_path, GOOD), base=tmp_path)

        assert (
            Case(
                id="a-case",
                title="A case",
                advice="fit",
                why="Because.",
                candidate=Candidate(name="Mei Tan", years_experience=7),
                invitation=Invitation(posting=JobPosting(title="Data Engineer")),
                policy=None,
                action=Action.ATTEND,
                decided_by="learning",
            )
            == case
        )

    def test_reads_posting_file(self, tmp_path: Path) -> None:
        """posting_file is read with from_schema_org, relative to the base folder."""
        (tmp_path / "p.jsonld").write_text(
            '{"@type": "JobPosting", "title": "Nurse", '
            '"hiringOrganization": {"@type": "Organization", "name": "St. Mary\'s"}}',
            encoding="utf-8",
        )
        text = GOOD.replace(
            'invitation = { posting = { title = "Data Engineer" } }',
            'posting_file = "p.jsonld"\ninvitation = { matches_aspirations = false }',
        )

        (case,) = load_casebook(_write(tmp_path, text), base=tmp_path)

        assert (
            Invitation(posting=case.invitation.posting, matches_aspirations=False)
            == case.invitation
        )
        assert ("Nurse", "St. Mary's") == (
            case.invitation.posting.title,
            case.invitation.posting.company,
        )

    @pytest.mark.parametrize(
        ("old", "new", "message"),
        [
            ('why = "Because."\n', "", "case 'a-case': missing why"),
            ('why = "Because."\n', 'why = "Because."\nnote = "x"\n', "unknown note"),
            ('id = "a-case"', 'id = "A Case"', "id must be kebab-case"),
            ('title = "A case"', 'title = "  "', "title must be a non-empty string"),
            ('action = "attend"', 'action = "maybe"', "expect.action must be one of"),
            (', decided_by = "learning"', "", "expect must be a table of exactly"),
            ("years_experience = 7", "years_experience = -3", "@ $.years_experience"),
            ("years_experience = 7", 'years_experience = "7"', "candidate: "),
            (
                'invitation = { posting = { title = "Data Engineer" } }',
                'invitation = "Data Engineer"',
                "invitation must be a table, got str",
            ),
            (
                'candidate = { name = "Mei Tan", years_experience = 7 }',
                'candidate = "Mei Tan"',
                "candidate must be a table, got str",
            ),
            (
                'why = "Because."\n',
                'why = "Because."\npolicy = { overqualified_ratio = 0 }\n',
                "policy: ",
            ),
            (
                'why = "Because."\n',
                'why = "Because."\nposting_file = "p.jsonld"\n',
                "posting_file or invitation.posting, not both",
            ),
            (
                'invitation = { posting = { title = "Data Engineer" } }',
                'posting_file = "missing.jsonld"\ninvitation = {}',
                "posting_file 'missing.jsonld' not found",
            ),
            (
                'invitation = { posting = { title = "Data Engineer" } }',
                "posting_file = 3\ninvitation = {}",
                "posting_file must be a path",
            ),
            ("[[case]]", "[[case]\n", "not valid TOML"),
        ],
    )
    def test_bad_case_named(self, tmp_path: Path, old: str, new: str, message: str) -> None:
        """A bad case raises CasebookError naming the case and the field."""
        assert old in GOOD
        path = _write(tmp_path, GOOD.replace(old, new, 1))

        with pytest.raises(CasebookError) as e:
            load_casebook(path, base=tmp_path)

        assert message in str(e.value)

    def test_case_not_a_table(self, tmp_path: Path) -> None:
        """A case that is not a table is named by its index."""
        path = _write(tmp_path, "case = [1]\n")

        with pytest.raises(CasebookError) as e:
            load_casebook(path, base=tmp_path)

        assert "case[0] must be a table, got int" == str(e.value)

    @pytest.mark.parametrize("text", ["case = 1\n", GOOD + "[[other]]\n", "title = 'x'\n"])
    def test_top_level_only_cases(self, tmp_path: Path, text: str) -> None:
        """Anything but an array of [[case]] tables at the top level is refused."""
        path = _write(tmp_path, text)

        with pytest.raises(CasebookError) as e:
            load_casebook(path, base=tmp_path)

        assert "casebook.toml: expected only [[case]] tables at the top level" == str(e.value)
