"""JobPosting.from_schema_org on schema.org's own examples and every other shape."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SCHEMA_ORG_KEYS, SCHEMA_ORG_WORDS
from conftest import json_values as conftest_json_values
from interviewdecide import (
    Action,
    Aspirations,
    Candidate,
    Contact,
    InvalidInput,
    JobPosting,
    Location,
    PayPeriod,
    PayRange,
    Problem,
    WorkArrangement,
    decide,
    from_json,
    read_schema_org,
    to_json,
)
from interviewdecide._readers.schema_org import salary_from_text

ROOT = Path(__file__).parents[1]
DATA = ROOT / "tests" / "data" / "schemaorg-jobposting"
FIXTURES = sorted(DATA.glob("*.jsonld"))


def load(stem: str) -> Any:
    return json.loads((DATA / f"schemaorg_{stem}.jsonld").read_text(encoding="utf-8"))


def posting(**properties: Any) -> JobPosting:
    """Read a minimal posting with ``properties`` added."""
    return JobPosting.from_schema_org({"@type": "JobPosting", "title": "Engineer", **properties})


def problem(data: Any) -> str:
    """Return the one problem that reading ``data`` strictly reports."""
    with pytest.raises(InvalidInput) as info:
        JobPosting.from_schema_org(data, strict=True)
    assert 1 == len(info.value.problems)
    return str(info.value.problems[0])


def bad(**properties: Any) -> str:
    return problem({"@type": "JobPosting", "title": "Engineer", **properties})


class TestSchemaOrgExamples:
    def test_text_requirements_and_bare_salary(self) -> None:
        """Example 1 of /JobPosting: free-text years, string salary with salaryCurrency."""
        read = JobPosting.from_schema_org(load("eg-0028_software_engineer_text_requirements"))

        assert "Software Engineer" == read.title
        assert read.company is None
        assert 3.0 == read.required_years
        assert read.required_years_from_text
        assert "Computer Software" == read.industry
        assert (Location(city="Kirkland", region="WA"),) == read.locations
        assert PayRange(
            currency="USD", period=PayPeriod.YEAR, minimum=Decimal(100000), maximum=Decimal(100000)
        ) == (read.salary)
        assert dt.date(2011, 10, 31) == read.date_posted
        assert read.valid_through is None

    def test_months_of_experience_as_text(self) -> None:
        """OccupationalExperienceRequirements with monthsOfExperience "60" is five years."""
        read = JobPosting.from_schema_org(load("eg-0465_experience_in_place_of_education"))

        assert 5.0 == read.required_years
        assert not read.required_years_from_text

    def test_name_instead_of_title(self) -> None:
        """A posting with `name` and no `title` takes its title from `name`."""
        read = JobPosting.from_schema_org(load("eg-0268_telecommute_applicant_location"))

        assert "Telecommute from anywhere in USA!" == read.title
        assert read.arrangement is None

    def test_industry_defined_term(self) -> None:
        """An industry given as a DefinedTerm is read by its name."""
        read = JobPosting.from_schema_org(load("eg-0287_industry_defined_term"))

        assert "Software Publishers" == read.industry

    def test_organization(self) -> None:
        """An Organization as hiringOrganization gives the company name."""
        read = JobPosting.from_schema_org(load("eg-0251_relevant_occupation_onet"))

        assert ("Mobile App Developer", "ACME Software") == (read.title, read.company)

    def test_structured_qualifications_are_left_alone(self) -> None:
        """Properties the decision does not use are kept in the source only."""
        read = JobPosting.from_schema_org(load("eg-0280_qualifications_credential"))

        assert JobPosting(title="Systems Research Engineer", source=read.source) == read
        assert "ABET" in (read.source or "")

    @pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
    def test_source_and_round_trip(self, path: Path) -> None:
        """Every example keeps its document as canonical JSON and survives to_json."""
        data = json.loads(path.read_text(encoding="utf-8"))
        read = JobPosting.from_schema_org(data)

        assert json.dumps(data, sort_keys=True, ensure_ascii=False) == read.source
        assert read == from_json(JobPosting, to_json(read))


class TestDocumentShapes:
    def test_graph_with_id_reference(self) -> None:
        """A @graph document resolves hiringOrganization through its @id."""
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "Organization", "@id": "#acme", "name": "ACME"},
                {"@type": "JobPosting", "title": "Tester", "hiringOrganization": {"@id": "#acme"}},
            ],
        }
        assert "ACME" == JobPosting.from_schema_org(data).company

    def test_graph_as_one_object(self) -> None:
        """A @graph that holds one node rather than an array is read too."""
        data = {"@graph": {"@type": "JobPosting", "title": "Tester"}}

        assert "Tester" == JobPosting.from_schema_org(data).title

    def test_typed_document_with_graph(self) -> None:
        """A typed top-level node beside a @graph counts as one of the nodes."""
        data = {
            "@type": "JobPosting",
            "title": "Tester",
            "hiringOrganization": {"@id": "#o"},
            "@graph": [{"@id": "#o", "name": "ACME"}],
        }
        assert ("Tester", "ACME") == (
            JobPosting.from_schema_org(data).title,
            JobPosting.from_schema_org(data).company,
        )

    def test_list_with_one_posting(self) -> None:
        """A list of nodes with exactly one JobPosting gives that posting."""
        data = [{"@type": "Organization", "name": "ACME"}, {"@type": "JobPosting", "name": "Dev"}]

        assert "Dev" == JobPosting.from_schema_org(data).title

    @pytest.mark.parametrize(
        "kind", ["JobPosting", "schema:JobPosting", "https://schema.org/JobPosting"]
    )
    def test_type_spellings(self, kind: str) -> None:
        """The type may be a term, a compact IRI or a full IRI."""
        assert "Dev" == JobPosting.from_schema_org({"@type": kind, "title": "Dev"}).title

    def test_type_list(self) -> None:
        """A node with several types is a posting when one of them is JobPosting."""
        data = {"@type": ["Thing", "JobPosting"], "title": "Dev"}

        assert "Dev" == JobPosting.from_schema_org(data).title

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ({"@type": "Organization"}, 'expected a JobPosting, got Organization @ $["@type"]'),
            ({"title": "Dev"}, 'expected a JobPosting, got no @type @ $["@type"]'),
            ([{"@type": "Place"}], "no JobPosting among the document's 1 nodes @ $"),
            ([], "no JobPosting among the document's 0 nodes @ $"),
            ({"@graph": [{"@type": "Place"}]}, "no JobPosting among the document's 1 nodes @ $"),
            (
                [{"@type": "JobPosting"}, {"@type": "JobPosting"}],
                "expected exactly one JobPosting, found 2 (at $[0], $[1]) @ $",
            ),
            ("JobPosting", "expected a JSON-LD object or array, got text @ $"),
            (None, "expected a JSON-LD object or array, got null @ $"),
            ([[]], "expected a JSON-LD object, got an array @ $[0]"),
            ({"@graph": "x"}, 'expected an array of nodes, got text @ $["@graph"]'),
            ({"@graph": [3]}, 'expected a JSON-LD object, got a number @ $["@graph"][0]'),
            ({"@type": 3}, 'expected a type name, got a number @ $["@type"]'),
            ({"@type": True}, 'expected a type name, got a boolean @ $["@type"]'),
        ],
    )
    def test_not_one_posting(self, data: Any, expected: str) -> None:
        """Anything but exactly one JobPosting is refused, saying what was found."""
        assert expected == problem(data)

    def test_not_json(self) -> None:
        """A Python value that is not JSON is refused rather than crashing."""
        assert problem({"@type": "JobPosting", "title": {1, 2}}).startswith("not a JSON value")

    def test_too_deep(self) -> None:
        """A document nested too deeply to write as JSON is refused, not a crash."""
        deep: list[Any] = []
        for _ in range(100_000):
            deep = [deep]

        assert problem({"@type": "JobPosting", "title": "Dev", "x": deep}).startswith(
            "not a JSON value"
        )

    def test_unknown_reference(self) -> None:
        """An @id that names no node of the document is an error at the reference."""
        expected = (
            "'#nobody' names no node of the document's @graph @ $.hiringOrganization[\"@id\"]"
        )

        assert expected == bad(hiringOrganization={"@id": "#nobody"})

    def test_reference_that_is_not_text(self) -> None:
        """An @id must be text."""
        assert bad(hiringOrganization={"@id": 4}).startswith("4 names no node")


class TestTitleAndCompany:
    def test_blank_title_falls_back_to_name(self) -> None:
        """A blank title counts as absent, so the name is used."""
        read = JobPosting.from_schema_org({"@type": "JobPosting", "title": " ", "name": "Dev"})

        assert "Dev" == read.title

    def test_language_tagged_title(self) -> None:
        """Text may be a JSON-LD value object with @value."""
        read = JobPosting.from_schema_org(
            {"@type": "JobPosting", "title": {"@value": "Entwickler", "@language": "de"}}
        )
        assert "Entwickler" == read.title

    def test_value_object_where_a_type_name_belongs(self) -> None:
        """A value object is named as such when it stands where it cannot."""
        expected = 'expected a type name, got a JSON-LD value object @ $["@type"]'

        assert expected == problem({"@type": {"@value": "JobPosting"}})

    def test_no_title(self) -> None:
        """A posting needs a title or a name."""
        expected = "missing: a posting needs a title or a name @ $.title"

        assert expected == problem({"@type": "JobPosting"})

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ({"title": "A\nB"}, "must be a single line (no line breaks) @ $.title"),
            ({"name": "A\nB"}, "must be a single line (no line breaks) @ $.name"),
            ({"title": 7}, "expected text, got a number @ $.title"),
            ({"title": {"@value": None}}, "expected text, got null @ $.title"),
        ],
    )
    def test_bad_title(self, data: dict[str, Any], expected: str) -> None:
        """A title that is not one line of text is an error at its property."""
        assert expected == problem({"@type": "JobPosting", **data})

    @pytest.mark.parametrize(
        ("organization", "expected"),
        [
            ({"@type": "Organization", "name": "ACME"}, "ACME"),
            ({"@type": "Organization", "legalName": "ACME Holdings Ltd"}, "ACME Holdings Ltd"),
            ({"@type": "Person", "name": "Ana Ruiz"}, "Ana Ruiz"),
            ({"@type": "Person", "givenName": "Ana", "familyName": "Ruiz"}, "Ana Ruiz"),
            ({"@type": "Person", "familyName": "Ruiz"}, "Ruiz"),
            ({"@type": "Organization", "url": "https://acme.example"}, None),
            ("ACME", "ACME"),
            ("", None),
            ({"@value": "ACME"}, "ACME"),
        ],
    )
    def test_hiring_organization(self, organization: Any, expected: str | None) -> None:
        """The employer is an Organization, a Person or text; unnamed is None."""
        assert expected == posting(hiringOrganization=organization).company

    def test_absent_organization(self) -> None:
        """Without hiringOrganization the company is None."""
        assert posting().company is None

    @pytest.mark.parametrize(
        ("organization", "expected"),
        [
            ("A\nB", "must be a single line (no line breaks) @ $.hiringOrganization"),
            (
                {"name": "A\nB"},
                "must be a single line (no line breaks) @ $.hiringOrganization.name",
            ),
            ({"name": 3}, "expected text, got a number @ $.hiringOrganization.name"),
            (["ACME", "Initech"], "expected one value, got an array of 2 @ $.hiringOrganization"),
            (5, "expected an object, got a number @ $.hiringOrganization"),
        ],
    )
    def test_bad_organization(self, organization: Any, expected: str) -> None:
        """An employer that cannot be read is an error at its property."""
        assert expected == bad(hiringOrganization=organization)


class TestExperience:
    @pytest.mark.parametrize(
        ("months", "expected"), [(60, 5.0), ("18", 1.5), (" 6 ", 0.5), (30.0, 2.5), (0, 0.0)]
    )
    def test_months_of_experience(self, months: object, expected: float) -> None:
        """monthsOfExperience, a number or numeric text, is divided by twelve."""
        read = posting(
            experienceRequirements={
                "@type": "OccupationalExperienceRequirements",
                "monthsOfExperience": months,
            }
        )
        assert (expected, False) == (read.required_years, read.required_years_from_text)

    def test_requirements_without_months(self) -> None:
        """A structured requirement without monthsOfExperience states no figure."""
        read = posting(experienceRequirements={"@type": "OccupationalExperienceRequirements"})

        assert read.required_years is None

    @pytest.mark.parametrize(
        ("months", "expected"),
        [
            ("sixty", "expected a number, got 'sixty'"),
            ("5 years", "expected a number, got '5 years'"),
            (-12, "must not be negative, got -12"),
            ("-12", "must not be negative, got '-12'"),
            (True, "expected a number, got a boolean"),
            (float("nan"), "expected a number, got nan"),
            ([60, 72], "expected one value, got an array of 2"),
            ("1" + "0" * 400, "must be a finite number >= 0, got inf"),
        ],
    )
    def test_unreadable_months(self, months: object, expected: str) -> None:
        """A structured figure that is not a number is an error, never a guess."""
        requirement = {"monthsOfExperience": months}
        path = "$.experienceRequirements.monthsOfExperience"

        assert f"{expected} @ {path}" == bad(experienceRequirements=requirement)

    def test_requirements_not_an_object(self) -> None:
        """experienceRequirements is text or an object; strictly, not two of them."""
        expected = "expected one value, got an array of 2 @ $.experienceRequirements"

        assert expected == bad(experienceRequirements=["3 years", "BSc"])

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Minimum 3 years", 3.0),
            ("Minumum 3 years experience as a software engineer", 3.0),
            ("3+ years of experience", 3.0),
            ("3 plus years in retail", 3.0),
            ("At least 1 year", 1.0),
            ("2-4 years", 2.0),
            ("2 \u2013 4 years of experience", 2.0),
            ("2 to 4 yrs", 2.0),
            ("18 months of experience", 1.5),
            ("1.5 years", 1.5),
            ("More than 10 years leading teams", 10.0),
            ("Experience with AWS (EC2, S3): 4 years", 4.0),
            ({"@value": "5 years"}, 5.0),
        ],
    )
    def test_text_with_a_clear_figure(self, text: object, expected: float) -> None:
        """Text that states one figure, or one range, gives it (a range its lower bound)."""
        read = posting(experienceRequirements=text)

        assert (expected, True) == (read.required_years, read.required_years_from_text)

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "Some experience preferred",
            "three years",
            "up to 3 years",
            "less than 2 years",
            "max. 3 years",
            "maximum: 3 years",
            "worked in the last 2 years",
            "within 6 months",
            "a company 25 years old",
            "4-2 years",
            "3 years of Java and 5 years overall",
            "5 years of Python 3",
            "3 years, 2 languages",
            "1,5 years",
            "a 4-year degree",
        ],
    )
    def test_text_without_a_clear_figure(self, text: str) -> None:
        """Text without exactly one clear minimum gives no figure and no text flag."""
        read = posting(experienceRequirements=text)

        assert (None, False) == (read.required_years, read.required_years_from_text)


class TestSalary:
    def test_bare_number_with_currency(self) -> None:
        """A bare figure with salaryCurrency is a yearly salary of exactly that figure."""
        read = posting(baseSalary=85000, salaryCurrency="EUR")

        assert PayRange(
            currency="EUR", period=PayPeriod.YEAR, minimum=Decimal(85000), maximum=Decimal(85000)
        ) == (read.salary)

    def test_float_figure_is_exact(self) -> None:
        """A float figure keeps its decimal spelling."""
        read = posting(baseSalary=40.1, salaryCurrency="EUR")

        assert read.salary is not None
        assert Decimal("40.1") == read.salary.minimum

    def test_monetary_amount_with_value(self) -> None:
        """A MonetaryAmount whose value is a number uses its own currency."""
        read = posting(baseSalary={"@type": "MonetaryAmount", "currency": "GBP", "value": "52000"})

        assert PayRange(currency="GBP", minimum=Decimal(52000), maximum=Decimal(52000)) == (
            read.salary
        )

    @pytest.mark.parametrize(
        ("unit", "period"),
        [
            ({"unitText": "HOUR"}, PayPeriod.HOUR),
            ({"unitText": "DAY"}, PayPeriod.DAY),
            ({"unitText": "WEEK"}, PayPeriod.WEEK),
            ({"unitText": "month"}, PayPeriod.MONTH),
            ({"unitText": "YEAR"}, PayPeriod.YEAR),
            ({"unitCode": "HUR"}, PayPeriod.HOUR),
            ({"unitCode": "ann", "unitText": "YEAR"}, PayPeriod.YEAR),
            ({"unitText": " "}, PayPeriod.YEAR),
            ({}, PayPeriod.YEAR),
        ],
    )
    def test_quantitative_value_range(self, unit: dict[str, str], period: PayPeriod) -> None:
        """A QuantitativeValue range gives minimum, maximum and the pay period."""
        value = {"@type": "QuantitativeValue", "minValue": 30, "maxValue": "45.50", **unit}
        read = posting(baseSalary={"@type": "MonetaryAmount", "currency": "USD", "value": value})

        assert PayRange(
            currency="USD", period=period, minimum=Decimal(30), maximum=Decimal("45.50")
        ) == (read.salary)

    def test_quantitative_value_exact(self) -> None:
        """A QuantitativeValue with one value gives equal minimum and maximum."""
        value = {"@type": "QuantitativeValue", "value": 40, "unitText": "HOUR"}
        read = posting(baseSalary={"@type": "MonetaryAmount", "currency": "USD", "value": value})

        assert PayRange(
            currency="USD", period=PayPeriod.HOUR, minimum=Decimal(40), maximum=Decimal(40)
        ) == (read.salary)

    def test_monetary_amount_range_and_salary_currency(self) -> None:
        """minValue/maxValue may sit on the MonetaryAmount; salaryCurrency fills its currency."""
        read = posting(baseSalary={"minValue": 50000}, salaryCurrency="CHF")

        assert PayRange(currency="CHF", minimum=Decimal(50000)) == read.salary

    def test_salary_by_reference(self) -> None:
        """A baseSalary may be an @id reference into the @graph."""
        data = [
            {"@id": "_:pay", "@type": "MonetaryAmount", "currency": "EUR", "maxValue": 9},
            {"@type": "JobPosting", "title": "Dev", "baseSalary": {"@id": "_:pay"}},
        ]
        assert PayRange(currency="EUR", maximum=Decimal(9)) == (
            JobPosting.from_schema_org(data).salary
        )

    @pytest.mark.parametrize(
        ("properties", "expected"),
        [
            ({"baseSalary": 50000}, "missing: a salary needs a currency, and none is guessed @ "
             "$.salaryCurrency"),
            ({"baseSalary": {"value": 5}}, "missing: a salary needs a currency, and none is "
             "guessed @ $.baseSalary.currency"),
            ({"baseSalary": -1, "salaryCurrency": "EUR"}, "must not be negative, got -1 @ "
             "$.baseSalary"),
            ({"baseSalary": "50k", "salaryCurrency": "EUR"}, "expected a number, got '50k' @ "
             "$.baseSalary"),
            ({"baseSalary": "100,000", "salaryCurrency": "EUR"}, "expected a number, got "
             "'100,000' @ $.baseSalary"),
            ({"baseSalary": [1, 2], "salaryCurrency": "EUR"}, "expected one value, got an array of 2 @ "
             "$.baseSalary"),
            ({"baseSalary": 5, "salaryCurrency": "usd"}, "must be a three-letter ISO 4217 code "
             "such as 'EUR', got 'usd' @ $.salaryCurrency"),
            ({"baseSalary": {"currency": "EUR", "value": {"maxValue": -3}}}, "must not be "
             "negative, got -3 @ $.baseSalary.value.maxValue"),
            ({"baseSalary": {"currency": "EUR", "minValue": 9, "maxValue": 3}}, "9 is above "
             "maximum 3 @ $.baseSalary.minValue"),
            ({"baseSalary": {"currency": "EUR"}}, "missing: a salary needs value, minValue or "
             "maxValue @ $.baseSalary.value"),
            ({"baseSalary": {"currency": "EUR", "value": {}}}, "missing: a salary needs value, "
             "minValue or maxValue @ $.baseSalary.value.value"),
            ({"baseSalary": {"currency": "EUR", "value": 5, "minValue": 3}}, "give value or "
             "minValue/maxValue, not both @ $.baseSalary"),
            ({"baseSalary": {"currency": "EUR", "value": {"value": 5}, "maxValue": 3}}, "give a "
             "QuantitativeValue or minValue/maxValue, not both @ $.baseSalary"),
            ({"baseSalary": {"currency": "EUR", "value": {"value": {"value": 5}}}}, "expected a "
             "number, got an object @ $.baseSalary.value.value"),
            ({"baseSalary": {"currency": "EUR", "value": 5}, "salaryCurrency": "USD"}, "'EUR' "
             "disagrees with salaryCurrency 'USD' @ $.baseSalary.currency"),
            ({"baseSalary": {"currency": "EUR", "value": 5, "unitText": "FORTNIGHT"}}, "unknown "
             "pay period 'FORTNIGHT'; expected HOUR, DAY, WEEK, MONTH, YEAR @ "
             "$.baseSalary.unitText"),
            ({"baseSalary": {"currency": "EUR", "value": 5, "unitCode": "SEC"}}, "unknown pay "
             "period code 'SEC'; expected HUR, DAY, WEE, MON, ANN @ $.baseSalary.unitCode"),
            ({"baseSalary": {"currency": "EUR", "value": 5, "unitCode": "HUR", "unitText": "DAY"}},
             "unitText and unitCode name different pay periods @ $.baseSalary"),
        ],
    )  # fmt: skip
    def test_unreadable_salary(self, properties: dict[str, Any], expected: str) -> None:
        """A salary without a currency, negative or not a number is an error at its path."""
        assert expected == bad(**properties)


class TestAmbiguousFigures:
    """Text like "60.000" is 60 in one country and 60,000 in another: never guessed."""

    @pytest.mark.parametrize(("text", "whole"), [("60.000", "60000"), (" 1.250 ", "1250")])
    def test_dot_between_thousands_is_refused(self, text: str, whole: str) -> None:
        """Strictly, the figure is refused at its path, naming both readings."""
        salary = {"currency": "EUR", "value": {"minValue": text, "unitText": "YEAR"}}

        assert (
            f"{text!r} is ambiguous: {text.strip()} with a decimal point, or {whole} with a "
            "dot between thousands @ $.baseSalary.value.minValue"
        ) == bad(baseSalary=salary)

    def test_left_out_and_reported_when_lenient(self) -> None:
        """Leniently, the salary is left out, and the reading says why."""
        salary = {"currency": "EUR", "value": {"minValue": "60.000", "unitText": "YEAR"}}
        reading = read_schema_org(
            {"@type": "JobPosting", "title": "Engineer", "baseSalary": salary}
        )

        assert reading.posting.salary is None
        assert ["$.baseSalary.value.minValue"] == [p.path for p in reading.skipped]

    @pytest.mark.parametrize(
        ("text", "amount"),
        [("60.5", "60.5"), ("60000.00", "60000.00"), ("60000", "60000"), ("1.2345", "1.2345")],
    )
    def test_unambiguous_text_is_read(self, text: str, amount: str) -> None:
        """A figure with other than three digits after its dot is read as written."""
        read = posting(baseSalary={"currency": "EUR", "value": {"value": text, "unitText": "YEAR"}})

        assert read.salary is not None
        assert Decimal(amount) == read.salary.minimum


class TestPlaceAndArrangement:
    @pytest.mark.parametrize("value", ["TELECOMMUTE", "telecommute", {"@value": "TELECOMMUTE"}])
    def test_telecommute(self, value: object) -> None:
        """jobLocationType TELECOMMUTE makes the job remote."""
        assert WorkArrangement.REMOTE == posting(jobLocationType=value).arrangement

    def test_no_location_type(self) -> None:
        """Without jobLocationType (or with it blank) the arrangement is not stated."""
        assert (None, None) == (posting().arrangement, posting(jobLocationType="").arrangement)

    def test_unknown_location_type(self) -> None:
        """schema.org defines only TELECOMMUTE; anything else is refused."""
        expected = (
            "unknown value 'HYBRID'; schema.org defines only 'TELECOMMUTE' @ $.jobLocationType"
        )

        assert expected == bad(jobLocationType="HYBRID")

    def test_one_place(self) -> None:
        """One Place gives one location; a Country object is read by its name."""
        place = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Lyon",
                "addressCountry": {"@type": "Country", "name": "FR"},
            },
        }
        assert (Location(city="Lyon", country="FR"),) == posting(jobLocation=place).locations

    def test_list_of_places(self) -> None:
        """A list of places gives every location, in order."""
        places = [
            {
                "address": {
                    "addressLocality": "Austin",
                    "addressRegion": "TX",
                    "addressCountry": "US",
                }
            },
            {"address": {"addressRegion": "Ontario", "addressCountry": "CA"}},
        ]
        expected = (
            Location(city="Austin", region="TX", country="US"),
            Location(region="Ontario", country="CA"),
        )
        assert expected == posting(jobLocation=places).locations

    def test_empty_list_of_places(self) -> None:
        """An empty list states no location."""
        assert () == posting(jobLocation=[]).locations

    def test_address_by_reference(self) -> None:
        """Places and addresses may be @id references."""
        data = {
            "@graph": [
                {"@id": "#a", "@type": "PostalAddress", "addressLocality": "Oslo"},
                {"@id": "#p", "@type": "Place", "address": {"@id": "#a"}},
                {"@type": "JobPosting", "title": "Dev", "jobLocation": [{"@id": "#p"}]},
            ]
        }
        assert (Location(city="Oslo"),) == JobPosting.from_schema_org(data).locations

    @pytest.mark.parametrize(
        ("place", "expected"),
        [
            ({"address": "1 Main St, Springfield"}, "a text address cannot be split into city, "
             "region and country without guessing; give a PostalAddress @ $.jobLocation.address"),
            ({"name": "HQ"}, "missing: a job location needs a PostalAddress @ "
             "$.jobLocation.address"),
            ("Berlin", "a text address cannot be split into city, region and country without "
             "guessing; give a PostalAddress @ $.jobLocation"),
            ({"address": {"postalCode": "10115"}}, "a PostalAddress needs addressLocality, "
             "addressRegion or addressCountry @ $.jobLocation.address"),
            ({"address": {"addressLocality": "A\nB"}}, "must be a single line (no line breaks) @ "
             "$.jobLocation.address.addressLocality"),
            ({"address": {"addressCountry": {"@type": "Country"}}}, "missing: a Country needs a "
             "name @ $.jobLocation.address.addressCountry.name"),
            ({"address": {"addressCountry": {"name": "F\nR"}}}, "must be a single line (no line "
             "breaks) @ $.jobLocation.address.addressCountry.name"),
            ({"address": {"addressCountry": 49}}, "expected text, got a number @ "
             "$.jobLocation.address.addressCountry"),
        ],
    )  # fmt: skip
    def test_unreadable_place(self, place: object, expected: str) -> None:
        """A place that cannot be read without guessing is an error at its path."""
        assert expected == bad(jobLocation=place)

    def test_bad_place_in_list(self) -> None:
        """An error in the second place of a list names its index."""
        places = [{"address": {"addressLocality": "Oslo"}}, {"address": {}}]
        expected = (
            "a PostalAddress needs addressLocality, addressRegion or addressCountry"
            " @ $.jobLocation[1].address"
        )
        assert expected == bad(jobLocation=places)


class TestOtherProperties:
    def test_industry_term_without_name(self) -> None:
        """A DefinedTerm industry needs a name."""
        expected = "missing: an industry term needs a name @ $.industry.name"

        assert expected == bad(industry={"@type": "DefinedTerm", "termCode": "511210"})

    @pytest.mark.parametrize(
        ("industry", "expected"),
        [
            ("A\nB", "must be a single line (no line breaks) @ $.industry"),
            ({"name": "A\nB"}, "must be a single line (no line breaks) @ $.industry.name"),
        ],
    )
    def test_industry_on_two_lines(self, industry: object, expected: str) -> None:
        """An industry the constructor refuses is reported at its property."""
        assert expected == bad(industry=industry)

    def test_dates(self) -> None:
        """A date is read as a date; validThrough as a date closes at the end of that day, UTC."""
        read = posting(datePosted="2025-03-01", validThrough="2025-03-31")

        assert dt.date(2025, 3, 1) == read.date_posted
        assert dt.datetime(2025, 3, 31, 23, 59, 59, 999999, tzinfo=dt.UTC) == read.valid_through

    def test_datetimes(self) -> None:
        """A datetime posting date gives its own calendar date; an offset is kept."""
        read = posting(datePosted="2025-03-01T23:30:00-05:00", validThrough="2025-03-31T12:00Z")

        assert dt.date(2025, 3, 1) == read.date_posted
        assert dt.datetime(2025, 3, 31, 12, tzinfo=dt.UTC) == read.valid_through

    def test_naive_valid_through_is_utc(self) -> None:
        """A validThrough without an offset is taken as UTC."""
        read = posting(validThrough="2025-03-31T17:00:00")

        assert dt.datetime(2025, 3, 31, 17, tzinfo=dt.UTC) == read.valid_through

    def test_offset_valid_through_is_kept(self) -> None:
        """A validThrough with an offset keeps it."""
        read = posting(validThrough="2025-03-31T17:00:00+02:00")

        assert read.valid_through is not None
        assert dt.timedelta(hours=2) == read.valid_through.utcoffset()

    @pytest.mark.parametrize(
        ("properties", "expected"),
        [
            ({"validThrough": "next Friday"}, "expected an ISO 8601 date or datetime, got "
             "'next Friday' @ $.validThrough"),
            ({"datePosted": "2025-02-30"}, "expected an ISO 8601 date or datetime, got "
             "'2025-02-30' @ $.datePosted"),
            ({"datePosted": 20250301}, "expected text, got a number @ $.datePosted"),
        ],
    )  # fmt: skip
    def test_unreadable_dates(self, properties: dict[str, Any], expected: str) -> None:
        """A date that is not ISO 8601 text is an error at its property."""
        assert expected == bad(**properties)

    def test_application_contact(self) -> None:
        """applicationContact gives the decline e-mail's recipient, without mailto:."""
        contact = {"@type": "ContactPoint", "name": "Sam Lee", "email": "MAILTO:sam@acme.example"}

        assert Contact(name="Sam Lee", email="sam@acme.example") == (
            posting(applicationContact=contact).contact
        )

    @pytest.mark.parametrize(
        "contact", [{"@type": "ContactPoint", "telephone": "+1 555 0100"}, {"email": "mailto:"}]
    )
    def test_contact_without_name_or_email(self, contact: dict[str, Any]) -> None:
        """A contact point with neither name nor e-mail gives no contact."""
        assert posting(applicationContact=contact).contact is None

    @pytest.mark.parametrize(
        ("contact", "expected"),
        [
            ({"email": "a@b\n.c"}, "must be a single line (no line breaks) @ "
             "$.applicationContact.email"),
            ("hr@acme.example", "expected an object, got text @ $.applicationContact"),
        ],
    )  # fmt: skip
    def test_unreadable_contact(self, contact: object, expected: str) -> None:
        """A contact that cannot be read is an error at its path."""
        assert expected == bad(applicationContact=contact)

    def test_url(self) -> None:
        """The posting's url is kept."""
        assert "https://jobs.example/1" == posting(url="https://jobs.example/1").url

    def test_url_on_two_lines(self) -> None:
        """A url the constructor refuses is reported at $.url."""
        assert "must be a single line (no line breaks) @ $.url" == bad(url="https://a\nb")


