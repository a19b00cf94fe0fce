"""Same input, same bytes: across runs, processes, hash seeds and threads.

Also checks that the library holds no mutable state at module level and that its
source never evaluates, executes or unpickles data.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import interviewdecide
from conftest import costly
from interviewdecide import (
    Candidate,
    Invitation,
    Policy,
    decide,
    from_json,
    testing,
    to_json,
    triage,
)

SOURCE = Path(interviewdecide.__file__).parent

#: A fixed input as JSON: a candidate with sets (whose order depends on the hash
#: seed) and a batch that exercises every rule, a repeat, a cap and a targeting note.
INPUT: dict[str, Any] = {
    "candidate": {
        "name": "Mei Lin",
        "years_experience": 7,
        "aspirations": {
            "roles": ["data engineer", "analyst", "platform engineer", "designer"],
            "industries": ["software", "finance", "health"],
            "companies": ["Acme", "Globex"],
            "avoid_companies": ["Initech", "Umbrella"],
            "arrangements": ["remote", "hybrid"],
            "locations": [{"city": "Singapore"}, {"country": "FR"}],
            "min_salary": {"amount": "85000.00", "currency": "EUR"},
        },
        "offers": [
            {"company": "Globex", "status": "pending"},
            {"company": "Hooli", "status": "expired"},
        ],
    },
    "invitations": [
        {"posting": {"title": "Senior Data Engineer", "company": "Acme", "industry": "software"}},
        {"posting": {"title": "Junior Data Engineer", "company": "Vandelay", "required_years": 2}},
        {"posting": {"title": "Barista", "company": "Initech"}, "concerns": []},
        {
            "posting": {"title": "Analyst", "company": "Globex", "arrangement": "onsite"},
            "concerns": [
                {"kind": "overqualified", "basis": "friends_advice"},
                {"kind": "unsuitable", "basis": "hearsay"},
            ],
        },
        {"posting": {"title": "Designer", "company": "Umbrella"}, "matches_aspirations": True},
        {"posting": {"title": "Senior Data Engineer", "company": "Acme", "industry": "software"}},
    ],
    "policy": {"max_interviews": 1, "targeting_min_batch": 2, "targeting_share": 0.2},
}


def load(data: dict[str, Any]) -> tuple[Candidate, list[Invitation], Policy]:
    return (
        from_json(Candidate, json.dumps(data["candidate"])),
        [from_json(Invitation, json.dumps(i)) for i in data["invitations"]],
        from_json(Policy, json.dumps(data["policy"])),
    )


def outputs(data: dict[str, Any]) -> str:
    """Every verdict and the triage of INPUT, as one JSON text."""
    candidate, invitations, policy = load(data)
    verdicts = [to_json(decide(candidate, i, policy=policy)) for i in invitations]
    return json.dumps([*verdicts, to_json(triage(candidate, invitations, policy=policy))])


_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from test_determinism import INPUT, outputs
roles = frozenset(INPUT["candidate"]["aspirations"]["roles"])
json.dump({"set_order": list(roles), "outputs": outputs(INPUT)}, sys.stdout)
"""


