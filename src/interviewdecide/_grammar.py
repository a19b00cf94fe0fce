"""Small helpers that make generated sentences read as if a person wrote them.

Every message the library writes for a job seeker agrees in number ("1 offer",
"2 offers", "it was", "they were") and lists names the way people do ("A, B and
C"), instead of hedging with "offer(s)".
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["count", "join_words", "plural"]


def plural(n: int, singular: str, many: str | None = None) -> str:
    """Return the form of a word that agrees with ``n``.

    Args:
        n: How many.
        singular: The form for exactly one (``"offer"``, ``"was"``).
        many: The form for any other number; ``singular + "s"`` when omitted.

    >>> plural(1, "offer"), plural(2, "offer"), plural(0, "was", "were")
    ('offer', 'offers', 'were')
    """
    if n == 1:
        return singular
    return singular + "s" if many is None else many


def count(n: int, singular: str, many: str | None = None, *, zero: str | None = None) -> str:
    """Say how many of something: ``"1 request"``, ``"3 requests"``.

    Args:
        n: How many.
        singular: The noun for exactly one.
        many: The noun for any other number; ``singular + "s"`` when omitted.
        zero: A word to use instead of ``0`` (``"no"`` gives ``"no offers"``).

    >>> count(1, "request"), count(3, "request"), count(0, "live offer", zero="no")
    ('1 request', '3 requests', 'no live offers')
    """
    figure = zero if n == 0 and zero is not None else str(n)
    return f"{figure} {plural(n, singular, many)}"


def join_words(words: Iterable[str], conjunction: str = "and") -> str:
    """List words as a sentence does: ``"A"``, ``"A and B"``, ``"A, B and C"``.

    >>> join_words(["Initech"]), join_words(["Initech", "Globex", "Hooli"])
    ('Initech', 'Initech, Globex and Hooli')
    >>> join_words(["designer", "researcher"], "or")
    'designer or researcher'
    """
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
