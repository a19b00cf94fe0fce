"""Postings shaped like those public career sites publish (tests/data/postings/).

Each file is read leniently and strictly; the test states the fields a person
reads from it, the properties the lenient reader leaves out, and the strict
reader's refusal. See tests/data/README.md for where the shapes come from.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from interviewdecide import (
    Contact,
    InvalidInput,
    Location,
    PayPeriod,
    PayRange,
    Reading,
    WorkArrangement,
    from_json,
    read_html,
    read_schema_org,
    to_json,
)

DATA = Path(__file__).parent / "data" / "postings"
REMOTE, HYBRID = WorkArrangement.REMOTE, WorkArrangement.HYBRID
HOUR, MONTH, YEAR = PayPeriod.HOUR, PayPeriod.MONTH, PayPeriod.YEAR


def pay(currency: str, period: PayPeriod, low: str, high: str | None = None) -> PayRange:
    return PayRange(
        currency=currency, period=period, minimum=Decimal(low), maximum=Decimal(high or low)
    )


def place(
    city: str | None = None, region: str | None = None, country: str | None = None
) -> Location:
    return Location(city=city, region=region, country=country)


ONE = "expected one value, got an array of 2"

#: file -> (the fields a person reads, the paths left out, the strict refusal or None)
CASES: dict[str, tuple[dict[str, Any], list[str], str | None]] = {
    "greenhouse-remote-us.json": (
        {"title": "Senior Data Engineer", "company": "Brightwell Analytics", "arrangement": REMOTE,
         "applicant_locations": (place(country="USA"),), "required_years": 5.0,
         "salary": pay("USD", YEAR, "140000", "175000"), "employment_type": ("FULL_TIME",),
         "date_posted": dt.date(2026, 3, 2),
         "valid_through": dt.datetime(2026, 5, 1, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-4)))},
        [], None,
    ),
    "lever-hybrid-london.json": (
        {"title": "Product Designer", "company": "Copperleaf Labs", "arrangement": HYBRID,
         "locations": (place("London", country="United Kingdom"),),
         "employment_type": ("FULL_TIME",), "date_posted": dt.date(2026, 2, 18)},
        [], "unknown value 'HYBRID'; schema.org defines only 'TELECOMMUTE' @ $.jobLocationType",
    ),
    "workday-graph-webpage.json": (
        {"title": "Payroll Specialist", "company": "Harborline Logistics",
         "locations": (place("Columbus", "OH", "US"),), "date_posted": dt.date(2026, 3, 2),
         "salary": pay("USD", YEAR, "100000", "150000")},
        [], "expected a number, got '$100,000 - $150,000' @ $[\"@graph\"][1].baseSalary",
    ),
    "linkedin-remote-dach.json": (
        {"title": "Senior Backend Engineer", "company": "Nordlicht Mobility GmbH",
         "arrangement": REMOTE, "applicant_locations": (place(country="Germany"), place(country="Austria")),
         "required_years": 5.0, "industry": "Software Development", "date_posted": dt.date(2026, 1, 27)},
        ["$.title", "$.industry"], f"{ONE} @ $.title",
    ),
    "indeed-hourly-dental.json": (
        {"title": "Dental Hygienist", "company": "Maple Street Dental",
         "salary": pay("USD", HOUR, "48.5"), "date_posted": dt.date(2026, 3, 2),
         "locations": (place("Spokane", "WA", "US"),), "employment_type": ("PART_TIME", "PER_DIEM")},
        [], "must be a three-letter ISO 4217 code such as 'EUR', got 'usd' @ $.baseSalary.currency",
    ),
    "itemlist-one-posting.json": (
        {"title": "Warehouse Associate", "company": "Quayside Freight",
         "locations": (place("Rotterdam", country="NL"),), "salary": pay("EUR", MONTH, "2650")},
        [], None,
    ),
    "schema-prefixed-keys.json": (
        {"title": "Clinical Data Manager", "company": "Alder Ridge Research",
         "locations": (place("Durham", "NC", "US"),), "date_posted": dt.date(2026, 2, 1)},
        [], None,
    ),
    "iri-keys.json": (
        {"title": "Site Reliability Engineer", "company": "Kestrel Cloudworks", "arrangement": REMOTE,
         "employment_type": ("FULL_TIME",)},
        [], None,
    ),
    "html-entities.json": (
        {"title": "R&D Engineer \u2013 Acoustics", "company": "Hollis & Vane Audio",
         "industry": "Consumer Electronics & Audio", "locations": (place("Z\u00fcrich", country="CH"),)},
        [], None,
    ),
    "price-specification.json": (
        {"title": "Backend Developer (Go)", "company": "Fjordbyte AS",
         "salary": pay("NOK", YEAR, "650000", "820000"), "locations": (place("Bergen", country="Norway"),)},
        [], None,
    ),
    "salary-array.json": (
        {"title": "Staff Nurse (Band 5)", "salary": pay("GBP", YEAR, "29970", "36483"),
         "locations": (place("Leeds", country="GB"),)},
        ["$.baseSalary"], f"{ONE} @ $.baseSalary",
    ),
    "quantity-unit-only.json": (
        {"title": "Account Executive", "company": "Tallgrass Software", "salary": None,
         "employment_type": ("FULL_TIME",)},
        ["$.baseSalary.value.value"],
        "missing: a salary needs value, minValue or maxValue @ $.baseSalary.value.value",
    ),
    "quantity-empty-value.json": (
        {"title": "Line Cook", "salary": None, "locations": (place("Halifax", "NS", "CA"),)},
        ["$.baseSalary.value.value"], "expected a number, got '' @ $.baseSalary.value.value",
    ),
    "address-array.json": (
        {"title": "Field Service Technician", "locations": (place("Toronto", "ON", "CA"),)},
        ["$.jobLocation.address"], f"{ONE} @ $.jobLocation.address",
    ),
    "place-name-only.json": (
        {"title": "Mechanical Engineer I", "locations": (place("Austin", "TX"),),
         "required_years": 1.0, "required_years_from_text": True},
        [], "missing: a job location needs a PostalAddress @ $.jobLocation.address",
    ),
    "arrays-where-one-belongs.json": (
        {"title": "Quantitative Analyst", "industry": "Financial Services", "required_years": 3.0,
         "locations": (place("New York", "NY", "US"),)},
        ["$.industry", "$.experienceRequirements"], f"{ONE} @ $.industry",
    ),
    "unit-per-year-lowercase-currency.json": (
        {"title": "Mathematics Teacher", "salary": pay("EUR", YEAR, "52000", "61000"),
         "locations": (place("Leipzig", country="DE"),)},
        [], "must be a three-letter ISO 4217 code such as 'EUR', got 'eur' @ $.salaryCurrency",
    ),
    "monthly-sgd.json": (
        {"title": "Operations Executive", "salary": pay("SGD", MONTH, "3800", "4600"),
         "valid_through": dt.datetime(2026, 4, 15, 23, 59, 59, 999999, tzinfo=dt.UTC)},
        [], "unknown pay period 'MONTHLY'; expected HOUR, DAY, WEEK, MONTH, YEAR @ "
        "$.baseSalary.value.unitText",
    ),
    "remote-spelled-out-eu.json": (
        {"title": "Customer Support Specialist (German)", "arrangement": REMOTE,
         "applicant_locations": (place(region="European Union"),), "employment_type": ("FULL_TIME",)},
        [], "unknown value 'Remote'; schema.org defines only 'TELECOMMUTE' @ $.jobLocationType",
    ),
    "text-salary-k.json": (
        {"title": "Frontend Engineer", "arrangement": REMOTE, "salary": pay("USD", YEAR, "90000", "110000"),
         "applicant_locations": (place(country="US"),)},
        [], "unknown value 'REMOTE'; schema.org defines only 'TELECOMMUTE' @ $.jobLocationType",
    ),
    "text-salary-en-dash.json": (
        {"title": "Senior Copywriter", "company": "Inkwell & Oak", "salary": pay("GBP", YEAR, "45000", "55000"),
         "locations": (place("Manchester", country="United Kingdom"),)},
        [], "expected a number, got '\u00a345,000 \u2013 \u00a355,000' @ $.baseSalary",
    ),
    "text-salary-unreadable.json": (
        {"title": "Regional Sales Manager", "salary": None, "date_posted": dt.date(2026, 2, 10)},
        ["$.baseSalary"], "expected a number, got 'Competitive + bonus' @ $.baseSalary",
    ),
    "several-places-contract.json": (
        {"title": "SAP FICO Consultant", "arrangement": HYBRID,
         "locations": (place("Frankfurt am Main", country="Germany"), place("Munich", "Bavaria", "DE")),
         "employment_type": ("CONTRACTOR", "TEMPORARY")},
        [],
        "unknown value 'hybrid'; schema.org defines only 'TELECOMMUTE' @ $.jobLocationType",
    ),
    "bad-dates.json": (
        {"title": "Barista", "date_posted": dt.date(2026, 3, 2), "valid_through": None},
        ["$.validThrough"], "expected an ISO 8601 date or datetime, got 'ASAP' @ $.validThrough",
    ),
    "webpage-main-entity-inline.json": (
        {"title": "Welding Inspector", "company": "Ostrava Steelworks a.s.",
         "salary": pay("CZK", MONTH, "52000"), "locations": (place("Ostrava", country="CZ"),)},
        [], None,
    ),
    "contact-mailto-unknown-currency.json": (
        {"title": "Grant Writer", "arrangement": REMOTE, "salary": None,
         "contact": Contact(name="Dana Okafor", email="careers@riverbend-food.example")},
        ["$.salaryCurrency"], "'DOLLARS' is not an ISO 4217 currency code @ $.salaryCurrency",
    ),
    "microdata-job-page.html": (
        {"title": "Pharmacy Technician", "company": "Cedar Hollow Pharmacy",
         "locations": (place("Boise", "ID", "US"),), "salary": pay("USD", HOUR, "19", "23"),
         "employment_type": ("FULL_TIME",), "date_posted": dt.date(2026, 2, 20)},
        [], None,
    ),
    "rdfa-job-page.html": (
        {"title": "Children's Librarian", "company": "Whitmore County Library",
         "locations": (place("Galway", country="Ireland"),), "employment_type": ("PART_TIME",),
         "valid_through": dt.datetime(2026, 3, 31, 23, 59, 59, 999999, tzinfo=dt.UTC)},
        [], None,
    ),
    "jsonld-and-microdata-page.html": (
        {"title": "Journeyman Electrician", "company": "Voltwise Electrical",
         "salary": pay("USD", HOUR, "30", "38"), "locations": (place("Tulsa", "OK", "US"),)},
        [], None,
    ),
}  # fmt: skip


def read(name: str, *, strict: bool = False) -> Reading:
    text = (DATA / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        return read_html(text, strict=strict)
    return read_schema_org(json.loads(text), strict=strict)


class TestRealPostings:
    """Every file of tests/data/postings gives the fields a person would read."""

    def test_every_file_has_a_case(self) -> None:
        """No file is left untested, and at least 25 postings are there."""
        files = sorted(p.name for p in DATA.iterdir() if p.suffix in {".json", ".html"})

        assert sorted(CASES) == files
        assert len(files) >= 25

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_fields(self, name: str) -> None:
        """The lenient reader gives the fields, and reports exactly what it left out."""
        fields, skipped, _ = CASES[name]

        reading = read(name)

        assert fields == {k: getattr(reading.posting, k) for k in fields}
        assert skipped == [p.path for p in reading.skipped]
        assert reading.posting == from_json(type(reading.posting), to_json(reading.posting))

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_strict(self, name: str) -> None:
        """The strict reader refuses each shape it cannot read as specified, or agrees."""
        refusal = CASES[name][2]
        if refusal is None:
            # RDFa blank nodes get new names on every parse: compare all but the source
            lenient, strict = read(name).posting, read(name, strict=True).posting
            assert attrs.evolve(lenient, source=None) == attrs.evolve(strict, source=None)
            return
        with pytest.raises(InvalidInput) as info:
            read(name, strict=True)

        assert [refusal] == [str(p) for p in info.value.problems]


class TestCommandLineWarnings:
    """The command line reads postings leniently and warns of each property left out."""

    def test_inline_and_file_postings(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Each left-out property is one warning line on stderr, with its full path."""
        from interviewdecide.__main__ import main

        inline = {"@type": "JobPosting", "title": "Cook", "baseSalary": "Competitive",
                  "salaryCurrency": "EUR"}  # fmt: skip
        inbox = {
            "candidate": {"name": "Mei Tan", "years_experience": 7},
            "invitations": [
                {"schema_org": inline},
                {"schema_org": str(DATA / "bad-dates.json")},
                {"html": str(DATA / "microdata-job-page.html")},
            ],
        }
        path = tmp_path / "inbox.json"
        path.write_text(json.dumps(inbox), encoding="utf-8")

        code = main(["triage", str(path), "--format", "json"])

        err = capsys.readouterr().err.splitlines()
        assert 0 == code
        assert [
            "interviewdecide: warning: cannot read a salary from the text 'Competitive' @ "
            "$.invitations[0].schema_org.baseSalary; left out",
            "interviewdecide: warning: expected a date, got 'ASAP' @ $.validThrough in "
            f"{DATA / 'bad-dates.json'} (from $.invitations[1].schema_org); left out",
        ] == err