# -- any JSON value --------------------------------------------------------------

#: Any JSON value, often with the property names and texts of real postings. The
#: "any JSON document" property lives with the other hostile input, in test_fuzz.py.
json_values = conftest_json_values(keys=SCHEMA_ORG_KEYS, words=SCHEMA_ORG_WORDS, max_leaves=25)


class TestLoneSurrogates:
    """Issue 15: text that no UTF-8 output can hold is refused at its property path."""

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({"@type": "JobPosting", "title": "Data \ud800 Engineer"}, "$.title"),
            (
                {
                    "@type": "JobPosting",
                    "title": "Engineer",
                    "jobLocation": [
                        {"@type": "Place", "address": {"addressLocality": "Lyon"}},
                        {"@type": "Place", "address": {"addressLocality": "K\udc00ln"}},
                    ],
                },
                "$.jobLocation[1].address.addressLocality",
            ),
            (
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {"@type": "Organization", "@id": "#org", "name": "Acme\udfff"},
                        {
                            "@type": "JobPosting",
                            "title": "Engineer",
                            "hiringOrganization": {"@id": "#org"},
                        },
                    ],
                },
                '$["@graph"][0].name',
            ),
            (  # a property the reader never looks at is refused all the same
                {"@type": "JobPosting", "title": "Engineer", "x-note": ["ok", "\ud83d"]},
                '$["x-note"][1]',
            ),
        ],
    )
    def test_refused_with_path(self, data: Any, path: str) -> None:
        """A lone surrogate anywhere in the document is an InvalidInput at its path."""
        assert f"not valid Unicode: the text holds a lone surrogate @ {path}" == problem(data)

    def test_key_with_lone_surrogate(self) -> None:
        """A key holding a lone surrogate is refused too, and the path is escaped."""
        found = bad(**{"identifier\udc00": "x"})
        assert 'the key holds a lone surrogate, not valid Unicode @ $["identifier\\udc00"]' == found

    def test_pairs_are_fine(self) -> None:
        """A surrogate pair decoded from JSON is one ordinary character."""
        read = JobPosting.from_schema_org(
            json.loads('{"@type": "JobPosting", "title": "Chef \\ud83c\\udf73"}')
        )
        assert "Chef \U0001f373" == read.title

    def test_mapping_built_in_code_with_number_keys(self) -> None:
        """A mapping built in code may have number keys; its text is checked all the same."""
        codes = {"@type": "JobPosting", "title": "Engineer", "x-codes": {1: "a", 2: "b\ud800"}}
        assert 'not valid Unicode: the text holds a lone surrogate @ $["x-codes"]["2"]' == problem(
            codes
        )
        assert "Engineer" == posting(**{"x-codes": {1: "a", 2: "b"}}).title


