"""The API reference documents every public name, and every public name has a docstring."""

from __future__ import annotations

import enum
import importlib.util
import itertools
import json
import pkgutil
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import interviewdecide
from interviewdecide import (
    DEFAULT_RULES,
    Candidate,
    Conflict,
    Invitation,
    JobPosting,
    Outcome,
    Pipeline,
    Policy,
    Step,
    decide,
    from_json,
    to_json,
)

DOCS = Path(__file__).parent.parent / "docs"
API_PAGE = DOCS / "api.md"

#: ``.. autoclass:: interviewdecide.Name``, ``.. py:data:: interviewdecide.Name``,
#: ``.. automodule:: interviewdecide.rules``: the targets the reference documents.
_DIRECTIVE = re.compile(r"^\.\. (?:auto\w+|py:\w+):: interviewdecide\.(\w+)\s*$", re.MULTILINE)

#: Names that hold plain values (no docstring of their own); api.md describes them.
_DATA = {
    "DEFAULT_POLICY",
    "DEFAULT_RULES",
    "MAX_DECLINE_PARAGRAPHS",
    "MAX_DECLINE_WORDS",
    "MAX_DRAFT_CHARS",
    "MAX_REFERENCES",
    "__version__",
    "converter",
}


#: The public submodules: ``interviewdecide.rules``, ``.testing``, ``.typing``, ...
_SUBMODULES = {
    m.name for m in pkgutil.iter_modules(interviewdecide.__path__) if not m.name.startswith("_")
}


def documented(text: str) -> set[str]:
    """Return the top-level names the directives in ``text`` document."""
    return set(_DIRECTIVE.findall(text))


class TestApiReference:
    def test_every_public_name_is_documented(self) -> None:
        """Every name in ``interviewdecide.__all__`` has a directive in docs/api.md."""
        missing = sorted(set(interviewdecide.__all__) - documented(API_PAGE.read_text()))
        assert [] == missing

    def test_every_public_submodule_is_documented(self) -> None:
        """Every public submodule (``rules``, ``testing``, ...) has a directive in docs/api.md."""
        missing = sorted(_SUBMODULES - documented(API_PAGE.read_text()))
        assert [] == missing

    def test_documents_no_private_name(self) -> None:
        """The reference documents only names in ``__all__`` and public submodules."""
        extra = sorted(
            documented(API_PAGE.read_text()) - set(interviewdecide.__all__) - _SUBMODULES
        )
        assert [] == extra

    def test_finds_directives(self) -> None:
        """The directive pattern reads auto and py directives and ignores prose."""
        text = (
            ".. autoclass:: interviewdecide.Candidate\n"
            ".. py:data:: interviewdecide.DEFAULT_POLICY\n"
            "   .. automodule:: interviewdecide.rules\n"
            "See interviewdecide.decide for more.\n"
        )
        assert {"Candidate", "DEFAULT_POLICY"} == documented(text)


class TestPoliciesPage:
    @pytest.mark.parametrize("field", attrs.fields(interviewdecide.Policy), ids=lambda f: f.name)
    def test_every_field_has_a_row(self, field: attrs.Attribute[object]) -> None:
        """docs/policies.md has a table row for every Policy field, with its default."""
        text = (DOCS / "policies.md").read_text()
        row = next((line for line in text.splitlines() if f"Policy.{field.name}`" in line), None)
        assert row is not None
        default = field.default.name if isinstance(field.default, enum.Enum) else field.default
        assert f"| `{default}` |" in row


@pytest.mark.parametrize("name", sorted(set(interviewdecide.__all__) - _DATA))
def test_public_name_says_when_it_was_added(name: str) -> None:
    """Every public function, class and module has its own docstring, saying when it was added.

    ``__doc__`` is read, not ``inspect.getdoc``: an enum must not pass on the
    docstring it inherits from ``StrEnum``.
    """
    obj = getattr(interviewdecide, name)
    assert ".. versionadded::" in (obj.__doc__ or "")


# -- the docs extensions (docs/_ext), loaded by path: docs/ is not a package ------

_EXT = DOCS / "_ext"


