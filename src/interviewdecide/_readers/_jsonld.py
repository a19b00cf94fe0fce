"""What every reader of outside documents shares: paths and JSON kinds.

Also the walk that finds ``JobPosting`` nodes in a JSON-LD document, which both the
schema.org reader and the page reader (to choose among a page's syntaxes) use.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from interviewdecide._errors import InvalidInput, at_key, json_kind

__all__ = ["is_posting", "kind", "postings", "types_of"]

#: The spellings of the schema.org namespace in front of a type or property name.
PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:")


def kind(value: object) -> str:
    """Name the JSON type of ``value`` for an error message, value objects included."""
    if isinstance(value, dict) and "@value" in value:
        return "a JSON-LD value object"
    return json_kind(value)


def local_name(key: str) -> str:
    """Return a type or property name without its schema.org prefix."""
    for prefix in PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def types_of(node: dict[str, Any], path: str) -> tuple[str, ...]:
    """Return the ``@type`` names of ``node`` (none, one or a list), without prefixes."""
    raw = node.get("@type")
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (local_name(raw),)
    if isinstance(raw, list) and all(isinstance(t, str) for t in raw):
        return tuple(local_name(t) for t in raw)
    raise InvalidInput.at(at_key(path, "@type"), f"expected a type name, got {kind(raw)}")


def is_posting(node: dict[str, Any]) -> bool:
    """Say whether ``node`` is typed ``JobPosting`` (badly typed nodes are not)."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return any(isinstance(t, str) and local_name(t) == "JobPosting" for t in names)


def postings(data: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield the path and node of every ``JobPosting`` in ``data``, in document order.

    The walk goes through every object and array, so a posting is found at the top,
    in ``@graph``, as a page's ``mainEntity`` or in an ``ItemList``. A posting that
    repeats the ``@id`` of one found before is the same posting and is not yielded
    again. The walk is iterative: no nesting depth exhausts the stack.
    """
    seen: set[str] = set()
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if is_posting(value):
                ref = value.get("@id")
                if not isinstance(ref, str) or ref not in seen:
                    yield path, value
                if isinstance(ref, str):
                    seen.add(ref)
            children = [(at_key(path, str(k)), v) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
        else:
            continue
        stack.extend(reversed(children))