# -- issue 10: lenient by default, strict on request -----------------------------

VALID = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Data Engineer",
    "hiringOrganization": {"@type": "Organization", "name": "Initech"},
    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Berlin", "addressCountry": "DE"}},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                   "value": {"@type": "QuantitativeValue", "minValue": 60000, "maxValue": 75000}},
    "experienceRequirements": {"monthsOfExperience": 24},
    "jobLocationType": "TELECOMMUTE",
    "applicantLocationRequirements": {"@type": "Country", "name": "DE"},
    "employmentType": "FULL_TIME",
    "datePosted": "2026-03-02",
    "validThrough": "2026-04-30",
    "industry": "Energy",
    "applicationContact": {"email": "jobs@initech.example"},
    "url": "https://jobs.example/1",
}  # fmt: skip


class TestAnyValueAtAnyProperty:
    """Any JSON value at any property of a valid posting: a posting, or InvalidInput."""

    @given(st.sampled_from(sorted(set(VALID) - {"@type", "title"})), json_values)
    def test_lenient_reads_strict_refuses(self, key: str, value: Any) -> None:
        """Lenient: always a posting with the title; strict: a posting or InvalidInput."""
        data = {**VALID, key: value}

        reading = read_schema_org(data)

        assert "Data Engineer" == reading.posting.title
        assert all(p.path.startswith("$") for p in reading.skipped)
        try:
            strict = JobPosting.from_schema_org(data, strict=True)
        except InvalidInput as e:
            assert all(p.path.startswith("$") for p in e.problems)
        else:
            assert reading.posting == strict
            assert () == reading.skipped