def _load_ext(name: str) -> ModuleType:
    """Import ``docs/_ext/<name>.py``; it needs interviewdecide, not Sphinx."""
    spec = importlib.util.spec_from_file_location(f"_docs_ext_{name}", _EXT / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


decision_dot = _load_ext("decision_dot")
casebook_cases = _load_ext("casebook_cases")

_NODE = re.compile(r'^  rule(\d+) \[label="(\d+)\. ([^\\]+)\\l(.*)"\];$', re.MULTILINE)


def rule_boxes(dot: str) -> list[tuple[str, list[str]]]:
    """Return each rule box of a diagram: its rule name and its lines, in node order."""
    boxes = []
    for node, number, name, rest in _NODE.findall(dot):
        assert int(node) + 1 == int(number)
        boxes.append((name, rest.split("\\l")[:-1]))
    return boxes


def weather(candidate: Candidate, invitation: Invitation, policy: Policy) -> Step:
    """A user's own rule that the diagram knows nothing about."""
    return Step(rule="weather", outcome=Outcome.NOT_APPLICABLE, reason="It is sunny.")


class TestDecisionDiagram:
    """The diagram on the advice page is drawn from the pipeline and the policy."""

    def test_boxes_follow_the_default_pipeline(self) -> None:
        """One box per default rule, numbered in pipeline order."""
        dot = decision_dot.dot_source(Pipeline().names, Policy())
        assert list(Pipeline().names) == [name for name, _ in rule_boxes(dot)]

    def test_rules_chain_into_the_combiner_and_both_verdicts(self) -> None:
        """Edges run invitation -> every rule in order -> combiner -> attend and decline."""
        dot = decision_dot.dot_source(Pipeline().names, Policy())
        edges = re.findall(r"^  (\w+) -> (\w+)", dot, re.MULTILINE)
        n = len(Pipeline().names)
        chain = ["invitation", *(f"rule{i}" for i in range(n)), "combine"]
        assert [
            *itertools.pairwise(chain),
            ("combine", "attend"),
            ("combine", "decline"),
        ] == edges

    def test_every_description_names_a_default_rule(self) -> None:
        """CAN_DECIDE describes exactly the default rules: no stale entry is left behind."""
        assert set(Pipeline().names) == set(decision_dot.CAN_DECIDE)

    def test_every_conflict_setting_is_described(self) -> None:
        """Each Conflict member has a combiner box, named as the verdict's combined_by."""
        for conflict in Conflict:
            dot = decision_dot.dot_source(Pipeline().names, Policy(conflict=conflict))
            verdict = decide(
                Candidate(name="A", years_experience=1),
                JobPosting(title="X"),
                policy=Policy(conflict=conflict),
            )
            assert f"combine ({verdict.combined_by})" in dot

    def test_unknown_rule_stops_the_build(self) -> None:
        """A rule the diagram cannot describe is an error naming the rule and the table to extend."""
        names = Pipeline((*DEFAULT_RULES[:2], weather, *DEFAULT_RULES[2:])).names
        with pytest.raises(decision_dot.UnknownRuleError, match=r"'weather'.*CAN_DECIDE"):
            decision_dot.dot_source(names, Policy())

    def test_default_thresholds_are_drawn_from_the_policy(self) -> None:
        """The suitability box shows the default surplus and ratio, read from Policy()."""
        policy = Policy()
        boxes = dict(rule_boxes(decision_dot.dot_source(Pipeline().names, policy)))
        expected = (
            f"held - asked >= {policy.overqualified_surplus_years:g} years and "
            f"held / asked >= {policy.overqualified_ratio:g}"
        )
        assert any(expected in line for line in boxes["suitability"])

    @pytest.mark.parametrize(
        ("policy", "shown", "hidden"),
        [
            (Policy(overqualified_ratio=None), "held - asked >= 5 years", "held / asked"),
            (
                Policy(overqualified_surplus_years=None, overqualified_ratio=3.5),
                "held / asked >= 3.5",
                "held - asked",
            ),
            (
                Policy(overqualified_surplus_years=None, overqualified_ratio=None),
                "never on the job description's figure alone",
                "held",
            ),
        ],
        ids=["surplus-only", "ratio-only", "both-off"],
    )
    def test_switched_off_thresholds_leave_the_box(
        self, policy: Policy, shown: str, hidden: str
    ) -> None:
        """A threshold switched off to None is not drawn; with both off the figure never declines."""
        decline = dict(rule_boxes(decision_dot.dot_source(Pipeline().names, policy)))[
            "suitability"
        ][0]
        assert shown in decline
        assert hidden not in decline.replace(shown, "")

    def test_fit_switches_change_the_fit_box(self) -> None:
        """The fit box follows fit_clashes_to_decline and the needs/aims switches."""
        default = dict(rule_boxes(decision_dot.dot_source(Pipeline().names, Policy())))["fit"]
        lenient = Policy(
            fit_clashes_to_decline=2,
            fit_needs_outweigh_aims=False,
            fit_unmatched_aims_decline=False,
        )
        changed = dict(rule_boxes(decision_dot.dot_source(Pipeline().names, lenient)))["fit"]
        assert any("even with an aim met; or aims stated and none met" in line for line in default)
        assert any(
            "decline: your own no; 2 or more unmet needs and no aim met" == line for line in changed
        )
        assert not any("none met" in line for line in changed)

    def test_labels_are_quoted_for_dot(self) -> None:
        """Quotes and backslashes in a description cannot break out of a DOT string."""
        tricky = {
            **decision_dot.CAN_DECIDE,
            "learning": lambda policy: (("attend", 'a "quoted" \\ path'),),
        }
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(decision_dot, "CAN_DECIDE", tricky)
            dot = decision_dot.dot_source(Pipeline().names, Policy())
        assert 'attend: a \\"quoted\\" \\\\ path\\l' in dot


CASEBOOK = Path(__file__).parent / "data" / "casebook.toml"
SAMPLE = Path(__file__).parent / "data" / "docs-casebook-sample.toml"

_GOOD_CASE = """
[[case]]
id = "good"
title = "Two asked, seven held"
advice = "suitability"
why = "The job description shows the gap."
candidate = { name = "Mei Tan", years_experience = 7 }
invitation = { posting = { title = "Junior Data Analyst", required_years = 2 } }
expect = { action = "decline", decided_by = "suitability" }
"""


def write_casebook(tmp_path: Path, text: str) -> Path:
    """Write ``text`` as a casebook beside a copy of one schema.org posting."""
    (tmp_path / "posting.jsonld").write_text(
        (
            Path(__file__).parent
            / "data"
            / "schemaorg-jobposting"
            / "schemaorg_eg-0028_software_engineer_text_requirements.jsonld"
        ).read_text()
    )
    path = tmp_path / "casebook.toml"
    path.write_text(text)
    return path


class TestCasebookReader:
    """docs/_ext/casebook_cases.py reads the casebook and decides every case with the code."""

    @pytest.mark.parametrize("path", [SAMPLE, CASEBOOK], ids=["sample", "casebook"])
    def test_verdicts_are_computed_not_copied(self, path: Path) -> None:
        """Each case's verdict is what decide() returns on the case, read independently as JSON."""
        raw = tomllib.loads(path.read_text())["case"]
        cases = casebook_cases.load(path)
        assert [r["id"] for r in raw] == [c.id for c in cases]
        for case, data in zip(cases, raw, strict=True):
            invitation = dict(data["invitation"])
            if "posting_file" in data:
                posting = JobPosting.from_schema_org(
                    json.loads((path.parent / data["posting_file"]).read_text())
                )
                invitation["posting"] = json.loads(to_json(posting))
            policy = from_json(Policy, json.dumps(data["policy"])) if "policy" in data else None
            expected = decide(
                from_json(Candidate, json.dumps(data["candidate"])),
                from_json(Invitation, json.dumps(invitation)),
                policy=policy,
            )
            assert expected == case.verdict

    def test_flags_a_case_the_code_decides_otherwise(self, tmp_path: Path) -> None:
        """A case whose expectation differs from the code's verdict reports both sides."""
        path = write_casebook(
            tmp_path,
            _GOOD_CASE.replace(
                'action = "decline", decided_by = "suitability"',
                'action = "attend", decided_by = "learning"',
            ),
        )
        (case,) = casebook_cases.load(path)
        assert (
            "case 'good': the casebook expects attend by learning, the code decides decline by suitability"
            == case.mismatch
        )

    def test_groups_follow_the_pipeline_then_first_appearance(self) -> None:
        """Groups come in pipeline order, then other advice ids as they first appear; no case is lost."""
        cases = casebook_cases.load(CASEBOOK)
        groups = casebook_cases.group(cases)
        names = [advice for advice, _ in groups]
        pipeline = [n for n in Pipeline().names if n in names]
        assert pipeline == names[: len(pipeline)]
        others = list(dict.fromkeys(c.advice for c in cases if c.advice not in Pipeline().names))
        assert others == names[len(pipeline) :]
        assert sorted(c.id for c in cases) == sorted(c.id for _, members in groups for c in members)

    def test_describes_a_messy_candidate_and_request(self, tmp_path: Path) -> None:
        """The summary lines carry every stated fact, offers, concerns and only the policy fields that differ."""
        cases = {c.id: c for c in casebook_cases.load(SAMPLE)}
        jo = cases["sample-hearsay-ratio-policy"]
        assert (
            "Jo Park, 9 years of experience; no aspirations stated; offers: Initech, Inc. (rescinded)."
            == casebook_cases.describe_candidate(jo.candidate)
        )
        request = casebook_cases.describe_request(jo.invitation, jo.policy)
        assert request.startswith(
            "Sr. Software Engineer II at Globex GmbH; asks 4 years; in Berlin, DE; hybrid;"
        )
        assert "concern: overqualified (friends advice)" in request
        assert request.endswith("policy: overqualified_surplus_years=3.0, overqualified_ratio=3.0.")
        ana = cases["sample-schema-org-posting-said-yes"]
        assert (
            "wants roles: software engineer; pay from 90000 USD"
            in casebook_cases.describe_candidate(ana.candidate)
        )
        assert (
            "pays 100000 USD per year; your own answer on fit: yes"
            in casebook_cases.describe_request(ana.invitation, None)
        )
        assert "policy: the default" in casebook_cases.describe_request(ana.invitation, Policy())

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "casebook.toml: case: must be a non-empty array of tables"),
            ("[[case]\n", "casebook.toml: not valid TOML"),
            ("title = 'x'\n" + _GOOD_CASE, "unknown top-level key(s) title"),
            ("case = 3\n", "case: must be a non-empty array"),
            ("case = [3]\n", "case[0]: must be a table"),
            (
                _GOOD_CASE.replace(
                    'why = "The job description shows the gap."\n', "colour = 'red'\n"
                ),
                "case[0]: missing why; unknown colour",
            ),
            (
                _GOOD_CASE.replace('id = "good"', "id = 7"),
                "case[0].id: must be a non-empty string, got 7",
            ),
            (
                _GOOD_CASE.replace('title = "Two asked, seven held"', 'title = "  "'),
                "case[0] (good).title: must be a non-empty string",
            ),
            (
                _GOOD_CASE.replace("years_experience = 7", "years_experience = -3"),
                "@ casebook.toml: case[0] (good).candidate.years_experience",
            ),
            (
                _GOOD_CASE.replace("required_years = 2", 'required_years = "two"'),
                "case[0] (good).invitation.posting.required_years",
            ),
            (
                _GOOD_CASE + 'policy = { overqualified_ratio = "x" }\n',
                "case[0] (good).policy.overqualified_ratio",
            ),
            (
                _GOOD_CASE.replace('action = "decline"', 'action = "maybe"'),
                "case[0] (good).expect.action: 'maybe' is not one of attend, decline",
            ),
            (
                _GOOD_CASE.replace(', decided_by = "suitability"', ""),
                "case[0] (good).expect: must be a table of action and decided_by",
            ),
            (
                _GOOD_CASE.replace('decided_by = "suitability"', 'decided_by = ""'),
                "case[0] (good).expect.decided_by: must be a non-empty string",
            ),
            (
                _GOOD_CASE + 'posting_file = "posting.jsonld"\n',
                "case[0] (good): give invitation.posting or posting_file, not both",
            ),
            (
                _GOOD_CASE.replace(
                    'invitation = { posting = { title = "Junior Data Analyst", required_years = 2 } }',
                    "invitation = {}\nposting_file = 'missing.jsonld'",
                ),
                "case[0] (good).posting_file: cannot read",
            ),
            (
                _GOOD_CASE.replace(
                    'invitation = { posting = { title = "Junior Data Analyst", required_years = 2 } }',
                    "invitation = {}\nposting_file = 'casebook.toml'",
                ),
                "case[0] (good).posting_file:",
            ),
            (
                _GOOD_CASE.replace(
                    'invitation = { posting = { title = "Junior Data Analyst", required_years = 2 } }',
                    "invitation = {}\nposting_file = ['posting.jsonld']",
                ),
                "case[0] (good).posting_file: must be a string",
            ),
            (_GOOD_CASE + _GOOD_CASE, "case[1].id: 'good' repeats the id of case[0]"),
        ],
        ids=lambda v: v[:30] if isinstance(v, str) else None,
    )
    def test_bad_casebooks_name_the_case_and_field(
        self, tmp_path: Path, text: str, message: str
    ) -> None:
        """Every problem is an error that names the file, the case and the field's path."""
        with pytest.raises(casebook_cases.CasebookError) as info:
            casebook_cases.load(write_casebook(tmp_path, text))
        assert message in str(info.value)

    def test_reads_a_posting_file_in_place_of_the_posting(self, tmp_path: Path) -> None:
        """posting_file supplies the invitation's posting, read with JobPosting.from_schema_org."""
        text = _GOOD_CASE.replace(
            'invitation = { posting = { title = "Junior Data Analyst", required_years = 2 } }',
            "invitation = { matches_aspirations = false }\nposting_file = 'posting.jsonld'",
        )
        (case,) = casebook_cases.load(write_casebook(tmp_path, text))
        expected = JobPosting.from_schema_org(json.loads((tmp_path / "posting.jsonld").read_text()))
        assert expected == case.invitation.posting
        assert case.invitation.matches_aspirations is False

    def test_shows_the_finding_of_the_rule_a_case_is_about(self) -> None:
        """When the case's own rule did not decide, its finding is still offered; never the deciding one twice."""
        for case in casebook_cases.load(SAMPLE):
            deciding = case.verdict.deciding_step
            ran = [s for s in case.verdict.trace if s.rule == case.advice]
            if case.advice == case.verdict.decided_by:
                assert case.advice_step is None
            else:
                assert ran[0] == case.advice_step
            assert deciding is not case.advice_step

    def test_unreadable_file_is_an_error(self, tmp_path: Path) -> None:
        """A casebook path that does not exist is an error naming it."""
        with pytest.raises(casebook_cases.CasebookError, match=r"casebook\.toml: cannot read"):
            casebook_cases.load(tmp_path / "casebook.toml")


