"""Tests for Email and draft_decline(): wording, variants, headers and injection."""

from __future__ import annotations

import email
import email.policy
import json
import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewdecide import (
    MAX_DECLINE_WORDS,
    Action,
    Candidate,
    Contact,
    DeclineReason,
    Email,
    FieldTypeError,
    FieldValueError,
    InvalidInput,
    Invitation,
    JobPosting,
    Money,
    Offer,
    OfferStatus,
    Outcome,
    Policy,
    Step,
    Verdict,
    check_tone,
    decide,
    draft_decline,
    from_json,
    to_json,
)
from interviewdecide import testing as strategies

ANA = Candidate(name="Ana Lima", years_experience=7)
SAM = Contact(name="Sam Lee", email="sam@acme.example")
POSTING = JobPosting(title="Data Analyst", company="Acme Corp", contact=SAM)
HIRED = Candidate(
    name="Ana Lima",
    years_experience=7,
    offers=[
        Offer(
            company="Globex Industries",
            status=OfferStatus.ACCEPTED,
            salary=Money(amount=Decimal(98_500), currency="EUR"),
        )
    ],
)

EMAIL = Email(
    to="sam@acme.example",
    to_name="Sam Lee",
    subject="Interview invitation: Data Analyst",
    body="Dear Sam Lee,\n\nThank you.\n",
)

INJECTION = "Sam\r\nBcc: evil@x.example"


def make_email(**changes: Any) -> Email:
    return Email(**({"to": EMAIL.to, "to_name": EMAIL.to_name, "subject": EMAIL.subject,
                     "body": EMAIL.body} | changes))  # fmt: skip


def parse(message: email.message.EmailMessage) -> email.message.EmailMessage:
    """Serialize a message to bytes and read it back, as a receiving server would."""
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


class TestEmail:
    def test_round_trip(self) -> None:
        """An e-mail survives to_json and from_json."""
        assert EMAIL == from_json(Email, to_json(EMAIL))

    def test_bad_json_names_the_field(self) -> None:
        """An address that is not one address is an InvalidInput at $.to."""
        data = json.loads(to_json(EMAIL))
        data["to"] = "sam@acme.example, evil@x.example"
        with pytest.raises(InvalidInput, match=r"is not one e-mail address.* @ \$\.to"):
            from_json(Email, json.dumps(data))

    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            ({"to": "a@b.example, evil@x.example"}, "to", "is not one e-mail address"),
            ({"to": "Sam <sam@acme.example>"}, "to", "is not one e-mail address"),
            ({"to": "no address"}, "to", "is not one e-mail address"),
            ({"to": "<a@b>"}, "to", "is not one e-mail address"),
            ({"to": "sam@acme.example\r\nBcc: evil@x.example"}, "to", "single line"),
            ({"to_name": INJECTION}, "to_name", "single line"),
            ({"to_name": "Sam\u2028Bcc: evil@x.example"}, "to_name", "single line"),
            ({"to_name": "Sam\tLee"}, "to_name", "single line"),
            ({"subject": "Hello\nBcc: evil@x.example"}, "subject", "single line"),
            ({"subject": "Hi\x85there"}, "subject", "single line"),
            ({"subject": "   "}, "subject", "must not be empty"),
            ({"body": "\n\n"}, "body", "must not be empty"),
        ],
    )
    def test_bad_values_rejected(self, changes: dict[str, Any], field: str, message: str) -> None:
        """Header fields are one line and addresses are one address."""
        with pytest.raises(FieldValueError, match=message) as info:
            make_email(**changes)
        assert field == info.value.field

    @pytest.mark.parametrize(
        ("changes", "field"),
        [({"subject": None}, "subject"), ({"body": 3}, "body"), ({"to_name": 3}, "to_name")],
    )
    def test_wrong_types_rejected(self, changes: dict[str, Any], field: str) -> None:
        """Fields of the wrong type name themselves."""
        with pytest.raises(FieldTypeError) as info:
            make_email(**changes)
        assert field == info.value.field

    def test_to_message_headers_and_body(self) -> None:
        """To, From, Subject and a UTF-8 text body are set."""
        parsed = parse(EMAIL.to_message(sender="ana@example.org"))
        assert "Sam Lee <sam@acme.example>" == str(parsed["To"])
        assert "ana@example.org" == str(parsed["From"])
        assert EMAIL.subject == str(parsed["Subject"])
        body = parsed.get_body()
        assert body is not None
        assert EMAIL.body == body.get_content()

    def test_to_message_without_recipient(self) -> None:
        """Without an address there is no To header, and no From unless given."""
        message = make_email(to=None).to_message()
        assert (None, None) == (message["To"], message["From"])

    def test_to_message_without_name(self) -> None:
        """An address without a name is written bare."""
        assert "sam@acme.example" == str(make_email(to_name=None).to_message()["To"])

    def test_bad_sender_rejected(self) -> None:
        """A sender that is not one address is refused."""
        with pytest.raises(FieldValueError) as info:
            EMAIL.to_message(sender="ana@example.org\nBcc: evil@x.example")
        assert "sender" == info.value.field

    def test_display_name_cannot_add_recipients(self) -> None:
        """Commas, angle brackets and a fake header in a name stay inside the name."""
        name = 'Evil <evil@x.example>, "q" Bcc: evil@x.example'
        parsed = parse(make_email(to_name=name).to_message())
        (address,) = parsed["To"].addresses
        assert (name, "sam@acme.example") == (address.display_name, address.addr_spec)
        assert None is parsed["Bcc"]

    def test_unicode_survives(self) -> None:
        """Names and subjects in any script are encoded and read back unchanged."""
        mail = make_email(to_name="Zoë Ōkubo 山田", subject="Entretien : ingénieur·e données")
        parsed = parse(mail.to_message())
        assert "Zoë Ōkubo 山田" == parsed["To"].addresses[0].display_name
        assert mail.subject == str(parsed["Subject"])


