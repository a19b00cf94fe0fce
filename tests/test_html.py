"""JobPosting.from_html on saved job pages, and without the html extra."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from interviewdecide import (
    Contact,
    InvalidInput,
    JobPosting,
    Location,
    PayPeriod,
    PayRange,
    from_json,
    to_json,
)

PAGE = (Path(__file__).parent / "data" / "saved-job-page.html").read_text(encoding="utf-8")

POSTING = '{"@type": "JobPosting", "title": "Dev"}'


def page(*scripts: str, body: str = "<p>Apply now</p>") -> str:
    """Return a small HTML page with one JSON-LD script per argument."""
    head = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def problem(text: str) -> str:
    """Return the one problem that reading the page strictly reports."""
    with pytest.raises(InvalidInput) as info:
        JobPosting.from_html(text, strict=True)
    assert 1 == len(info.value.problems)
    return str(info.value.problems[0])


class TestFromHtml:
    def test_saved_page(self) -> None:
        """The posting embedded in a saved page is read beside other JSON-LD."""
        read = JobPosting.from_html(PAGE)

        assert "Backend Engineer (Payments)" == read.title
        assert "Lindqvist & Ramos Freight" == read.company
        assert (3.0, False) == (read.required_years, read.required_years_from_text)
        assert (Location(city="Gothenburg", country="SE"),) == read.locations
        assert PayRange(
            currency="SEK",
            period=PayPeriod.MONTH,
            minimum=Decimal(52000),
            maximum=Decimal(61000),
        ) == (read.salary)
        assert Contact(name="Maja Ekström", email="recruiting@lr-freight.example.org") == (
            read.contact
        )
        assert dt.datetime(2025, 4, 15, 21, 59, tzinfo=dt.UTC) == read.valid_through
        assert read == from_json(JobPosting, to_json(read))

    def test_one_script_paths_start_at_it(self) -> None:
        """With one JSON-LD item on the page, error paths start at that item."""
        text = page('{"@type": "JobPosting", "title": "Dev", "baseSalary": "lots"}')

        assert "expected a number, got 'lots' @ $.baseSalary" == problem(text)

    def test_several_scripts_paths_start_at_the_list(self) -> None:
        """With several JSON-LD items, error paths start at the list, in page order."""
        text = page(
            '{"@type": "WebSite", "name": "Jobs"}',
            '{"@type": "JobPosting", "title": "Dev", "baseSalary": "lots"}',
        )
        assert "expected a number, got 'lots' @ $[1].baseSalary" == problem(text)

    def test_xml_declaration(self) -> None:
        """A page saved as XHTML, with an encoding declaration, is read too."""
        text = '<?xml version="1.0" encoding="utf-8"?>\n' + page(POSTING)

        assert "Dev" == JobPosting.from_html(text).title

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (page(), "the page holds no JobPosting in JSON-LD, microdata or RDFa @ $"),
            (page('{"@type": "WebSite"}'), 'expected a JobPosting, got WebSite @ $["@type"]'),
            (
                page(POSTING, POSTING),
                "expected exactly one JobPosting, found 2 (at $[0], $[1]) @ $",
            ),
            (" \n", "the page is empty @ $"),
        ],
    )
    def test_not_one_posting(self, text: str, expected: str) -> None:
        """A page without a posting, or with several, is reported as such."""
        assert expected == problem(text)

    def test_not_html(self) -> None:
        """A page with no element at all cannot be parsed."""
        assert problem("<!-- saved by hand -->").startswith("the page cannot be parsed as HTML")

    def test_script_not_json(self) -> None:
        """A JSON-LD script that is not JSON is reported, not skipped."""
        text = page('{"@type": "JobPosting", "title": }')

        assert problem(text).startswith("a JSON-LD script of the page is not JSON")


class TestWithoutExtra:
    def test_missing_extruct(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the html extra, the error says what to install."""
        monkeypatch.setitem(sys.modules, "extruct", None)

        with pytest.raises(ModuleNotFoundError, match=r"pip install 'interviewdecide\[html\]'"):
            JobPosting.from_html(PAGE)


class TestPageInput:
    """Issue 15: a page that is not text, or holds a lone surrogate, is refused."""

    @pytest.mark.parametrize("text", [PAGE.encode("utf-8"), bytearray(b"<html></html>"), None])
    def test_not_a_str_is_a_type_error(self, text: object) -> None:
        """Bytes (or anything else) are a TypeError that says to decode first."""
        with pytest.raises(TypeError, match=f"as str, not {type(text).__name__}; decode it first"):
            JobPosting.from_html(text)  # type: ignore[arg-type]

    def test_raw_lone_surrogate_in_the_page(self) -> None:
        """A lone surrogate in the page text is reported with its line and column."""
        text = page(POSTING, body="<p>Apply\n  n\udc80w</p>")
        line = text.count("\n", 0, text.index("\udc80")) + 1
        assert (
            f"the page holds a lone surrogate, not valid Unicode (line {line}, column 4) @ $"
            == problem(text)
        )

    def test_escaped_lone_surrogate_in_json_ld(self) -> None:
        """A JSON escape for a lone surrogate in the posting is refused at its path."""
        text = page('{"@type": "JobPosting", "title": "Dev \\ud800", "url": "https://x.example/1"}')
        assert "not valid Unicode: the text holds a lone surrogate @ $.title" == problem(text)
