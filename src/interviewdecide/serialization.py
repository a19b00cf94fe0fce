"""Every cattrs setting of the library, and JSON in and out.

One converter, built once from :func:`cattrs.preconf.json.make_converter`, owns
every hook: enums by value, dates and datetimes as ISO 8601 text, money as exact
decimal strings (``"85000.00"``, never a float), frozensets as sorted lists (so the
same value always gives the same bytes), and unknown keys rejected. Errors from
cattrs are flattened, as :func:`cattrs.transform_error` does, into one
:class:`~interviewdecide.Problem` per problem, each with its path, keeping the
message of the validator that failed.

A :class:`~interviewdecide.Triage` writes the policy its verdicts share once, as
``"policy"`` at the top, instead of inside every verdict; a verdict whose policy
differs keeps its own. Reading accepts that form and the one that repeats the
policy in every verdict.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar, get_origin

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import AttributeValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from ._errors import (
    FieldTypeError,
    FieldValueError,
    InvalidInput,
    json_object,
    json_problems,
)
from ._model import Extra, Invitation, Policy
from ._problem import Problem, rebased
from ._trace import FactValue

__all__ = ["checked_json", "converter", "from_json", "json_object", "to_json", "to_problems"]

T = TypeVar("T")


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        msg = f"expected a decimal number as text, got {type(value).__name__}"
        raise TypeError(msg)
    try:
        out = Decimal(str(value))
    except InvalidOperation:
        msg = f"{value!r} is not a decimal number"
        raise ValueError(msg) from None
    return out


def _structure_datetime(value: object, _: type) -> dt.datetime:
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 datetime string, got {type(value).__name__}"
        raise TypeError(msg)
    return dt.datetime.fromisoformat(value)


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 date string, got {type(value).__name__}"
        raise TypeError(msg)
    return dt.date.fromisoformat(value)


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        msg = f"expected str, got {type(value).__name__}"
        raise TypeError(msg)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # JSON escapes such as "\ud800" decode to text no UTF-8 output can hold.
            msg = "not valid Unicode: the text holds a lone surrogate"
            raise ValueError(msg) from None
    return value


def _structure_strict(kind: type[Any]) -> Any:
    def hook(value: object, _: type) -> Any:
        if type(value) is not kind:
            if not (kind is float and type(value) is int):
                msg = f"expected {kind.__name__}, got {type(value).__name__}"
                raise TypeError(msg)
            try:
                float(value)
            except OverflowError:
                msg = "expected float, got an int too large for one"
                raise ValueError(msg) from None
        return value

    return hook


def _is_homogeneous(t: Any) -> bool:
    return get_origin(t) in {tuple, frozenset} and (
        get_origin(t) is frozenset or t.__args__[-1] is ...
    )


def _collection_hook(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Accept only JSON arrays for tuples and frozensets; never iterate a string."""
    elements = list_structure_factory(t, conv)
    build = get_origin(t)

    def hook(value: object, _: type) -> Any:
        if not isinstance(value, list):
            msg = f"expected an array, got {type(value).__name__}"
            raise TypeError(msg)
        return build(elements(value, t))

    return hook


def _is_frozenset(t: Any) -> bool:
    return get_origin(t) is frozenset