class TestHeaderInjection:
    def test_posting_rejects_line_breaks_in_names(self) -> None:
        """A company or contact name with CR/LF never reaches an e-mail."""
        with pytest.raises(FieldValueError):
            JobPosting(title="Analyst", company=INJECTION)
        with pytest.raises(FieldValueError):
            Contact(name=INJECTION)

    @pytest.mark.parametrize("separator", ["\t", "\x01", "\x1f", "\x7f"])
    def test_other_control_characters_become_spaces(self, separator: str) -> None:
        """Characters the posting accepts but a header must not hold become spaces."""
        trick = f"Acme{separator}Bcc: evil@x.example"
        posting = JobPosting(
            title=f"Analyst{separator}Bcc: evil@x.example",
            company=trick,
            contact=Contact(name=trick, email="jobs@acme.example"),
        )
        mail = draft_decline(ANA, posting)
        assert "Acme Bcc: evil@x.example" == mail.to_name
        assert "Interview invitation: Analyst Bcc: evil@x.example" == mail.subject
        parsed = parse(mail.to_message(sender="ana@example.org"))
        assert None is parsed["Bcc"]
        assert ["jobs@acme.example"] == [a.addr_spec for a in parsed["To"].addresses]


def verdict_by(rule: str, action: Action = Action.DECLINE) -> Verdict:
    outcome = Outcome.DECLINE if action is Action.DECLINE else Outcome.ATTEND
    return Verdict(
        action=action,
        decided_by=rule,
        trace=[Step(rule=rule, outcome=outcome, reason="Because.")],
        combined_by="decline_wins",
        policy=Policy(),
    )


class TestDeclineReason:
    def test_from_real_verdicts(self) -> None:
        """The rule that decided a real decline gives the reason."""
        no = Invitation(posting=POSTING, matches_aspirations=False)
        asks_two = JobPosting(title="Analyst", required_years=2)
        assert DeclineReason.POOR_FIT == DeclineReason.from_verdict(decide(ANA, no))
        assert DeclineReason.NOT_SUITABLE == DeclineReason.from_verdict(decide(ANA, asks_two))
        assert DeclineReason.ACCEPTED_ELSEWHERE == DeclineReason.from_verdict(
            decide(HIRED, POSTING)
        )

    def test_other_rules_and_attend(self) -> None:
        """A custom rule, or a verdict to attend, gives no reason."""
        assert DeclineReason.UNSPECIFIED == DeclineReason.from_verdict(verdict_by("mine"))
        attend = verdict_by("fit", Action.ATTEND)
        assert DeclineReason.UNSPECIFIED == DeclineReason.from_verdict(attend)


