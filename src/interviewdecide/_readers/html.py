"""Find the schema.org ``JobPosting`` that a saved job page embeds.

The page's JSON-LD, microdata and RDFa are read by extruct (microdata in its
``uniform`` JSON-LD form), an optional dependency installed with the ``html``
extra (``pip install 'interviewdecide[html]'``). Without it, :func:`read_html`
raises :class:`ModuleNotFoundError` saying what to
install: a missing extra is a problem of the installation, not of the page, so it is
not reported as :class:`~interviewdecide.InvalidInput`.
"""

from __future__ import annotations

from typing import Any

from interviewdecide._errors import InvalidInput

from ._jsonld import postings
from .schema_org import Reading, read_schema_org

__all__ = ["read_html"]

#: The syntaxes read, in order of preference: the first that holds a posting wins.
_SYNTAXES = ("json-ld", "microdata", "rdfa")

_INSTALL = "reading job pages needs the optional 'html' extra: pip install 'interviewdecide[html]'"


def _blocks(text: str) -> dict[str, list[Any]]:
    """Return the items of each syntax the page holds, in page order."""
    try:
        import extruct
        from lxml.etree import ParserError
    except ImportError as e:
        raise ModuleNotFoundError(_INSTALL, name=e.name) from e
    if not text.strip():
        raise InvalidInput.at("$", "the page is empty")
    try:
        found: dict[str, list[Any]] = extruct.extract(
            text.encode("utf-8", "surrogatepass"),
            encoding="UTF-8",
            syntaxes=list(_SYNTAXES),
            uniform=True,
        )
    except ParserError as e:
        raise InvalidInput.at("$", f"the page cannot be parsed as HTML: {e}") from None
    except ValueError as e:  # a script element that is not JSON
        raise InvalidInput.at("$", f"a JSON-LD script of the page is not JSON: {e}") from None
    except RecursionError:  # arrays or objects nested deeper than the parser recurses
        raise InvalidInput.at("$", "a JSON-LD script of the page is nested too deeply") from None
    return found


def _check_page(text: object) -> None:
    """Refuse a page that is not text, or text that no UTF-8 encoder can write."""
    if not isinstance(text, str):
        msg = f"from_html reads the page as str, not {type(text).__name__}; decode it first"
        raise TypeError(msg)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        line = text.count("\n", 0, e.start) + 1
        column = e.start - text.rfind("\n", 0, e.start)
        raise InvalidInput.at(
            "$",
            f"the page holds a lone surrogate, not valid Unicode (line {line}, column {column})",
        ) from None


def read_html(text: str, *, strict: bool = False) -> Reading:
    """Read the posting a saved job page embeds, and say what was left out.

    The page's ``<script type="application/ld+json">`` elements are read first;
    when none of them holds a ``JobPosting``, its microdata, then its RDFa. In the
    syntax chosen, exactly one ``JobPosting`` must be found (at the top of an item,
    in its ``@graph``, as a ``mainEntity``, in an ``ItemList``). When that syntax
    holds one item, paths in problems start at it (``$.baseSalary``); when it holds
    several, they start at the list of items in page order (``$[1].baseSalary``).

    Args:
        text: The page's HTML.
        strict: Refuse any property that cannot be read, as
            :func:`~interviewdecide.read_schema_org` does.

    Returns:
        The posting and the properties left out, as
        :func:`~interviewdecide.read_schema_org` returns them.

    Raises:
        InvalidInput: When the page cannot be parsed, holds a lone surrogate, holds
            no posting or several, or (when ``strict``) a property cannot be read.
        TypeError: When ``text`` is not a :class:`str` (decode bytes first).
        ModuleNotFoundError: When the ``html`` extra is not installed.

    .. versionadded:: 0.2.0
    """
    _check_page(text)
    found = _blocks(text)
    for syntax in _SYNTAXES:
        items = found[syntax]
        if any(True for _ in postings(items)):
            return read_schema_org(items[0] if len(items) == 1 else items, strict=strict)
    json_ld = found["json-ld"]
    if json_ld:  # say what the JSON-LD holds instead
        return read_schema_org(json_ld[0] if len(json_ld) == 1 else json_ld, strict=strict)
    raise InvalidInput.at("$", "the page holds no JobPosting in JSON-LD, microdata or RDFa")