class TestIssueShapes:
    """Each shape of issue 10 is read by default, and refused when strict."""

    @pytest.mark.parametrize(
        ("properties", "field", "expected"),
        [
            ({"jobLocationType": "REMOTE"}, "arrangement", WorkArrangement.REMOTE),
            ({"jobLocationType": "Remote"}, "arrangement", WorkArrangement.REMOTE),
            ({"jobLocationType": "HYBRID"}, "arrangement", WorkArrangement.HYBRID),
            ({"jobLocationType": "on-site"}, "arrangement", WorkArrangement.ONSITE),
            ({"title": ["Dev", "Developer"]}, "title", "Dev"),
            ({"title": "Data\n  Engineer"}, "title", "Data Engineer"),
            ({"datePosted": "2026-03-02 10:00:00 UTC"}, "date_posted", dt.date(2026, 3, 2)),
            ({"datePosted": "Mon, 02 Mar 2026 10:00:00 +0100"}, "date_posted", dt.date(2026, 3, 2)),
            ({"jobLocation": {"address": ["Oslo", "Bergen"]}}, "locations", (Location(city="Oslo"),)),
            ({"jobLocation": {"name": "Paris, France"}}, "locations",
             (Location(city="Paris", country="France"),)),
            ({"jobLocation": "1 Main St, Springfield, IL 62701, USA"}, "locations",
             (Location(city="Springfield", region="IL", country="USA"),)),
            ({"jobLocation": "Lyon, Auvergne-Rhone-Alpes, France"}, "locations",
             (Location(city="Lyon", region="Auvergne-Rhone-Alpes", country="France"),)),
            ({"jobLocation": "Germany"}, "locations", (Location(country="Germany"),)),
            ({"baseSalary": "$100,000 - $150,000"}, "salary",
             PayRange(currency="USD", minimum=Decimal(100000), maximum=Decimal(150000))),
            ({"baseSalary": "€45/hour"}, "salary",
             PayRange(currency="EUR", period=PayPeriod.HOUR, minimum=Decimal(45), maximum=Decimal(45))),
            ({"baseSalary": "90k-110k EUR a year"}, "salary",
             PayRange(currency="EUR", minimum=Decimal(90000), maximum=Decimal(110000))),
            ({"baseSalary": "$90-110k"}, "salary",
             PayRange(currency="USD", minimum=Decimal(90000), maximum=Decimal(110000))),
            ({"baseSalary": "5,000 to 6,000 monthly", "salaryCurrency": "CHF"}, "salary",
             PayRange(currency="CHF", period=PayPeriod.MONTH, minimum=Decimal(5000),
                      maximum=Decimal(6000))),
            ({"baseSalary": {"currency": "USD", "value": 30, "unitText": "per hour"}}, "salary",
             PayRange(currency="USD", period=PayPeriod.HOUR, minimum=Decimal(30), maximum=Decimal(30))),
            ({"baseSalary": {"currency": "USD", "value": 9, "unitText": "Weekly"}}, "salary",
             PayRange(currency="USD", period=PayPeriod.WEEK, minimum=Decimal(9), maximum=Decimal(9))),
            ({"baseSalary": {"currency": "USD", "value": 9, "unitText": "daily"}}, "salary",
             PayRange(currency="USD", period=PayPeriod.DAY, minimum=Decimal(9), maximum=Decimal(9))),
            ({"baseSalary": {"currency": "USD", "value": 9, "unitText": "ANNUAL"}}, "salary",
             PayRange(currency="USD", minimum=Decimal(9), maximum=Decimal(9))),
            ({"baseSalary": 9, "salaryCurrency": "$"}, "salary",
             PayRange(currency="USD", minimum=Decimal(9), maximum=Decimal(9))),
        ],
    )  # fmt: skip
    def test_read_by_default_refused_when_strict(
        self, properties: dict[str, Any], field: str, expected: object
    ) -> None:
        """The lenient reader reads the field a person would; the strict one refuses."""
        data = {"@type": "JobPosting", "title": "Engineer", **properties}

        assert expected == getattr(JobPosting.from_schema_org(data), field)
        with pytest.raises(InvalidInput):
            JobPosting.from_schema_org(data, strict=True)

    @pytest.mark.parametrize(
        ("properties", "expected"),
        [
            ({"baseSalary": "Competitive"}, "cannot read a salary from the text 'Competitive' @ "
             "$.baseSalary"),
            ({"baseSalary": "100.000 EUR"}, "cannot read a salary from the text '100.000 EUR' @ "
             "$.baseSalary"),
            ({"baseSalary": "$10 - 20 EUR"}, "cannot read a salary from the text '$10 - 20 EUR' @ "
             "$.baseSalary"),
            ({"baseSalary": "$10 per fortnight"}, "cannot read a salary from the text '$10 per "
             "fortnight' @ $.baseSalary"),
            ({"baseSalary": "$10"}, "expected one value, got an array of 2; only the first is "
             "read @ $.title"),
            ({"baseSalary": "XYZ 10"}, "cannot read a salary from the text 'XYZ 10' @ $.baseSalary"),
            ({"baseSalary": "10"}, "missing: a salary needs a currency, and none is guessed @ "
             "$.salaryCurrency"),
            ({"jobLocationType": "sometimes"}, "unknown value 'sometimes'; schema.org defines only "
             "'TELECOMMUTE' @ $.jobLocationType"),
            ({"jobLocation": "Remote"}, "'Remote' names no place @ $.jobLocation"),
            ({"jobLocation": " "}, "an empty address names no place @ $.jobLocation"),
            ({"jobLocation": "1, 2"}, "'1, 2' names no place @ $.jobLocation"),
            ({"datePosted": "last week"}, "expected a date, got 'last week' @ $.datePosted"),
            ({"applicantLocationRequirements": {"@type": "Country"}}, "missing: an applicant "
             "location needs a name @ $.applicantLocationRequirements.name"),
            ({"employmentType": ["FULL_TIME", 3]}, "expected text, got a number @ "
             "$.employmentType[1]"),
            ({"baseSalary": {"currency": "USD", "value": 9, "unitText": "fortnight"}},
             "unknown pay period 'fortnight'; expected HOUR, DAY, WEEK, MONTH, YEAR @ "
             "$.baseSalary.unitText"),
        ],
    )  # fmt: skip
    def test_left_out_and_reported(self, properties: dict[str, Any], expected: str) -> None:
        """What cannot be read is left out, and reported with its path and why."""
        title: Any = ["Engineer", "Dev"] if properties.get("baseSalary") == "$10" else "Engineer"
        data = {"@type": "JobPosting", "title": title, **properties}

        reading = read_schema_org(data)

        assert [expected] == [str(p) for p in reading.skipped][-1:]
        assert "Engineer" == reading.posting.title

    def test_title_left_out_is_fatal(self) -> None:
        """Without a title nothing is left to read: the problems and the missing title."""
        with pytest.raises(InvalidInput) as info:
            JobPosting.from_schema_org({"@type": "JobPosting", "title": 5})

        assert (
            Problem("$.title", "expected text, got a number"),
            Problem("$.title", "missing: a posting needs a title or a name"),
        ) == info.value.problems

    @pytest.mark.parametrize(
        "data",
        [
            {"@type": "WebPage", "mainEntity": {"@type": "JobPosting", "title": "Dev"}},
            {"@graph": [{"@type": "WebPage", "mainEntity": {"@id": "#j"}},
                        {"@id": "#j", "@type": "JobPosting", "title": "Dev"}]},
            {"@type": "ItemList", "itemListElement": [
                {"@type": "ListItem", "item": {"@type": "JobPosting", "title": "Dev"}}]},
            {"@type": "schema:JobPosting", "schema:title": "Dev"},
            {"@type": "http://schema.org/JobPosting", "https://schema.org/title": "Dev"},
            {"@type": "JobPosting", "title": "Dev", "schema:title": "Other"},
            [{"@type": "JobPosting", "@id": "#j", "title": "Dev"},
             {"@type": "JobPosting", "@id": "#j", "title": "Dev"}],
        ],
    )  # fmt: skip
    def test_nesting_and_keys(self, data: Any) -> None:
        """mainEntity, @graph with @id, ItemList, schema: and IRI keys: read in both modes."""
        assert "Dev" == JobPosting.from_schema_org(data, strict=True).title

    def test_value_objects_blank_currency_and_graph_object(self) -> None:
        """A figure as a value object is read; a blank currency is absent; a lone @graph node."""
        months = posting(experienceRequirements={"monthsOfExperience": {"@value": "36"}})
        blank = read_schema_org(
            {"@type": "JobPosting", "title": "Dev", "baseSalary": 5, "salaryCurrency": " "}
        )

        assert 3.0 == months.required_years
        assert ["missing: a salary needs a currency, and none is guessed @ $.salaryCurrency"] == [
            str(p) for p in blank.skipped
        ]
        assert "no JobPosting among the document's 1 nodes @ $" == problem(
            {"@graph": {"@type": "Place"}}
        )

    def test_plain_text_employer_and_entities(self) -> None:
        """An employer as plain text and HTML entities are read in both modes."""
        data = {"@type": "JobPosting", "title": "R&amp;D Engineer", "hiringOrganization": "Globex"}

        posting = JobPosting.from_schema_org(data, strict=True)

        assert ("R&D Engineer", "Globex") == (posting.title, posting.company)