class TestDraftDecline:
    def test_poor_fit_draft(self) -> None:
        """The whole e-mail for a poor fit: greeting, thanks, decline, door open, name."""
        mail = draft_decline(ANA, POSTING, reason=DeclineReason.POOR_FIT)
        assert (
            Email(
                to="sam@acme.example",
                to_name="Sam Lee",
                subject="Interview invitation: Data Analyst",
                body=(
                    "Dear Sam Lee,\n\n"
                    "Thank you for inviting me to interview for the position of Data Analyst "
                    "at Acme Corp.\n\n"
                    "After giving it careful thought, I have decided not to go ahead with the "
                    "interview, as the role is not the right match for what I am looking for "
                    "at this point.\n\n"
                    "I appreciate the time you have given my application, and I would be glad "
                    "to hear from you about future openings. I hope our paths cross again.\n\n"
                    "Kind regards,\nAna Lima\n"
                ),
            )
            == mail
        )

    @pytest.mark.parametrize(
        ("reason", "phrase"),
        [
            (DeclineReason.POOR_FIT, "not the right match for what I am looking for"),
            (DeclineReason.ACCEPTED_ELSEWHERE, "I have recently accepted another position"),
            (DeclineReason.NOT_SUITABLE, "I do not think I am the right candidate"),
            (DeclineReason.UNSPECIFIED, "I have decided to withdraw from the interview"),
        ],
    )
    def test_each_reason_has_its_decline(self, reason: DeclineReason, phrase: str) -> None:
        """The decline paragraph is worded for the reason, in a short courteous e-mail."""
        mail = draft_decline(ANA, POSTING, reason=reason)
        parts = paragraphs(mail.body)
        assert 5 == len(parts)
        assert phrase in parts[2]
        assert "future openings" in parts[3]
        assert "Kind regards,\nAna Lima" == parts[4]
        assert () == check_tone(mail.body)
        assert len(mail.body.split()) < MAX_DECLINE_WORDS / 2

    @pytest.mark.parametrize(
        "word", ["overqualified", "beneath", "junior", "obviously", "senior", "Globex", "98"]
    )
    @pytest.mark.parametrize("reason", list(DeclineReason))
    def test_never_arrogant_never_discloses(self, reason: DeclineReason, word: str) -> None:
        """No variant grades the role or names the accepted offer or its pay."""
        assert word.casefold() not in draft_decline(HIRED, POSTING, reason=reason).body.casefold()

    def test_reason_from_verdict(self) -> None:
        """Without a reason, the verdict's deciding rule picks the wording."""
        verdict = decide(HIRED, POSTING)
        by_verdict = draft_decline(HIRED, POSTING, verdict=verdict)
        assert draft_decline(HIRED, POSTING, reason=DeclineReason.ACCEPTED_ELSEWHERE) == by_verdict

    def test_reason_wins_over_verdict(self) -> None:
        """An explicit reason overrides the verdict."""
        mail = draft_decline(
            HIRED, POSTING, verdict=decide(HIRED, POSTING), reason=DeclineReason.POOR_FIT
        )
        assert draft_decline(HIRED, POSTING, reason=DeclineReason.POOR_FIT) == mail

    def test_no_reason_no_verdict(self) -> None:
        """With neither, the decline gives no reason."""
        assert draft_decline(ANA, POSTING, reason=DeclineReason.UNSPECIFIED) == draft_decline(
            ANA, POSTING
        )

    def test_invitation_or_posting(self) -> None:
        """An invitation drafts the same e-mail as its posting."""
        assert draft_decline(ANA, POSTING) == draft_decline(ANA, Invitation(posting=POSTING))

    def test_not_an_invitation(self) -> None:
        """Anything else is a TypeError."""
        with pytest.raises(TypeError, match="expected an Invitation or a JobPosting, got str"):
            draft_decline(ANA, "Data Analyst")  # type: ignore[arg-type]

    def test_greets_hiring_team_without_contact_name(self) -> None:
        """Without a contact's name the company's hiring team is greeted."""
        posting = JobPosting(title="Analyst", company="Acme", contact=Contact(email="j@acme.io"))
        mail = draft_decline(ANA, posting)
        assert "Dear Acme hiring team," == mail.body.splitlines()[0]
        assert ("j@acme.io", None) == (mail.to, mail.to_name)

    def test_neutral_greeting_without_company(self) -> None:
        """Without a company or a contact, the greeting is neutral and no one is named."""
        mail = draft_decline(ANA, JobPosting(title="Analyst"))
        assert ["Dear hiring team,", "Thank you for inviting me to interview for the "
                "position of Analyst."] == paragraphs(mail.body)[:2]  # fmt: skip
        assert (None, None) == (mail.to, mail.to_name)

    def test_bad_contact_address(self) -> None:
        """A contact e-mail that is not one address is refused, not dropped."""
        posting = JobPosting(title="Analyst", contact=Contact(email="jobs at acme"))
        with pytest.raises(FieldValueError) as info:
            draft_decline(ANA, posting)
        assert "to" == info.value.field

    def test_title_in_capitals_is_left_out(self) -> None:
        """A title that would read as shouting is replaced by a neutral phrase."""
        posting = JobPosting(title="SENIOR DATA ENGINEER", company="Acme")
        mail = draft_decline(ANA, posting)
        assert "Your interview invitation" == mail.subject
        assert "Thank you for inviting me to interview with Acme." == paragraphs(mail.body)[1]

    def test_company_with_a_figure_is_left_out(self) -> None:
        """A company name holding a pay figure is kept out of the sentences."""
        posting = JobPosting(title="Analyst", company="$100 Tech")
        mail = draft_decline(ANA, posting)
        assert "Dear $100 Tech hiring team," == mail.body.splitlines()[0]
        assert "Interview invitation: Analyst" == mail.subject
        assert (
            "Thank you for inviting me to interview for the position of Analyst."
            == (paragraphs(mail.body)[1])
        )

    def test_very_long_names_are_left_out(self) -> None:
        """Names long enough to make the e-mail too long are left out of the text."""
        long_title = " ".join(["Engineer"] * 100)
        long_company = " ".join(["Acme"] * 100)
        mail = draft_decline(ANA, JobPosting(title=long_title, company=long_company))
        assert "Thank you for inviting me to interview." == paragraphs(mail.body)[1]
        assert () == check_tone(mail.body)

    def test_names_reduced_to_nothing(self) -> None:
        """Names made only of control characters are treated as unknown."""
        posting = JobPosting(title="\x01", company="\x02", contact=Contact(name="\x03"))
        mail = draft_decline(Candidate(name="\x04", years_experience=1), posting)
        assert "Your interview invitation" == mail.subject
        assert "Dear hiring team," == mail.body.splitlines()[0]
        assert mail.body.endswith("Kind regards,\n")


