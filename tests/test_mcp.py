"""The MCP server, end to end with the SDK's own client: over stdio and in process (issue 12 item 5)."""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
import attrs
import pytest
from jsonschema import Draft202012Validator
from mcp.client.client import Client
from mcp.client.stdio import StdioServerParameters
from mcp_types import CallToolResult, TextContent, Tool

from interviewdecide import Email, Triage, Verdict, from_json, mcp_server
from interviewdecide.__main__ import main
from interviewdecide._mcp import TOOLS, call, serve, tool_schemas

# On one xdist worker, so that the SDK's stdio server starts once per run.
pytestmark = pytest.mark.xdist_group("mcp")

EXAMPLES = Path(__file__).parent.parent / "examples"
MEI = {
    "name": "Mei Tan",
    "years_experience": 7,
    "offers": [{"company": "Havenstad Gemeente", "status": "pending"}],
}
JUNIOR = {"posting": {"title": "Junior Data Analyst", "company": "Acme", "required_years": 2}}
RUDE = "I am far too experienced for this junior role. Never contact me again!!!"

#: One good call per tool.
GOOD: dict[str, dict[str, Any]] = {
    "decide": {"candidate": MEI, "invitation": JUNIOR},
    "triage": {
        "candidate": MEI,
        "invitations": [
            JUNIOR,
            {"posting": {"title": "Data Engineer", "company": "Lumen"}, "id": "trk-2"},
        ],
        "policy": {"max_interviews": 3},
    },
    "draft_decline": {"candidate": MEI, "invitation": JUNIOR, "reason": "not_suitable"},
    "advise_disclosure": {"candidate": MEI, "employer": "Acme", "final_stage": True},
    "check_tone": {"text": RUDE},
}

#: One broken call per tool, and the problems (with paths) the answer must list.
BROKEN: dict[str, tuple[dict[str, Any], list[str]]] = {
    "decide": (
        {
            "candidate": {"name": " ", "years_experience": -1},
            "invitation": {"posting": {"title": "Analyst", "required_years": -2}},
            "policy": {"conflict": "fit_wins"},
            "urgent": True,
        },
        [
            "@ $",
            "@ $.candidate.name",
            "@ $.candidate.years_experience",
            "@ $.invitation.posting.required_years",
            "@ $.policy.conflict",
        ],
    ),
    "triage": (
        {
            "candidate": {"years_experience": 3},
            "invitations": [{"html": "/etc/passwd"}, {"posting": {"title": ""}}],
        },
        ["@ $.invitations[0].html", "@ $.candidate.name", "@ $.invitations[1].posting.title"],
    ),
    "draft_decline": (
        {"candidate": MEI, "reason": "too_busy"},
        ["@ $.invitation", "@ $.reason"],
    ),
    "advise_disclosure": (
        {"candidate": MEI, "employer": 42, "final_stage": "yes"},
        ["@ $.employer", "@ $.final_stage"],
    ),
    "check_tone": (
        {"text": ["not", "a string"], "ignore": ["shouting", 3]},
        ["@ $.text", "@ $.ignore[1]"],
    ),
}


def texts(result: CallToolResult) -> list[str]:
    """The text blocks of a tool's answer (the server sends only text)."""
    assert all(isinstance(c, TextContent) for c in result.content)
    return [c.text for c in result.content if isinstance(c, TextContent)]


@attrs.frozen
class Session:
    """What one client session saw: the tools listed, and the answer to every call."""

    tools: list[Tool]
    good: dict[str, CallToolResult]
    broken: dict[str, CallToolResult]
    unknown: CallToolResult


def _record(target: Callable[[], Any]) -> Session:
    """Open one session on ``target``, list the tools and make every call of the tests."""

    async def go() -> Session:
        async with Client(target()) as client:
            tools = (await client.list_tools()).tools  # the client then checks output schemas
            good = {name: await client.call_tool(name, args) for name, args in GOOD.items()}
            broken = {
                name: await client.call_tool(name, args) for name, (args, _) in BROKEN.items()
            }
            unknown = await client.call_tool("decline", {})
        return Session(tools=tools, good=good, broken=broken, unknown=unknown)

    return anyio.run(go)