class TestDeterminism:
    def test_same_bytes_on_every_run(self) -> None:
        """Deciding the same input twice in one process gives the same bytes."""
        assert outputs(INPUT) == outputs(INPUT)

    def test_same_bytes_whatever_the_hash_seed(self) -> None:
        """Processes with different PYTHONHASHSEED write byte-identical verdicts and triage."""
        here = str(Path(__file__).parent)
        # Three fixed seeds that each iterate the candidate's roles in another order,
        # started at once, and this process (a random seed) as the fourth.
        children = [
            subprocess.Popen(
                [sys.executable, "-c", _CHILD, here],
                stdout=subprocess.PIPE,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            for seed in ("0", "1", "42")
        ]
        runs = [json.loads(child.communicate()[0]) for child in children]
        assert [0, 0, 0] == [child.returncode for child in children]
        # The seeds did reorder the sets, so equal bytes show that the order is not leaked.
        assert 3 == len({tuple(run["set_order"]) for run in runs})
        assert {outputs(INPUT)} == {run["outputs"] for run in runs}

    @pytest.mark.fuzz
    @costly  # each example triages a batch twice
    @given(testing.candidates(), st.lists(testing.invitations(), max_size=4), testing.policies())
    def test_output_depends_only_on_the_value(
        self, candidate: Candidate, invitations: list[Invitation], policy: Policy
    ) -> None:
        """Equal inputs rebuilt from JSON give the same bytes (no identity or order leaks)."""
        again = from_json(Candidate, to_json(candidate))
        rebuilt = [from_json(Invitation, to_json(i)) for i in reversed(invitations)][::-1]

        assert to_json(triage(candidate, invitations, policy=policy)) == to_json(
            triage(again, rebuilt, policy=policy)
        )


class TestThreads:
    def test_decide_from_many_threads(self) -> None:
        """8 threads deciding at once give exactly the serial verdicts."""
        candidate, invitations, policy = load(INPUT)
        jobs = [invitations[i % len(invitations)] for i in range(2_000)]
        serial = [decide(candidate, i, policy=policy) for i in jobs]
        with ThreadPoolExecutor(max_workers=8) as pool:
            threaded = list(pool.map(lambda i: decide(candidate, i, policy=policy), jobs))

        assert serial == threaded
        assert [to_json(v) for v in serial] == [to_json(v) for v in threaded]

    def test_triage_from_many_threads(self) -> None:
        """8 threads triaging at once give exactly the serial triages."""
        candidate, invitations, policy = load(INPUT)
        batches = [invitations[: 1 + i % len(invitations)] for i in range(200)]
        serial = [triage(candidate, b, policy=policy) for b in batches]
        with ThreadPoolExecutor(max_workers=8) as pool:
            threaded = list(pool.map(lambda b: triage(candidate, b, policy=policy), batches))

        assert serial == threaded
        assert [to_json(t) for t in serial] == [to_json(t) for t in threaded]

    def test_json_from_many_threads(self) -> None:
        """8 threads reading and writing JSON at once agree with one thread."""
        candidate, invitations, _ = load(INPUT)
        texts = [to_json(candidate), *(to_json(i) for i in invitations)] * 100
        kinds = [Candidate] + [Invitation] * len(invitations)
        jobs = list(zip(kinds * 100, texts, strict=True))
        with ThreadPoolExecutor(max_workers=8) as pool:
            threaded = list(pool.map(lambda job: to_json(from_json(*job)), jobs))

        assert texts == threaded


# -- the source ------------------------------------------------------------------


def modules() -> list[Path]:
    return sorted(SOURCE.rglob("*.py"))


def _mutable_globals(tree: ast.Module) -> list[str]:
    """Module-level names bound to a list, dict or set display or constructor call."""
    found = []
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        mutable = isinstance(value, ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            mutable = mutable or value.func.id in {"list", "dict", "set", "defaultdict"}
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if mutable and names != ["__all__"]:
            found += names
    return found


#: Module-level dicts that are filled once at import and only ever read: lookup
#: tables. Each is checked here so that a new one is a conscious decision.
READ_ONLY_TABLES = {
    "_trace.py": {"_ACTIONS", "_FOLLOW_UP"},
    "_model.py": {"_PERIODS_PER_YEAR"},
    "_schema_org.py": {"_UNIT_CODES"},
    "_pipeline.py": {"_BY_CONFLICT"},
    "rules.py": {"_BASIS_WORDS"},
    "_disclosure.py": {"_NEXT"},
    "_email.py": {"_DECLINES", "_REASON_BY_RULE"},
    # The lazy-import table; __getattr__ caches each loaded name in the module's
    # globals, binding it once to the same object a direct import would give.
    "__init__.py": {"_LAZY_MODULES", "_WHERE"},
    # The MCP tool table and its dispatch, read by the server, never written.
    "_mcp.py": {"TOOLS", "_CALLS", "_UNREAD"},
    # Schema fragments and the validator-to-keyword table the generator copies from.
    "_schema.py": {
        "SCHEMA_NAMES",
        "_AT_LEAST_ONE",
        "_KINDS",
        "_SIMPLE",
        "_VALIDATORS",
        "_amount",
        "_at_least_zero",
        "_header",
        "_not_blank",
        "_single_line",
    },
}


class TestSource:
    def test_scan_finds_mutable_globals(self) -> None:
        """The scan sees lists, dicts and sets bound at module level, and ignores __all__."""
        tree = ast.parse("__all__ = ['a']\nA = []\nB: dict[str, int] = {}\nC = set()\nD = (1,)\n")

        assert ["A", "B", "C"] == _mutable_globals(tree)

    def test_no_mutable_module_state(self) -> None:
        """Modules bind no list, dict or set at top level beyond known read-only tables."""
        unexpected = {
            path.name: sorted(set(found) - READ_ONLY_TABLES.get(path.name, set()))
            for path in modules()
            if (found := _mutable_globals(ast.parse(path.read_text(encoding="utf-8"))))
        }

        assert {} == {k: v for k, v in unexpected.items() if v}

    def test_no_global_statement(self) -> None:
        """No function rebinds module state with ``global``."""
        uses = [
            f"{path.name}:{node.lineno}"
            for path in modules()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Global | ast.Nonlocal)
        ]

        assert [] == uses

    def test_no_eval_exec_or_pickle(self) -> None:
        """The source never evaluates, executes, unpickles or unsafely loads data."""
        banned = ("eval(", "exec(", "pickle", "marshal", "yaml.load(", "shelve", "__import__(")
        hits = [
            f"{path.name}:{n}: {needle}"
            for path in modules()
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            for needle in banned
            if needle in line
        ]

        assert [] == hits
