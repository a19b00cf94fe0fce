"""An MCP server: the library's advice as tools a chat assistant can call.

``interviewdecide mcp`` serves the Model Context Protocol over standard input and
output with the official ``mcp`` SDK (the ``mcp`` extra). Its tools are
``decide``, ``triage``, ``draft_decline``, ``advise_disclosure`` and
``check_tone``. Each takes its arguments in the form :func:`~interviewdecide.to_json`
writes, described by the schemas of :func:`~interviewdecide.json_schema`, and
answers with the JSON the library writes (also as structured content) and the
explanation in words. Bad arguments come back as a tool error with one line per
problem, each with its path (``$.candidate.years_experience``), so that an
assistant can fix them and call again; its structured content lists the same
problems as ``{"problems": [{"path": ..., "message": ...}]}``.

The server reads no files: an invitation of the ``triage`` tool gives its posting
as ``posting`` or as an inline ``schema_org`` object, never as a file name.

The tools themselves (:func:`call`) are plain functions that need no SDK.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from ._errors import InvalidInput, json_kind
from ._problem import Problem

if TYPE_CHECKING:
    from mcp.server.lowlevel import Server

__all__ = ["TOOLS", "Answer", "call", "mcp_server", "serve", "server", "tool_schemas"]

#: The tools, with what each does.
TOOLS = {
    "decide": (
        "Decide whether the candidate should attend one interview invitation, with the "
        "reasons: every piece of advice weighed, in order."
    ),
    "triage": (
        "Decide every invitation of an inbox and group them (attend, decline, deferred), "
        "with courteous decline e-mails and advice about the batch as a whole."
    ),
    "draft_decline": "Draft a short, courteous e-mail that declines one interview invitation.",
    "advise_disclosure": (
        "Advise whether to tell a hiring manager about the candidate's other offers: "
        "keep them private, or telling is optional; never a duty."
    ),
    "check_tone": (
        "Check a decline e-mail the candidate wrote for arrogance, discourtesy, burnt "
        "bridges, over-sharing of other offers and length; no findings means it is fine."
    ),
}


@attrs.frozen(kw_only=True)
class Answer:
    """What a tool returns: the library's JSON and the explanation, or the problems.

    Attributes:
        data: The result as the library writes it to JSON; on bad arguments,
            ``{"problems": [{"path": ..., "message": ...}, ...]}``; ``None`` for an
            unknown tool.
        text: The explanation in words, or the problems, one per line.
        error: Whether the arguments were refused.
    """

    data: dict[str, Any] | None
    text: str
    error: bool = False


def _problems(error: InvalidInput) -> Answer:
    problems = [{"path": p.path, "message": p.message} for p in error.problems]
    return Answer(data={"problems": problems}, text=str(error), error=True)


Read = Callable[[object, str], Any]


def _typed(cls: type[Any]) -> Read:
    from .serialization import structure

    return lambda value, path: structure(value, cls, path=path)


def _plain(kind: type, what: str, *, optional: bool = False) -> Read:
    def read(value: object, path: str) -> object:
        if (value is None and optional) or type(value) is kind:
            return value
        raise InvalidInput.at(path, f"expected {what}, got {json_kind(value)}")

    return read


def _strings(value: object, path: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidInput.at(path, f"expected an array of strings, got {json_kind(value)}")
    if problems := [
        Problem(f"{path}[{i}]", f"expected a string, got {json_kind(v)}")
        for i, v in enumerate(value)
        if not isinstance(v, str)
    ]:
        raise InvalidInput(problems)
    return tuple(value)


def _arguments(arguments: object, readers: Mapping[str, tuple[Read, bool]]) -> dict[str, Any]:
    """Read every argument, collecting each problem with its path.

    Raises:
        InvalidInput: With every problem: unknown or missing arguments, bad values.
    """
    if not isinstance(arguments, dict):
        raise InvalidInput.at("$", f"expected an object of arguments, got {json_kind(arguments)}")
    problems: list[Problem] = []
    if unknown := sorted(set(arguments) - set(readers)):
        problems.append(Problem("$", f"unknown argument(s) {', '.join(unknown)}"))
    values: dict[str, Any] = {}
    for name, (read, required) in readers.items():
        if name not in arguments:
            if required:
                problems.append(Problem(f"$.{name}", "required argument missing"))
            continue
        try:
            values[name] = read(arguments[name], f"$.{name}")
        except InvalidInput as e:
            problems += e.problems
    if problems:
        raise InvalidInput(problems)
    return values


def _about_one_invitation(arguments: object, option: str, cls: type[Any]) -> dict[str, Any]:
    """Read a candidate and an invitation (both required), and ``option``, a ``cls``."""
    from . import Candidate, Invitation

    return _arguments(
        arguments,
        {
            "candidate": (_typed(Candidate), True),
            "invitation": (_typed(Invitation), True),
            option: (_typed(cls), False),
        },
    )


def _decide(arguments: object) -> Answer:
    from . import Policy, decide, to_json

    args = _about_one_invitation(arguments, "policy", Policy)
    verdict = decide(args["candidate"], args["invitation"], policy=args.get("policy"))
    return Answer(data=json.loads(to_json(verdict)), text=verdict.explain())


#: Stands in for a posting given by file name, so the rest is still checked.
_UNREAD = {"title": "unread posting"}


def _without_files(arguments: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Refuse postings given by file name (the server reads no files), adding to ``problems``."""
    invitations = arguments.get("invitations")
    if not isinstance(invitations, list):
        return arguments
    kept: list[object] = []
    for i, item in enumerate(invitations):
        named = [
            k
            for k in ("schema_org", "html")
            if isinstance(item, dict) and isinstance(item.get(k), str)
        ]
        problems += [
            Problem(
                f"$.invitations[{i}].{key}",
                "the MCP server reads no files: give posting, or schema_org as an object",
            )
            for key in named
        ]
        kept.append(
            {k: v for k, v in item.items() if k not in named} | {"posting": _UNREAD}
            if named
            else item
        )
    return {**arguments, "invitations": kept}