def _stdio() -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable, args=["-m", "interviewdecide", "mcp"], cwd=str(EXAMPLES)
    )


@pytest.fixture(scope="module", params=["stdio", "in-process"])
def session(request: pytest.FixtureRequest) -> Session:
    """One session per transport for the whole module: a single server subprocess over stdio."""
    return _record(_stdio if request.param == "stdio" else mcp_server)


class TestTools:
    """The SDK's client lists the tools, with their schemas, and calls each one."""

    def test_list(self, session: Session) -> None:
        """Every tool is listed with a description and the schemas of tool_schemas()."""
        assert list(TOOLS) == [t.name for t in session.tools]
        schemas = tool_schemas()
        for tool in session.tools:
            assert tool.description
            assert schemas[tool.name] == (tool.input_schema, tool.output_schema)
            Draft202012Validator.check_schema(tool.input_schema)
            Draft202012Validator(tool.input_schema).validate(GOOD[tool.name])

    def test_call_each(self, session: Session) -> None:
        """Each tool answers with the library's JSON, as text and structured, and the words."""
        answers = session.good
        assert list(GOOD) == list(answers)
        for name, answer in answers.items():
            assert False is answer.is_error, name
            data, text = texts(answer)
            assert answer.structured_content == json.loads(data)
            assert text.strip()
        verdict = from_json(Verdict, json.dumps(answers["decide"].structured_content))
        assert ("decline", "suitability") == (verdict.action, verdict.decided_by)
        assert verdict.explain() == texts(answers["decide"])[1]
        triage = from_json(Triage, json.dumps(answers["triage"].structured_content))
        assert ["trk-2"] == [i.invitation.id for i in triage.attend]
        email = from_json(Email, json.dumps(answers["draft_decline"].structured_content))
        assert f"Subject: {email.subject}\n\n{email.body}" == texts(answers["draft_decline"])[1]
        assert "optional" == answers["advise_disclosure"].structured_content["stance"]
        rules = {f["rule"] for f in answers["check_tone"].structured_content["findings"]}
        assert len(rules) >= 2

    def test_broken_input(self, session: Session) -> None:
        """Broken arguments come back as a tool error listing each problem with its path."""
        assert list(BROKEN) == list(session.broken)
        for name, (_, paths) in BROKEN.items():
            answer = session.broken[name]
            assert True is answer.is_error, name
            (content,) = texts(answer)
            lines = content.splitlines()
            for path in paths:
                assert any(line.endswith(path) for line in lines), (name, path, lines)
            assert answer.structured_content is not None
            problems = answer.structured_content["problems"]  # the same, as data
            assert lines == [f"{p['message']} @ {p['path']}" for p in problems]
        assert True is session.unknown.is_error
        assert "unknown tool 'decline'; the tools are decide" in texts(session.unknown)[0]