schema_files = _load_ext("schema_files")


class TestSchemaFiles:
    """docs/_ext/schema_files.py: every published schema becomes schemas/NAME.json."""

    def test_one_file_per_name_the_command_knows(self) -> None:
        """Every name of interviewdecide schema is published, in the command's order."""
        from interviewdecide._schema import SCHEMA_NAMES

        files = schema_files.schema_files()
        assert [f"schemas/{name}.json" for name in SCHEMA_NAMES] == [f.path for f in files]
        assert list(SCHEMA_NAMES.values()) == [f.cls for f in files]

    def test_each_file_holds_its_schema_and_its_id_points_at_it(self) -> None:
        """A file's content is json_schema of its type, and its $id ends with its own path."""
        for file in schema_files.schema_files():
            assert interviewdecide.json_schema(file.cls) == json.loads(file.text)
            assert file.schema_id == json.loads(file.text)["$id"]
            assert file.schema_id.endswith("/en/latest/" + file.path)
            assert file.text.endswith("}\n")

    def test_summaries_are_plain_text(self) -> None:
        """Each summary is the type's first docstring line, without Sphinx markup."""
        summaries = {f.name: f.summary for f in schema_files.schema_files()}
        assert "One problem check_tone found in a draft." == summaries["tone-finding"]
        assert all(":" not in s.split(" ")[0] and "`" not in s for s in summaries.values())

    def test_a_class_without_docstring_is_summarised_by_its_name(self) -> None:
        """A published type without a docstring is listed under its class name."""

        class Quiet:
            pass

        assert "Quiet" == schema_files._summary(Quiet)
        assert "Quiet" == schema_files._summary(type("Quiet", (), {"__doc__": "  \n "}))

    def test_an_id_that_points_elsewhere_stops_the_build(self) -> None:
        """A schema published under a name its $id does not end with is an error naming both."""
        with pytest.raises(schema_files.SchemaFileError) as info:
            schema_files.schema_files({"posting": JobPosting})
        message = str(info.value)
        assert "schema 'posting'" in message
        assert "job-posting.json" in message
        assert "does not end with /schemas/posting.json" in message

    def test_writes_every_file_under_the_output(self, tmp_path: Path) -> None:
        """write() creates schemas/ in the output and writes each file there, as UTF-8."""
        files = schema_files.schema_files()
        (tmp_path / "schemas").mkdir()
        (tmp_path / "schemas" / "policy.json").write_text("stale", encoding="utf-8")
        written = schema_files.write(tmp_path, files)
        assert [tmp_path / f.path for f in files] == written
        for file, path in zip(files, written, strict=True):
            assert file.text == path.read_text(encoding="utf-8")
        assert interviewdecide.json_schema(Policy) == json.loads(
            (tmp_path / "schemas" / "policy.json").read_text(encoding="utf-8")
        )

    @pytest.mark.parametrize(
        ("docname", "expected"),
        [
            ("integrations", "schemas/inbox.json"),
            ("index", "schemas/inbox.json"),
            ("guide/integrations", "../schemas/inbox.json"),
            ("a/b/c", "../../schemas/inbox.json"),
        ],
    )
    def test_links_are_relative_to_the_page(self, docname: str, expected: str) -> None:
        """A page links to a schema file relative to where the page is written."""
        assert expected == schema_files.relative_uri(docname, "schemas/inbox.json")