def _triage(arguments: object) -> Answer:
    from . import to_json, triage
    from ._cli._inbox import inbox_from_data

    problems: list[Problem] = []
    if isinstance(arguments, dict):
        if "$schema" in arguments:
            problems.append(Problem("$", "unknown argument(s) $schema"))
        arguments = _without_files({k: v for k, v in arguments.items() if k != "$schema"}, problems)
    try:
        inbox = inbox_from_data(arguments, Path.cwd())
    except InvalidInput as e:
        raise InvalidInput([*problems, *e.problems]) from None
    if problems:
        raise InvalidInput(problems)
    result = triage(inbox.candidate, inbox.invitations, policy=inbox.policy)
    return Answer(data=json.loads(to_json(result)), text=result.explain())


def _draft_decline(arguments: object) -> Answer:
    from . import DeclineReason, draft_decline, to_json

    args = _about_one_invitation(arguments, "reason", DeclineReason)
    email = draft_decline(args["candidate"], args["invitation"], reason=args.get("reason"))
    text = f"Subject: {email.subject}\n\n{email.body}"
    return Answer(data=json.loads(to_json(email)), text=text)


def _advise_disclosure(arguments: object) -> Answer:
    from . import Candidate, advise_disclosure, to_json

    args = _arguments(
        arguments,
        {
            "candidate": (_typed(Candidate), True),
            "employer": (_plain(str, "a string or null", optional=True), False),
            "employer_made_offer": (_plain(bool, "true or false"), False),
            "final_stage": (_plain(bool, "true or false"), False),
        },
    )
    advice = advise_disclosure(args.pop("candidate"), **args)
    return Answer(data=json.loads(to_json(advice)), text=advice.explain())


