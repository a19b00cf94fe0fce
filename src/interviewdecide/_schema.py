"""JSON Schema (draft 2020-12) for the documents that the library reads and writes.

The schemas are generated from the attrs classes, with the rules that the cattrs
converter in :mod:`interviewdecide.serialization` applies: enums are their values,
money is a decimal number written as text, datetimes and dates are ISO 8601 text,
``None`` is ``null``, tuples and frozensets are arrays, :class:`~interviewdecide.Extra`
is any JSON object, a field with a default may be left out, and no other key is
allowed. The constraints that the constructors enforce and that JSON Schema can
state (minimums, non-empty and single-line text, currency codes, message
identifiers) are there too, read from each field's validators.

A schema never refuses what :func:`~interviewdecide.from_json` reads: it may accept
a document that ``from_json`` still refuses (a deadline before the offer arrived, a
naive datetime), never the other way round.
"""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import re
import types
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any, Union, get_args, get_origin

import attrs

from . import _disclosure, _email, _model, _tone, _trace, _triage, _validators
from ._cli import _inbox
from ._model import Extra
from ._trace import FactValue

__all__ = ["SCHEMA_BASE", "SCHEMA_NAMES", "json_schema", "schema_for_name"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where the documentation publishes the schema files, as ``NAME.json``.
SCHEMA_BASE = "https://interviewdecide.readthedocs.io/en/latest/schemas/"

#: The schemas published with the documentation and printed by
#: ``interviewdecide schema NAME``, by name.
SCHEMA_NAMES: dict[str, type[Any]] = {
    "inbox": _inbox.Inbox,
    "candidate": _model.Candidate,
    "invitation": _model.Invitation,
    "job-posting": _model.JobPosting,
    "policy": _model.Policy,
    "verdict": _trace.Verdict,
    "triage": _triage.Triage,
    "disclosure-advice": _disclosure.DisclosureAdvice,
    "email": _email.Email,
    "tone-finding": _tone.ToneFinding,
}

#: A decimal number as :class:`~decimal.Decimal` reads it from text.
_DECIMAL = r"^\s*[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?\s*$"
_NOT_BLANK = r"\S"
#: What :func:`_validators.single_line` refuses: a line break or NUL.
_LINE_BREAK = "[\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029\\x00]"
#: What an e-mail header field refuses: a control character, a line or paragraph
#: separator, or RFC 2047 encoded-word syntax.
_NOT_HEADER = "[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]|=\\?[\\s\\S]*\\?="
_MESSAGE_ID = "^<[\\x21-\\x3b\\x3d\\x3f-\\x7e]{1,250}>$"

Keywords = dict[str, dict[str, Any]]
"""Schema keywords by the kind of value they apply to (``string``, ``number``, ``array``,
``items``: the string items of an array)."""


def _int_at_least(check: Callable[..., None]) -> Keywords:
    bound = inspect.getclosurevars(check).nonlocals["bound"]
    return {"number": {"minimum": bound}}


# "not" applies to every type, so each names the strings it refuses.
_single_line: Keywords = {"string": {"not": {"type": "string", "pattern": _LINE_BREAK}}}
_header: Keywords = {"string": {"not": {"type": "string", "pattern": _NOT_HEADER}}}
_not_blank: Keywords = {"string": {"pattern": _NOT_BLANK}}
_at_least_zero: Keywords = {"number": {"minimum": 0}}
_amount: Keywords = {"number": {"minimum": 0, "exclusiveMaximum": int(_validators.MAX_AMOUNT)}}

#: What each validator of a public class means in JSON Schema. A validator that
#: JSON Schema cannot state maps to ``{}``; tests check that every validator of
#: every published class is here, so a new one cannot be forgotten.
_VALIDATORS: dict[Callable[..., None], Keywords] = {
    _validators.finite_non_negative: _at_least_zero,
    _validators.non_negative_int: _at_least_zero,
    _model._optional_finite_non_negative: _at_least_zero,  # noqa: SLF001
    _model._optional_positive: {"number": {"exclusiveMinimum": 0}},  # noqa: SLF001
    _validators.non_blank: _not_blank,
    _validators.single_line: _single_line,
    _validators.email_address: _header,  # one address: the library's parser says it
    _model._currency: {  # noqa: SLF001
        "string": {"pattern": "^[A-Z]{3}$", "minLength": 3, "maxLength": 3}
    },
    _validators.amount: _amount,
    _validators.optional_amount: _amount,
    _model._aware: {},  # noqa: SLF001 -- a UTC offset: format date-time says it
    _model._share: {"number": {"minimum": 0, "maximum": 1}},  # noqa: SLF001
    _model._opt_id: _not_blank,  # noqa: SLF001
    _model.Aspirations._check_words: {"items": _not_blank["string"]},  # noqa: SLF001
    _trace._fact_value: {},  # noqa: SLF001 -- finite: JSON has no NaN
    _trace.Step._check_children: {},  # noqa: SLF001 -- the item type says it
    _trace._readable_version: {"number": {"minimum": 1, "maximum": _trace.SCHEMA_VERSION}},  # noqa: SLF001
    _email._non_blank: _not_blank,  # noqa: SLF001
    _email._header_line: _header,  # noqa: SLF001
    _email._address: _header,  # noqa: SLF001 -- one address: the library's parser says it
    _email._message_id: {"string": {"pattern": _MESSAGE_ID, "maxLength": 252}},  # noqa: SLF001
    _email._message_ids: {  # noqa: SLF001
        "array": {"maxItems": _email.MAX_REFERENCES},
        "items": {"pattern": _MESSAGE_ID, "maxLength": 252},
    },
}


def _validator_keywords(validator: Any) -> Iterator[Keywords]:
    """Yield the keywords of ``validator`` and of every validator it wraps."""
    if validator is None:
        return
    name = type(validator).__name__
    if name == "_AndValidator":
        for v in validator._validators:  # noqa: SLF001 -- attrs keeps them there
            yield from _validator_keywords(v)
    elif name == "_OptionalValidator":
        yield from _validator_keywords(validator.validator)
    elif name == "_DeepIterable":
        for keywords in _validator_keywords(validator.member_validator):
            yield {"items": {k: v for words in keywords.values() for k, v in words.items()}}
    elif (
        isinstance(validator, _validators.InstanceOf | _validators.TupleOf)
        or name == "_InstanceOfValidator"
    ):
        return  # the type says it
    elif _qualname(validator) == "_int_at_least.<locals>.check":
        yield _int_at_least(validator)
    else:
        func = getattr(validator, "__func__", validator)
        yield _VALIDATORS[func]


def _qualname(validator: object) -> str:
    return str(getattr(validator, "__qualname__", ""))


_KINDS = {"string": ("string",), "number": ("number", "integer"), "array": ("array",)}


def _constrain(schema: dict[str, Any], keywords: Keywords) -> None:
    """Add ``keywords`` to the branches of ``schema`` whose type they apply to."""
    for branch in schema.get("anyOf", [schema]):
        for kind, words in keywords.items():
            if kind == "items":
                if branch.get("type") == "array":
                    branch["items"] = {**branch["items"], **words}
            elif set(_types(branch)) & set(_KINDS[kind]):
                branch.update(copy.deepcopy(words))


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _plain(text: str) -> str:
    """Turn reStructuredText roles and literals into plain words."""
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?([\w]+)`", r"\1", text)
    return " ".join(text.replace("``", "").split())


def _docs(cls: type[Any]) -> tuple[str, dict[str, str]]:
    """Return the summary of ``cls`` and its ``Attributes:`` text by field name."""
    doc = inspect.getdoc(cls) or ""
    summary = _plain(doc.split("\n\n", 1)[0])
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    inside = False
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            inside = True
        elif inside and (match := re.match(r"^ {4}(\w+): (.*)$", line)):
            current = fields.setdefault(match[1], [match[2]])
        elif inside and line.startswith(" " * 8) and current is not None:
            current.append(line)
        elif inside and line.strip():
            break
    return summary, {k: _plain(" ".join(v)) for k, v in fields.items()}


class _Builder:
    """Build one schema document: the root class inline, the others in ``$defs``."""

    def __init__(self, root: type[Any]) -> None:
        self.root = root
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        if cls is self.root:
            return {"$ref": "#"}
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder, so that recursion stops here
            self.defs[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type[Any]) -> dict[str, Any]:
        from .serialization import converter

        attrs.resolve_types(cls)
        summary, described = _docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            schema = self.type(field.type)
            for keywords in _validator_keywords(field.validator):
                _constrain(schema, keywords)
            if field.name in described:
                schema["description"] = described[field.name]
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                default = field.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                schema["default"] = converter.unstructure(default)
            properties[field.name] = schema
        out: dict[str, Any] = {"title": cls.__name__, "description": summary, "type": "object"}
        out["properties"] = properties
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        if cls.__name__ in _AT_LEAST_ONE:
            out["anyOf"] = [
                {"required": [name], "properties": {name: {"not": {"type": "null"}}}}
                for name in _AT_LEAST_ONE[cls.__name__]
            ]
        return out

    def type(self, t: Any) -> dict[str, Any]:
        if t is FactValue or get_origin(t) in {Union, types.UnionType}:
            return _union([self.type(a) for a in get_args(t)])
        if t is type(None):
            return {"type": "null"}
        if isinstance(t, type) and issubclass(t, StrEnum):
            return {"title": t.__name__, "type": "string", "enum": [m.value for m in t]}
        if get_origin(t) in {tuple, frozenset}:
            return {"type": "array", "items": self.type(get_args(t)[0])}
        if attrs.has(t):
            return self.ref(t)
        if t in _SIMPLE:
            return copy.deepcopy(_SIMPLE[t])
        msg = f"json_schema: no JSON form known for {t!r}"
        raise TypeError(msg)


#: The classes that need at least one of some optional fields, not ``null``.
_AT_LEAST_ONE = {
    "PayRange": ("minimum", "maximum"),
    "Location": ("city", "region", "country"),
}

_SIMPLE: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    Decimal: {
        "anyOf": [
            {"type": "string", "pattern": _DECIMAL},
            {"type": "number"},
        ],
        "description": "A decimal number, written as text for exactness ('85000.00').",
    },
    dt.datetime: {"type": "string", "format": "date-time"},
    dt.date: {"type": "string", "format": "date"},
    Extra: {"type": "object", "description": "Any JSON object: the caller's own data."},
}


def _union(branches: list[dict[str, Any]]) -> dict[str, Any]:
    """Join the schemas of a union, as one list of types where they are plain types."""
    if all(set(b) == {"type"} for b in branches):
        names = [b["type"] for b in branches]
        if "number" in names and "integer" in names:
            names.remove("integer")
        return {"type": names}
    return {"anyOf": [x for b in branches for x in b.get("anyOf", [b])]}


def schema_for_name(name: str) -> type[Any]:
    """Return the class whose schema is published as ``name``; case and ``_`` do not count.

    Raises:
        KeyError: When no schema is published as ``name``.
    """
    key = name.strip().lower().replace("_", "-")
    joined = {k.replace("-", ""): v for k, v in SCHEMA_NAMES.items()}
    if key in SCHEMA_NAMES:
        return SCHEMA_NAMES[key]
    return joined[key.replace("-", "")]


def _name_of(cls: type[Any]) -> str:
    for name, known in SCHEMA_NAMES.items():
        if known is cls:
            return name
    return re.sub(r"(?<!^)(?=[A-Z])", "-", cls.__name__).lower()


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) for the JSON form of ``cls``.

    The schema describes what :func:`~interviewdecide.to_json` writes and
    :func:`~interviewdecide.from_json` reads: every field with its type, the fields
    without a default as ``required``, no other key (``additionalProperties:
    false``), and each constraint of the constructors that JSON Schema can state.
    A document the schema refuses, ``from_json`` refuses too. For
    :class:`~interviewdecide.Inbox` it describes the whole input file that the
    command line reads (postings may be given as ``schema_org`` or ``html``, and a
    ``"$schema"`` key is allowed); for :class:`~interviewdecide.Triage`, the form
    that writes the shared policy once at the top.

    Args:
        cls: A public type that ``to_json`` writes, such as
            :class:`~interviewdecide.Candidate`.

    Returns:
        A new dict, ready for :func:`json.dumps`; its ``$id`` is where the
        documentation publishes it.

    Raises:
        TypeError: When ``cls`` is not a type of the library that ``to_json`` writes.

    Example:
        >>> from interviewdecide import Candidate, json_schema
        >>> schema = json_schema(Candidate)
        >>> schema["required"]
        ['name', 'years_experience']
        >>> schema["properties"]["years_experience"]["minimum"]
        0

    .. versionadded:: 0.2.0
    """
    if not (
        isinstance(cls, type) and attrs.has(cls) and cls.__module__.startswith(__package__ or "")
    ):
        msg = f"json_schema needs a public interviewdecide type, not {cls!r}"
        raise TypeError(msg)
    builder = _Builder(cls)
    body = builder.object(cls)
    doc: dict[str, Any] = {"$schema": _DIALECT, "$id": f"{SCHEMA_BASE}{_name_of(cls)}.json"}
    doc |= body
    if cls is _inbox.Inbox:
        _inbox_form(doc, builder.defs)
    elif cls is _triage.Triage:
        _triage_form(doc, builder.defs)
    if builder.defs:
        doc["$defs"] = dict(sorted(builder.defs.items()))
    return doc


def _inbox_form(doc: dict[str, Any], defs: dict[str, dict[str, Any]]) -> None:
    """Describe the input file: ``$schema``, and postings by ``schema_org`` or ``html``."""
    doc["properties"] = {
        "$schema": {
            "type": "string",
            "description": "The JSON Schema an editor checks the file against; ignored.",
        },
        **doc["properties"],
    }
    doc["properties"]["invitations"]["items"] = {"$ref": "#/$defs/InboxInvitation"}
    item = copy.deepcopy(defs.pop("Invitation"))
    item["title"] = "InboxInvitation"
    item["description"] = (
        "An invitation, whose posting is given inline (posting), as schema.org JSON-LD "
        "(schema_org: an object, or a file name) or as a saved job page (html: a file "
        "name); file names are relative to the input file's folder."
    )
    item["required"] = [r for r in item.get("required", []) if r != "posting"]
    item["properties"]["schema_org"] = {
        "anyOf": [
            {"type": "object"},
            {"type": "array"},
            {"type": "string", "pattern": _NOT_BLANK},
        ],
        "description": "A schema.org JobPosting as JSON-LD, or the name of a file holding it.",
    }
    item["properties"]["html"] = {
        "type": "string",
        "pattern": _NOT_BLANK,
        "description": "The name of a saved job page that embeds a JobPosting.",
    }
    item["oneOf"] = [{"required": [k]} for k in ("posting", "schema_org", "html")]
    defs["InboxInvitation"] = item


def _triage_form(doc: dict[str, Any], defs: dict[str, dict[str, Any]]) -> None:
    """Describe the policy written once at the top, which verdicts then leave out."""
    doc["properties"] = {
        "policy": {
            "$ref": "#/$defs/Policy",
            "description": "The policy the verdicts share; a verdict without one uses it.",
        },
        **doc["properties"],
    }
    defs["Verdict"]["required"].remove("policy")
    needs_policy = {"items": {"properties": {"verdict": {"required": ["policy"]}}}}
    doc["if"] = {"required": ["policy"]}
    doc["else"] = {"properties": dict.fromkeys(("attend", "decline", "deferred"), needs_policy)}