class TestCall:
    """The tools as plain functions: every problem at once, never an exception."""

    def test_arguments_not_an_object(self) -> None:
        """Arguments that are not an object are one problem at $."""
        answer = call("decide", ["candidate"])
        assert (True, "expected an object of arguments, got an array @ $") == (
            answer.error,
            answer.text,
        )

    def test_inbox_not_an_object(self) -> None:
        """A triage inbox that is not an object says what it expected."""
        answer = call("triage", "candidate: Mei")
        assert (True, "expected an object with candidate and invitations, got text @ $") == (
            answer.error,
            answer.text,
        )

    def test_schema_key_and_missing_arguments(self) -> None:
        """A missing required argument is named with its path."""
        assert ["required argument missing @ $.text"] == call("check_tone", {}).text.splitlines()

    def test_unknown_ignore_rule(self) -> None:
        """An unknown rule, or text in place of a list, in ignore is a problem at $.ignore."""
        answer = call("check_tone", {"text": RUDE, "ignore": ["shouting-loudly"]})
        assert answer.error
        assert answer.text.endswith("@ $.ignore")
        assert call("check_tone", {"text": RUDE, "ignore": "arrogance"}).text.endswith(
            "got text @ $.ignore"
        )

    def test_file_names_with_other_problems(self) -> None:
        """Postings given by file name are refused together with every other problem."""
        inbox = {
            "$schema": "https://example.org/inbox.json",
            "candidate": MEI,
            "invitations": [
                {"schema_org": "postings/lumen.jsonld", "posting": {"title": "Analyst"}},
                {"html": "page.html", "matches_aspirations": "maybe"},
                "Data Engineer at Lumen",
            ],
        }
        assert [
            "unknown argument(s) $schema @ $",
            "the MCP server reads no files: give posting, or schema_org as an object @ $.invitations[0].schema_org",
            "the MCP server reads no files: give posting, or schema_org as an object @ $.invitations[1].html",
            "expected bool, got str @ $.invitations[1].matches_aspirations",
            "expected an object, got text @ $.invitations[2]",
        ] == call("triage", inbox).text.splitlines()
        assert (
            "unknown argument(s) $schema @ $"
            == call("triage", {"$schema": "x", "candidate": MEI}).text
        )
        assert call("triage", {"candidate": MEI, "invitations": {}}).text.endswith(
            "@ $.invitations"
        )

    def test_no_employer(self) -> None:
        """A null employer is read as no employer."""
        answer = call("advise_disclosure", {"candidate": MEI, "employer": None})
        assert (False, "keep_private") == (answer.error, answer.data and answer.data["stance"])

    def test_inline_json_ld_posting(self) -> None:
        """A posting given inline as schema.org JSON-LD is read."""
        posting = {"@type": "JobPosting", "title": "Data Engineer", "hiringOrganization": "Lumen"}
        answer = call("triage", {"candidate": MEI, "invitations": [{"schema_org": posting}]})
        assert not answer.error
        assert answer.data is not None
        assert "Data Engineer" == answer.data["attend"][0]["invitation"]["posting"]["title"]

    def test_courteous_draft(self) -> None:
        """A courteous draft has no findings and is not an error."""
        answer = call(
            "check_tone", {"text": "Dear Ana,\n\nThank you for thinking of me.\n\nBest,\nMei"}
        )
        assert ({"findings": []}, False) == (answer.data, answer.error)


class _HeldOpen(io.StringIO):
    """Requests that end only once ``awaited`` is in ``out`` (10 s at most).

    The server stops when its input ends and may drop a request still in flight, so
    the input stays open until the answer the test needs has been written.
    """

    def __init__(self, text: str, out: io.StringIO, awaited: str) -> None:
        super().__init__(text)
        self.out, self.awaited = out, awaited

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]
        line = super().readline(size)
        deadline = time.monotonic() + 10
        while not line and self.awaited not in self.out.getvalue().replace(" ", ""):
            if time.monotonic() > deadline:
                break
            time.sleep(0.005)
        return line


class TestServe:
    """serve() speaks JSON-RPC lines on the streams it is given; the command runs it."""

    def test_streams(self) -> None:
        """serve() answers initialize and tools/list on the streams it is given."""
        requests = [
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "protocolVersion": "2025-06-18",
                    "capabilities": {},
                    "clientInfo": {"name": "test", "version": "1"},
                },
            },
            {"jsonrpc": "2.0", "method": "notifications/initialized"},
            {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        ]
        out = io.StringIO()
        serve(_HeldOpen("".join(json.dumps(r) + "\n" for r in requests), out, '"id":2'), out)
        answers = {a["id"]: a for a in map(json.loads, out.getvalue().splitlines()) if "id" in a}
        assert list(TOOLS) == [t["name"] for t in answers[2]["result"]["tools"]]

    def test_command_runs_serve(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """interviewdecide mcp runs serve()."""
        served: list[bool] = []
        monkeypatch.setattr("interviewdecide._mcp.serve", lambda: served.append(True))
        assert 0 == main(["mcp"])
        assert [True] == served

    def test_without_the_extra(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without the mcp extra, the server and the command say what to install."""
        monkeypatch.setitem(sys.modules, "mcp.server.lowlevel", None)
        with pytest.raises(ModuleNotFoundError, match=r"pip install 'interviewdecide\[mcp\]'"):
            mcp_server()
        assert 2 == main(["mcp"])
        assert "the MCP server needs the mcp extra" in capsys.readouterr().err