def _check_tone(arguments: object) -> Answer:
    from . import check_tone, render_tone_report, to_json

    args = _arguments(
        arguments,
        {"text": (_plain(str, "a string"), True), "ignore": (_strings, False)},
    )
    try:
        findings = check_tone(args["text"], ignore=args.get("ignore", ()))
    except ValueError as e:  # an unknown rule or category in ignore
        raise InvalidInput.at("$.ignore", str(e)) from None
    report = render_tone_report(findings, text=args["text"])
    return Answer(data={"findings": json.loads(to_json(findings))}, text=report)


_CALLS: dict[str, Callable[[object], Answer]] = {
    "decide": _decide,
    "triage": _triage,
    "draft_decline": _draft_decline,
    "advise_disclosure": _advise_disclosure,
    "check_tone": _check_tone,
}


def call(name: str, arguments: object) -> Answer:
    """Run the tool ``name`` with ``arguments`` (parsed JSON), as the server does.

    Returns:
        The answer; bad arguments give an answer with ``error`` set and every
        problem, each with its path, never an exception.
    """
    run = _CALLS.get(name)
    if run is None:
        return Answer(
            data=None, text=f"unknown tool {name!r}; the tools are {', '.join(TOOLS)}", error=True
        )
    try:
        return run(arguments)
    except InvalidInput as e:
        return _problems(e)


def _embed(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Put the schema of ``cls`` and its definitions into ``defs``; return a reference."""
    from ._schema import json_schema

    schema = json_schema(cls)
    for key in ("$schema", "$id"):
        del schema[key]
    defs |= schema.pop("$defs", {})
    defs[cls.__name__] = schema
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _arguments_schema(
    properties: dict[str, Any], required: list[str], defs: dict[str, Any]
) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    out["additionalProperties"] = False
    if defs:
        out["$defs"] = dict(sorted(defs.items()))
    return out


def tool_schemas() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Return each tool's input schema and output schema (JSON Schema 2020-12), by name."""
    from . import (
        Candidate,
        DeclineReason,
        DisclosureAdvice,
        Email,
        Inbox,
        Invitation,
        Policy,
        ToneFinding,
        Triage,
        Verdict,
    )
    from ._schema import json_schema

    def output(cls: type[Any]) -> dict[str, Any]:
        schema = json_schema(cls)
        del schema["$id"]
        return schema

    decide: dict[str, Any] = {}
    decide_in = _arguments_schema(
        {
            "candidate": _embed(Candidate, decide),
            "invitation": _embed(Invitation, decide),
            "policy": _embed(Policy, decide),
        },
        ["candidate", "invitation"],
        decide,
    )
    inbox = json_schema(Inbox)
    for key in ("$schema", "$id"):
        del inbox[key]
    del inbox["properties"]["$schema"]
    item = inbox["$defs"]["InboxInvitation"]
    del item["properties"]["html"]
    item["properties"]["schema_org"] = {
        "type": ["object", "array"],
        "description": "A schema.org JobPosting as JSON-LD (the server reads no files).",
    }
    item["oneOf"] = [{"required": ["posting"]}, {"required": ["schema_org"]}]
    draft: dict[str, Any] = {}
    draft_in = _arguments_schema(
        {
            "candidate": _embed(Candidate, draft),
            "invitation": _embed(Invitation, draft),
            "reason": {
                "type": "string",
                "enum": [r.value for r in DeclineReason],
                "description": "Why the candidate declines; taken from the verdict when left out.",
            },
        },
        ["candidate", "invitation"],
        draft,
    )
    advise: dict[str, Any] = {}
    advise_in = _arguments_schema(
        {
            "candidate": _embed(Candidate, advise),
            "employer": {
                "type": ["string", "null"],
                "description": "The employer whose hiring manager asks.",
            },
            "employer_made_offer": {"type": "boolean", "default": False},
            "final_stage": {"type": "boolean", "default": False},
        },
        ["candidate"],
        advise,
    )
    tone_in = _arguments_schema(
        {
            "text": {"type": "string", "description": "The decline the candidate wrote."},
            "ignore": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Rule ids or categories to skip.",
            },
        },
        ["text"],
        {},
    )
    finding = output(ToneFinding)
    tone_out = {
        "$schema": finding.pop("$schema"),
        "type": "object",
        "properties": {"findings": {"type": "array", "items": finding}},
        "required": ["findings"],
        "additionalProperties": False,
    }
    return {
        "decide": (decide_in, output(Verdict)),
        "triage": (inbox, output(Triage)),
        "draft_decline": (draft_in, output(Email)),
        "advise_disclosure": (advise_in, output(DisclosureAdvice)),
        "check_tone": (tone_in, tone_out),
    }