def header_text() -> st.SearchStrategy[str]:
    """Any text a name field accepts: one line, not blank, any Unicode."""

    def accepted(text: str) -> bool:
        return bool(text.strip()) and not any(
            c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x00" for c in text
        )

    tricky = st.sampled_from(
        [
            "NEVER CONTACT ME AGAIN",
            "Obviously Overqualified Ltd",
            "$120k Engineer",
            "Offer from Globex",
            "Stop emailing me!!",
            "Kind regards,",
            "Dear",
            "Waste of my time, Inc.",
            "ACME GLOBAL SOLUTIONS",
            " ".join(["word"] * 200),
        ]
    )
    return st.text().filter(accepted) | tricky | strategies.single_lines()


class TestDraftsPassTheToneCheck:
    @given(
        name=header_text(),
        title=header_text(),
        company=st.none() | header_text(),
        contact=st.none() | header_text(),
        address=st.none() | st.emails(),
        reason=st.none() | st.sampled_from(DeclineReason),
    )
    def test_every_draft_passes(
        self,
        *,
        name: str,
        title: str,
        company: str | None,
        contact: str | None,
        address: str | None,
        reason: DeclineReason | None,
    ) -> None:
        """Whatever the names, the drafted subject and body have no tone findings."""
        posting = JobPosting(
            title=title,
            company=company,
            contact=Contact(name=contact, email=address),
        )
        mail = draft_decline(Candidate(name=name, years_experience=3), posting, reason=reason)
        assert () == check_tone(mail.body)
        assert () == check_tone(mail.subject)
        assert mail == from_json(Email, to_json(mail))
        parsed = parse(mail.to_message())
        assert None is parsed["Bcc"]
        assert len(parsed.get_all("To", ())) == (address is not None)
        # The standard library's RFC 2047 folding may drop a space between two
        # encoded words (say, after U+10000), so compare without spaces.
        assert mail.subject.replace(" ", "") == str(parsed["Subject"]).replace(" ", "")

    @given(strategies.candidates(), strategies.invitations())
    def test_every_verdict_drafts(self, candidate: Candidate, invitation: Invitation) -> None:
        """Drafting from any decided invitation gives a courteous e-mail."""
        mail = draft_decline(candidate, invitation, verdict=decide(candidate, invitation))
        assert () == check_tone(mail.body)
        assert all(unicodedata.category(c) not in {"Cc", "Zl", "Zp"} for c in mail.subject)