def _sorted_frozenset(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    """Write frozensets as sorted arrays, so equal values give equal bytes."""
    element = conv.get_unstructure_hook(t.__args__[0])

    def hook(value: frozenset[Any]) -> list[Any]:
        return sorted(element(v) for v in value)

    return hook


def _attrs_hook(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure attrs classes from JSON objects only, rejecting unknown keys."""
    build = make_dict_structure_fn(
        t, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    attrs.resolve_types(t)

    def hook(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            msg = f"expected an object, got {type(value).__name__}"
            raise TypeError(msg)
        try:
            return build(value, t)
        except cattrs.ClassValidationError as e:
            by_field, from_init = e.group_exceptions()
            if by_field:  # fields failed to structure: check the others' validators too
                failed = {note.name for _, note in by_field}
                more = _every_invalid_field(t, value, conv, skip=failed)
                if not more:
                    raise
                raise cattrs.ClassValidationError(e.message, [*e.exceptions, *more], t) from e
            every = _every_invalid_field(t, value, conv)
            if len(every) < 2:  # the constructor's error was the only one
                raise
            raise cattrs.ClassValidationError(e.message, every, t) from from_init[0]

    return hook


def _every_invalid_field(
    t: Any,
    value: dict[str, Any],
    conv: cattrs.Converter,
    *,
    skip: frozenset[str] | set[str] = frozenset(),
) -> list[Exception]:
    """Run each field's validator alone, so that every bad field is reported.

    An attrs constructor stops at its first failing validator; this runs them all.
    It is called once the constructor has failed, or once some fields (``skip``)
    failed to structure and the constructor never ran: the other fields then
    structure without error, so only their validators can fail here.
    """
    found: list[Exception] = []
    for field in attrs.fields(t):
        if field.validator is None or field.alias not in value or field.name in skip:
            continue
        try:
            checked = conv.structure(value[field.alias], field.type)
            if field.converter is not None:
                checked = field.converter(checked)
            field.validator(None, field, checked)
        except (ValueError, TypeError) as e:
            found.append(e)
    return found


def _structure_enum(value: object, t: type[StrEnum]) -> StrEnum:
    if not isinstance(value, str):
        msg = f"expected one of {[m.value for m in t]}, got {type(value).__name__}"
        raise TypeError(msg)
    try:
        return t(value)
    except ValueError:
        msg = f"{value!r} is not one of {[m.value for m in t]}"
        raise ValueError(msg) from None


def _is_fact_value(t: Any) -> bool:
    return bool(t == FactValue)


def _finite_fact_value(conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Refuse a fact value that is not finite (``NaN``, ``Infinity``, or ``1e400``).

    Other fields refuse these through their validators; a fact holds any number,
    and NaN, unequal to itself, would not survive a round trip.
    """
    passthrough = conv.get_structure_hook(FactValue)

    def hook(value: object, t: Any) -> Any:
        if isinstance(value, float) and not math.isfinite(value):
            msg = f"expected a finite number, got {value}"
            raise ValueError(msg)
        return passthrough(value, t)

    return hook


def _structure_extra(value: object, _: type) -> Extra:
    if not isinstance(value, dict):
        msg = f"expected an object of the caller's own data, got {type(value).__name__}"
        raise TypeError(msg)
    return Extra(value, _path="")  # a bad value's error names its key below the field


def _invitation_unstructure(conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """Write an invitation's ``id`` and ``extra`` only when they are given."""
    return make_dict_unstructure_fn(
        Invitation,
        conv,
        id=override(omit_if_default=True),
        extra=override(omit_if_default=True),
    )


def _is_inbox(t: Any) -> bool:
    # Looked up, not imported: the inbox reader imports this module.
    module = sys.modules.get(f"{__package__}._cli._inbox")
    return module is not None and t is module.Inbox


def _inbox_structure(t: Any) -> Callable[[Any, Any], Any]:
    """Read an inbox as the command line does, file names relative to the working directory."""
    read = sys.modules[f"{__package__}._cli._inbox"].inbox_from_data

    def hook(value: object, _: type) -> Any:
        return read(value, Path.cwd())

    return hook


def _is_triage(t: Any) -> bool:
    # Looked up, not imported: reading a candidate need not load triage's e-mail code.
    module = sys.modules.get(f"{__package__}._triage")
    return module is not None and t is module.Triage


#: The groups of a triage whose items carry verdicts.
_VERDICT_GROUPS = ("attend", "decline", "deferred")


def _triage_unstructure(t: Any, conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """Write the policy the verdicts share once, at the top, not in every verdict."""
    fields = make_dict_unstructure_fn(t, conv, _cattrs_omit_if_default=conv.omit_if_default)
    policy_hook = conv.get_unstructure_hook(Policy)

    def hook(triage: Any) -> dict[str, Any]:
        data = fields(triage)
        first = next((g[0] for g in (triage.attend, triage.decline, triage.deferred) if g), None)
        if first is None:
            return data
        shared = first.verdict.policy
        for group in _VERDICT_GROUPS:
            for item, out in zip(getattr(triage, group), data[group], strict=True):
                policy = item.verdict.policy
                if policy is shared or policy == shared:
                    del out["verdict"]["policy"]
        return {"policy": policy_hook(shared), **data}

    return hook


def _triage_structure(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Read a triage whose verdicts take the policy written once at the top."""
    build = _attrs_hook(t, conv)

    def hook(value: object, _: type) -> Any:
        if isinstance(value, dict) and "policy" in value:
            value = _shared_policy(value, t, conv)
        return build(value, t)

    return hook


def _shared_policy(value: dict[str, Any], t: Any, conv: cattrs.Converter) -> dict[str, Any]:
    """Give every verdict without a policy of its own the one at the top."""
    data = dict(value)
    policy = data.pop("policy")
    try:
        conv.structure(policy, Policy)
    except (cattrs.BaseValidationError, ValueError, TypeError) as e:
        e.__notes__ = [
            *getattr(e, "__notes__", []),
            AttributeValidationNote("Structuring the shared policy", "policy", Policy),
        ]
        msg = f"While structuring {t.__name__}"
        raise cattrs.ClassValidationError(msg, [e], t) from None
    for group in _VERDICT_GROUPS:
        items = data.get(group)
        if isinstance(items, list):
            data[group] = [_with_policy(item, policy) for item in items]
    return data


def _with_policy(item: object, policy: object) -> object:
    verdict = item.get("verdict") if isinstance(item, dict) else None
    if isinstance(item, dict) and isinstance(verdict, dict) and "policy" not in verdict:
        return {**item, "verdict": {**verdict, "policy": policy}}
    return item


def _make_converter() -> cattrs.Converter:
    c = make_converter(forbid_extra_keys=True, prefer_attrib_converters=False)
    c.register_unstructure_hook(Decimal, str)
    c.register_structure_hook(Decimal, _structure_decimal)
    c.register_structure_hook(dt.datetime, _structure_datetime)
    c.register_structure_hook(dt.date, _structure_date)
    c.register_structure_hook(str, _structure_str)
    for kind in (int, float, bool):
        c.register_structure_hook(kind, _structure_strict(kind))
    # StrEnum comes before str in an enum's MRO, so this hook wins over str's.
    c.register_structure_hook(StrEnum, _structure_enum)
    c.register_structure_hook_factory(_is_homogeneous, _collection_hook)
    c.register_structure_hook_factory(attrs.has, _attrs_hook)
    c.register_unstructure_hook_factory(_is_frozenset, _sorted_frozenset)
    c.register_structure_hook(Extra, _structure_extra)
    c.register_unstructure_hook(Extra, Extra.to_dict)
    c.register_unstructure_hook(Invitation, _invitation_unstructure(c))
    # Registered after attrs.has, so that these win for Triage.
    c.register_structure_hook_factory(_is_triage, _triage_structure)
    c.register_structure_hook_factory(_is_inbox, _inbox_structure)
    c.register_unstructure_hook_factory(_is_triage, _triage_unstructure)
    # A predicate, as the preconf converter's union passthrough outranks a union hook.
    c.register_structure_hook_func(_is_fact_value, _finite_fact_value(c))
    return c


#: The library's converter. Use it to unstructure to plain dicts, or to build
#: your own on top of it with :meth:`cattrs.Converter.copy`.
converter: cattrs.Converter = _make_converter()


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialize any public interviewdecide value to JSON text.

    The output is deterministic: the same value gives the same text, whatever the
    hash seed.

    Args:
        obj: A public value: a candidate, posting, invitation, verdict, ...
        indent: Passed to :func:`json.dumps` for pretty output.

    Returns:
        The JSON text; :func:`from_json` reads it back to an equal value.

    .. versionadded:: 0.1.0
    """
    return json.dumps(converter.unstructure(obj), indent=indent, ensure_ascii=False)


def to_problems(exc: BaseException, path: str = "$") -> list[Problem]:
    """Flatten a structuring error into one :class:`~interviewdecide.Problem` per problem.

    Like :func:`cattrs.transform_error`, but a constructor's own error (from an
    attrs validator, or from a check across fields) extends the path with the field
    it names, so ``years_experience=-3`` reports ``$.years_experience`` rather
    than the enclosing object, and its message is kept word for word.

    .. versionchanged:: 0.2.0
       Returns problems (path and message apart) rather than ``message @ path``
       strings.
    """
    if isinstance(exc, cattrs.IterableValidationError):
        by_index, without = exc.group_exceptions()
        found = [p for e, n in by_index for p in to_problems(e, f"{path}[{n.index!r}]")]
        return found + [p for e in without for p in to_problems(e, path)]
    if isinstance(exc, cattrs.ClassValidationError):
        by_field, others = exc.group_exceptions()
        found = [p for e, a in by_field for p in to_problems(e, f"{path}.{a.name}")]
        return found + [p for e in others for p in to_problems(e, path)]
    if isinstance(exc, FieldValueError | FieldTypeError):
        step = "" if exc.field.startswith("[") else "."  # a key in brackets: extra[" "]
        return [Problem(f"{path}{step}{exc.field}", str(exc))]
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = (k if k.isprintable() else ascii(k) for k in sorted(exc.extra_fields))
        return [Problem(path, f"unknown field(s) {', '.join(keys)}")]
    if isinstance(exc, KeyError):
        return [Problem(path, "required field missing")]
    if isinstance(exc, InvalidInput):  # a reader's problems, their paths from its root
        return [rebased(p, path) for p in exc.problems]
    if isinstance(exc, RecursionError):
        return [Problem(path, "nested too deeply")]
    return [Problem(path, str(exc))]


def from_json(cls: type[T], text: str | bytes) -> T:
    """Read a public interviewdecide value back from JSON text.

    Args:
        cls: The type to read, such as :class:`~interviewdecide.Candidate`.
        text: JSON text, as :func:`to_json` writes it.

    Returns:
        The value.

    Raises:
        InvalidInput: When the text is not JSON or does not describe a valid
            ``cls``; one line per problem, each with its path. An object that
            names a key twice is refused (at the key's path), never read as its
            last value.
        TypeError: When ``cls`` is not a type the library reads, such as
            :class:`object`.

    .. versionadded:: 0.1.0
    """
    try:
        converter.get_structure_hook(cls)
    except cattrs.StructureHandlerNotFoundError:
        name = getattr(cls, "__qualname__", repr(cls))
        msg = f"from_json cannot read {name}: give a public interviewdecide type"
        raise TypeError(msg) from None
    try:
        data = json.loads(text, object_pairs_hook=json_object)
    except (ValueError, TypeError) as e:  # UnicodeDecodeError is a ValueError
        raise InvalidInput.at("$", f"not valid JSON: {e}") from None
    except RecursionError:
        raise InvalidInput.at("$", "not valid JSON: nested too deeply") from None
    return structure(checked_json(data), cls)


def checked_json(data: T) -> T:
    """Return JSON parsed with :func:`json_object` as its hook, once it is checked.

    Use ``json.loads(text, object_pairs_hook=json_object)`` and pass the result
    here, so that repeated keys and lone surrogates are refused with their paths.

    Raises:
        InvalidInput: When an object names a key twice or text holds a lone
            surrogate; one problem per finding, each with its path.

    .. versionadded:: 0.1.0
    """
    if problems := json_problems(data):
        raise InvalidInput(problems)
    return data


def structure(data: Any, cls: type[T], *, path: str = "$") -> T:
    """Build ``cls`` from already parsed JSON data.

    Raises:
        InvalidInput: When ``data`` does not describe a valid ``cls``.
    """
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as e:
        raise InvalidInput(to_problems(e, path)) from None