def server() -> Server[Any]:
    """Build the MCP server, with its tools.

    Raises:
        ModuleNotFoundError: When the ``mcp`` extra is not installed; the message
            says what to install.
    """
    try:
        import mcp_types as types
        from mcp.server.lowlevel import Server
    except ModuleNotFoundError as e:
        msg = (
            f"the MCP server needs the mcp extra ({e.name} is missing): "
            "pip install 'interviewdecide[mcp]'"
        )
        raise ModuleNotFoundError(msg, name=e.name) from None
    from ._version import __version__

    schemas = tool_schemas()
    tools = [
        types.Tool(
            name=name,
            description=summary,
            input_schema=schemas[name][0],
            output_schema=schemas[name][1],
        )
        for name, summary in TOOLS.items()
    ]

    async def list_tools(_ctx: Any, _params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(_ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        answer = call(params.name, params.arguments if params.arguments is not None else {})
        texts = [answer.text]
        if not answer.error:
            texts.insert(0, json.dumps(answer.data, ensure_ascii=False))
        content: list[types.ContentBlock] = [types.TextContent(type="text", text=t) for t in texts]
        if answer.error:  # with the problems as data, when the arguments were refused
            return types.CallToolResult(
                content=content, structured_content=answer.data, is_error=True
            )
        return types.CallToolResult(content=content, structured_content=answer.data)

    return Server(
        "interviewdecide",
        version=__version__,
        instructions=(
            "Tools that decide whether to attend interview invitations, with reasons. "
            "Arguments take the JSON form interviewdecide writes; a tool error lists "
            "each problem with its path, so fix those and call again."
        ),
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


def mcp_server() -> Server[Any]:
    """Return the MCP server with the library's tools, ready to run.

    ``interviewdecide mcp`` runs this server over standard input and output. An
    application can run it in its own process instead: hand it to the SDK's client
    (``mcp.client.client.Client(mcp_server())``) or to a transport of its own. The
    tools are ``decide``, ``triage``, ``draft_decline``, ``advise_disclosure`` and
    ``check_tone``, with the schemas of :func:`~interviewdecide.json_schema`.

    Returns:
        A low-level ``mcp`` server; each call builds a new one.

    Raises:
        ModuleNotFoundError: When the ``mcp`` extra is not installed; the message
            says what to install.

    .. versionadded:: 0.2.0
    """
    return server()


def serve(stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> None:
    """Serve the tools over standard input and output until the input ends.

    Args:
        stdin: Where requests come from; the process's standard input by default.
        stdout: Where answers go; the process's standard output by default.

    Raises:
        ModuleNotFoundError: When the ``mcp`` extra is not installed.
    """
    app = server()
    import anyio
    from mcp.server.stdio import stdio_server

    async def run() -> None:
        reader = None if stdin is None else anyio.wrap_file(stdin)
        writer = None if stdout is None else anyio.wrap_file(stdout)
        async with stdio_server(reader, writer) as (read, write):
            await app.run(read, write, app.create_initialization_options())

    anyio.run(run)