class TestSalaryText:
    """salary_from_text reads the common forms and nothing else."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("USD 90,000.50", ("USD", Decimal("90000.50"), Decimal("90000.50"), PayPeriod.YEAR)),
            ("£30k \u2013 £40k p.a.", ("GBP", Decimal(30000), Decimal(40000), PayPeriod.YEAR)),
            ("20 to 25 usd/hr", ("USD", Decimal(20), Decimal(25), PayPeriod.HOUR)),
            ("CA$70,000", ("CAD", Decimal(70000), Decimal(70000), PayPeriod.YEAR)),
            ("1,00,000", None),
            ("$10 - €20", None),
            ("about $10", None),
        ],
    )
    def test_forms(self, text: str, expected: object) -> None:
        """Symbols, codes, k, commas, ranges and periods; anything else is None."""
        assert expected == salary_from_text(text)


class TestCurrencyTable:
    """The ISO 4217 table is shipped as data, written by tools/make_currencies.py."""

    @staticmethod
    def generator() -> Any:
        spec = importlib.util.spec_from_file_location(
            "make_currencies", ROOT / "tools" / "make_currencies.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def test_shipped_table_is_what_the_generator_writes(self) -> None:
        """The JSON in the package matches pycountry, through the generator."""
        shipped = (ROOT / "src" / "interviewdecide" / "_currencies.json").read_text("utf-8")

        assert self.generator().render() == shipped

    def test_generator_refuses_an_unknown_symbol_code(self) -> None:
        """A symbol mapped to a code ISO 4217 lacks fails the generator."""
        module = self.generator()
        module.SYMBOLS["¤"] = "XYZ"

        with pytest.raises(ValueError, match="'¤' names XYZ, which ISO 4217 does not list"):
            module.build()

    def test_unknown_code_is_left_out(self) -> None:
        """A three-letter code that ISO 4217 does not list is not a currency."""
        reading = read_schema_org({"@type": "JobPosting", "title": "Dev", "baseSalary": 5,
                                   "salaryCurrency": "ABC"})  # fmt: skip

        assert (None, ["'ABC' is not an ISO 4217 currency code @ $.salaryCurrency"]) == (
            reading.posting.salary,
            [str(p) for p in reading.skipped],
        )


class TestApplicantLocations:
    """A remote job limited to some places is compared on those places by fit."""

    def candidate(self, country: str) -> Candidate:
        return Candidate(
            name="Mei Tan",
            years_experience=3,
            aspirations=Aspirations(locations=[Location(country=country)]),
        )

    @pytest.mark.parametrize(
        ("country", "action"), [("Germany", Action.DECLINE), ("US", Action.ATTEND)]
    )
    def test_remote_for_us_applicants(self, country: str, action: Action) -> None:
        """Remote for US applicants: not open to a candidate who wants Germany."""
        posting = JobPosting.from_schema_org({
            "@type": "JobPosting", "title": "Data Engineer", "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": {"@type": "Country", "name": "USA"},
        })  # fmt: skip

        assert action == decide(self.candidate(country), posting).action

    def test_remote_for_a_region_is_unknown(self) -> None:
        """An area that is no country cannot be compared with a country: fit is silent."""
        posting = JobPosting(
            title="Dev",
            arrangement=WorkArrangement.REMOTE,
            applicant_locations=[Location(region="European Union")],
        )

        step = decide(self.candidate("Germany"), posting).step("fit")

        assert step is not None
        assert "remote for applicants in European Union, which names no part" in step.reason

    def test_remote_without_requirement_is_not_compared(self) -> None:
        """A remote job open to anyone leaves the candidate's places out of fit."""
        posting = JobPosting(title="Dev", arrangement=WorkArrangement.REMOTE)

        step = decide(self.candidate("Germany"), posting).step("fit")

        assert step is not None
        assert "place" not in step.reason
