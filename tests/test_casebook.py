"""The casebook: realistic requests, each decided as the advice says.

``tests/data/casebook.toml`` holds the cases; the docs render the same file as the
"Casebook" page. Both read it with one loader, ``docs/_ext/casebook_cases.py``, which
builds every case into the library's types and decides it; tests/test_docs.py tests
that loader (bad files, and verdicts recomputed through the JSON form that
:func:`interviewdecide.to_json` writes). This module checks the cases themselves.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from interviewdecide import Action, Candidate, Invitation, Pipeline, Policy, from_json, to_json

DATA = Path(__file__).parent / "data"
CASEBOOK = DATA / "casebook.toml"
ADVICE_PAGE = Path(__file__).parent.parent / "docs" / "advice.md"

# The docs' own loader, importable without Sphinx (docs/conf.py puts it on the path too).
sys.path.insert(0, str(Path(__file__).parent.parent / "docs" / "_ext"))
from casebook_cases import Case, load  # noqa: E402

_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def advice_ids() -> frozenset[str]:
    """The advice ids in the table of docs/advice.md."""
    text = ADVICE_PAGE.read_text(encoding="utf-8")
    return frozenset(re.findall(r"^\| \[`([a-z-]+)`\]", text, flags=re.MULTILINE))


CASES = load(CASEBOOK)
DEFAULT_RULES = Pipeline().names


class TestCasebookDecisions:
    """Every case is decided as the casebook expects."""

    @pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
    def test_case(self, case: Case) -> None:
        """The verdict's action and deciding rule are the expected ones."""
        verdict = case.verdict

        assert (case.expect_action, case.expect_decided_by) == (
            verdict.action,
            verdict.decided_by,
        ), verdict.explain()


class TestCasebookCoverage:
    """The casebook is large, well-formed and covers every rule both ways."""

    def test_enough_cases(self) -> None:
        """The issue asks for at least 80 cases."""
        assert len(CASES) >= 80

    def test_ids_are_kebab_case(self) -> None:
        """Every id is lower-case words and hyphens: the docs use it as an anchor."""
        assert [] == [c.id for c in CASES if _KEBAB.fullmatch(c.id) is None]

    def test_advice_ids_known(self) -> None:
        """Every case is about an advice id from the advice map."""
        known = advice_ids()

        assert {"accepted-offer", "fit", "suitability", "learning"} <= known
        assert set() == {c.advice for c in CASES} - known

    def test_decided_by_default_rules(self) -> None:
        """Every expected deciding rule is one of the default pipeline's rules."""
        assert set() == {c.expect_decided_by for c in CASES} - set(DEFAULT_RULES)

    def test_every_rule_decides_somewhere(self) -> None:
        """Each default rule is the deciding one in some case, and fit decides both ways."""
        by_rule: defaultdict[str, set[Action]] = defaultdict(set)
        for case in CASES:
            by_rule[case.expect_decided_by].add(case.expect_action)

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
            by_advice[case.advice].add(case.expect_action)

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
