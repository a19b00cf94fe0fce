"""Tests for Email and draft_decline(): wording, variants, headers and injection."""

from __future__ import annotations

import email
import email.header
import email.policy
import json
import unicodedata
from decimal import Decimal
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from typing import Any

import pytest
from hypothesis import example, given
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
from interviewdecide._email import MAX_REFERENCES, _unsafe_names
from interviewdecide._validators import parse_address

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
        assert "Analyst Bcc: evil@x.example interview: withdrawing" == mail.subject
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
                subject="Data Analyst interview: withdrawing",
                body=(
                    "Dear Sam,\n\n"
                    "Thank you for inviting me to interview for the position of Data Analyst "
                    "at Acme Corp.\n\n"
                    "After giving it careful thought, I have decided not to go ahead with the "
                    "interview, as the role is not the right match for what I am looking for "
                    "at this point.\n\n"
                    "I appreciate the time you have given my application, and I would be glad "
                    "to hear from you about future openings.\n\n"
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
        """Without a contact's name the hiring team is greeted."""
        posting = JobPosting(title="Analyst", company="Acme", contact=Contact(email="j@acme.io"))
        mail = draft_decline(ANA, posting)
        assert "Dear Hiring Team," == mail.body.splitlines()[0]
        assert ("j@acme.io", None) == (mail.to, mail.to_name)

    def test_neutral_greeting_without_company(self) -> None:
        """Without a company or a contact, the greeting is neutral and no one is named."""
        mail = draft_decline(ANA, JobPosting(title="Analyst"))
        assert ["Dear Hiring Team,", "Thank you for inviting me to interview for the "
                "position of Analyst."] == paragraphs(mail.body)[:2]  # fmt: skip
        assert (None, None) == (mail.to, mail.to_name)

    def test_bad_contact_address(self) -> None:
        """A contact e-mail that is not one address is refused when built, not dropped."""
        with pytest.raises(FieldValueError) as info:
            Contact(email="jobs at acme")
        assert "email" == info.value.field

    def test_title_in_capitals_is_left_out(self) -> None:
        """A title that would read as shouting is replaced by a neutral phrase."""
        posting = JobPosting(title="SENIOR DATA ENGINEERING LEAD, NIGHT SHIFT", company="Acme")
        mail = draft_decline(ANA, posting)
        assert "Interview invitation: withdrawing" == mail.subject
        assert "Thank you for inviting me to interview with Acme." == paragraphs(mail.body)[1]

    def test_company_with_a_figure_is_left_out(self) -> None:
        """A company name holding a pay figure is kept out of the sentences."""
        posting = JobPosting(title="Analyst", company="$100 Tech")
        mail = draft_decline(ANA, posting)
        assert "Dear Hiring Team," == mail.body.splitlines()[0]
        assert "Analyst interview: withdrawing" == mail.subject
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
        assert "Interview invitation: withdrawing" == mail.subject
        assert "Dear Hiring Team," == mail.body.splitlines()[0]
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
        """Whatever the names, the body has no tone findings, the subject no phrase ones.

        The structural ``curtness`` rules read a whole reply, not a subject line.
        """
        posting = JobPosting(
            title=title,
            company=company,
            contact=Contact(name=contact, email=address),
        )
        mail = draft_decline(Candidate(name=name, years_experience=3), posting, reason=reason)
        assert () == check_tone(mail.body)
        assert () == check_tone(mail.subject, ignore=["curtness"])
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


# -- issue 15: encoded words, long names, surrogates ----------------------------

#: Decodes (RFC 2047) to "Jo", CR LF, "Bcc: spy@evil.example".
ENCODED_BCC = "=?utf-8?q?Jo=0D=0ABcc=3A_spy=40evil.example?="
#: Every header draft_decline's message has, besides To and From.
BASE_HEADERS = {"Subject", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"}


def raw_headers(message: email.message.EmailMessage) -> tuple[list[bytes], dict[str, str]]:
    """Return the raw header lines of the bytes sent, and each header unfolded and decoded.

    Decoding uses :func:`email.header.decode_header`, which follows RFC 2047 (the
    space between two encoded words is dropped), unlike the standard library's
    address parser, which keeps it.
    """
    head = message.as_bytes().split(b"\n\n", 1)[0]
    lines = head.split(b"\n")
    unfolded = head.replace(b"\n ", b" ").replace(b"\n\t", b"\t").decode("ascii")
    decoded = {}
    for line in unfolded.split("\n"):
        name, _, value = line.partition(": ")
        decoded[name] = str(email.header.make_header(email.header.decode_header(value)))
    return lines, decoded


class TestEncodedWords:
    """Encoded-word syntax never becomes a header line (CVE-2024-6923 on this Python)."""

    @pytest.mark.parametrize("field", ["to_name", "subject"])
    @pytest.mark.parametrize(
        "trick",
        [
            ENCODED_BCC,
            "Sam =?UTF-8?B?DQpCY2M6IHNweUBldmlsLmV4YW1wbGU=?= Lee",
            "=?iso-8859-1?q?x?=",
            "=??=",
        ],
    )
    def test_email_refuses_encoded_words(self, field: str, trick: str) -> None:
        """A header field holding '=?...?=' is refused, naming the field."""
        with pytest.raises(FieldValueError, match="encoded-word") as info:
            make_email(**{field: trick})
        assert field == info.value.field

    def test_addresses_refuse_encoded_words(self) -> None:
        """An address whose quoted local part holds an encoded word is refused too."""
        trick = '"=?utf-8?q?a=0D=0ABcc=3A_spy=40evil.example?="@acme.example'
        with pytest.raises(FieldValueError, match="encoded-word") as to:
            make_email(to=trick)
        with pytest.raises(FieldValueError, match="encoded-word") as sender:
            EMAIL.to_message(sender=trick)
        assert ("to", "sender") == (to.value.field, sender.value.field)

    def test_lookalikes_are_kept(self) -> None:
        """'=?' without a closing '?=' is ordinary text, written so no reader decodes it."""
        subject = "Q&A =? yes, 2+2=4?"
        parsed = parse(make_email(subject=subject, to_name="Ann =? Lee").to_message())
        assert subject == str(parsed["Subject"])
        assert "Ann =? Lee" == parsed["To"].addresses[0].display_name

    def test_draft_from_a_hostile_posting_adds_no_header(self) -> None:
        """A title and contact name that decode to a Bcc line give no Bcc header."""
        posting = JobPosting(
            title=ENCODED_BCC,
            company=ENCODED_BCC,
            contact=Contact(name=ENCODED_BCC, email="sam@acme.example"),
        )
        mail = draft_decline(ANA, posting)
        message = mail.to_message(sender="ana@example.org")
        parsed = parse(message)
        assert BASE_HEADERS | {"To", "From"} == set(parsed.keys())
        assert None is parsed["Bcc"]
        assert b"spy@evil.example" not in message.as_bytes().split(b"\n\n", 1)[0]
        assert ("Interview invitation: withdrawing", None) == (mail.subject, mail.to_name)
        assert ["sam@acme.example"] == [a.addr_spec for a in parsed["To"].addresses]
        assert ENCODED_BCC in mail.body  # the body is not a header: the name stays

    def test_writer_does_not_rely_on_validation(self) -> None:
        """Even a value forced past the checks is written as text, never decoded to a line."""
        mail = make_email()
        object.__setattr__(mail, "subject", ENCODED_BCC)
        object.__setattr__(mail, "to_name", ENCODED_BCC)
        message = mail.to_message()
        parsed = parse(message)
        assert BASE_HEADERS | {"To"} == set(parsed.keys())
        assert ENCODED_BCC == str(parsed["Subject"])
        assert f"{ENCODED_BCC} <sam@acme.example>" == raw_headers(message)[1]["To"]


class TestHeaderLines:
    """Header lines stay short, and what they hold reads back exactly."""

    @pytest.mark.parametrize(
        "name",
        [
            "x" * 3000,
            "Dr. " + "Ōkubo-Lindqvist " * 190,
            "山田" * 1500,
            "Sam " + "\U0001f600" * 800,
        ],
        ids=["ascii-word", "words", "cjk", "astral"],
    )
    def test_long_names_fold_within_limits(self, name: str) -> None:
        """A 3,000-character name folds within 78 octets a line and decodes unchanged."""
        posting = JobPosting(
            title=name[:900], company="Acme", contact=Contact(name=name, email="sam@acme.example")
        )
        message = make_email(to_name=name, subject=name).to_message(sender="ana@example.org")
        lines, decoded = raw_headers(message)
        assert [] == [line for line in lines if len(line) > 78]
        assert (name, name) == (
            decoded["Subject"],
            decoded["To"].removesuffix(" <sam@acme.example>"),
        )
        drafted = draft_decline(ANA, posting).to_message()
        assert [] == [line for line in raw_headers(drafted)[0] if len(line) > 78]

    @pytest.mark.parametrize(
        ("name", "written"),
        [
            ("Sam Lee", b"To: Sam Lee <sam@acme.example>"),
            ("Lee, Sam", b'To: "Lee, Sam" <sam@acme.example>'),
            ('Sam "the man" Lee', b'To: "Sam \\"the man\\" Lee" <sam@acme.example>'),
        ],
    )
    def test_plain_names_stay_readable(self, name: str, written: bytes) -> None:
        """ASCII names are written as words or one quoted string, not encoded."""
        lines, _ = raw_headers(make_email(to_name=name).to_message())
        assert written == lines[0]

    def test_long_name_that_needs_quotes_is_encoded(self) -> None:
        """An ASCII name with commas too long for one quoted word is encoded instead."""
        name = "Lee, Sam (Talent Acquisition Partner, EMEA and APAC regions)"
        lines, decoded = raw_headers(make_email(to_name=name).to_message())
        assert lines[0].startswith(b"To: =?utf-8?b?")
        assert f"{name} <sam@acme.example>" == decoded["To"]

    def test_international_domain_in_ascii(self) -> None:
        """A domain in another script is written in its IDNA form, not as an encoded word."""
        mail = make_email(to="sam@bücher.example")
        lines, _ = raw_headers(mail.to_message(sender="ana@exämple.org"))
        assert b"To: Sam Lee <sam@xn--bcher-kva.example>" == lines[0]
        assert b"From: ana@xn--exmple-cua.org" == lines[1]

    def test_overlong_address_refused(self) -> None:
        """An address over 254 characters, which SMTP cannot carry, is refused."""
        with pytest.raises(FieldValueError, match="at most 254") as info:
            make_email(to="a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".example")
        assert "to" == info.value.field

    def test_unencodable_domain_refused(self) -> None:
        """A domain that IDNA cannot write (a label over 63 characters) is refused."""
        with pytest.raises(FieldValueError, match="IDNA") as info:
            make_email(to="sam@" + "ü" * 70 + ".example")
        assert "to" == info.value.field


class TestSurrogates:
    """Lone surrogates never reach the bytes of a message."""

    @pytest.mark.parametrize("field", ["to_name", "subject", "body"])
    def test_email_refuses_lone_surrogates(self, field: str) -> None:
        """A field holding a lone surrogate is refused, naming the field."""
        with pytest.raises(FieldValueError, match="lone surrogate") as info:
            make_email(**{field: "Sam \ud800 Lee"})
        assert field == info.value.field

    def test_draft_from_names_with_surrogates_can_be_sent(self) -> None:
        """Surrogates in names built in code become spaces, so the draft serializes."""
        posting = JobPosting(
            title="Data \udc00Analyst",
            company="Acme\ud800",
            contact=Contact(name="Sam\udfffLee", email="sam@acme.example"),
        )
        mail = draft_decline(Candidate(name="Ana\ud800", years_experience=3), posting)
        parsed = parse(mail.to_message())
        assert "Data Analyst interview: withdrawing" == str(parsed["Subject"])
        assert "Sam Lee" == parsed["To"].addresses[0].display_name


TRAPS = [
    ENCODED_BCC,
    "=?utf-8?b?DQpCY2M6IHNweUBldmlsLmV4YW1wbGU=?=",
    "=?",
    "?=",
    '"',
    "\\",
    ",",
    "<spy@evil.example>",
    "\ud800",
    "\t",
    " ",
    "x" * 90,
    "é" * 50,
]
BREAKS = ["\r\nBcc: spy@evil.example", "\nTo: x@y", "\u2028"]


def any_text() -> st.SearchStrategy[str]:
    """Any text, with encoded words, folding traps and injection attempts mixed in."""
    pieces = st.sampled_from(TRAPS + BREAKS)
    return st.lists(st.text(max_size=20) | pieces, max_size=6).map("".join)


def name_text() -> st.SearchStrategy[str]:
    """Text a name field of the model accepts (one line, not blank), traps mixed in."""
    one_line = st.text(
        alphabet=st.characters(exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x00"),
        max_size=20,
    )
    pieces = st.lists(one_line | st.sampled_from(TRAPS), min_size=1, max_size=6)
    return pieces.map("".join).filter(str.strip)


class TestNoHeaderInjection:
    """No text in any field of any input adds a header line."""

    @given(
        name=name_text(),
        title=name_text(),
        company=name_text(),
        contact=name_text() | any_text(),
        address=st.emails() | any_text().map(lambda t: f"{t}@acme.example") | any_text(),
        sender=st.none() | st.emails() | any_text(),
    )
    @example(
        name="Ana Lima",
        title=ENCODED_BCC,
        company="Acme",
        contact=ENCODED_BCC,
        address="sam@acme.example",
        sender="ana@example.org",
    ).via("the report in issue 15")
    @example(
        name="x" * 3000,
        title="Analyst " + "y" * 3000,
        company="z" * 3000,
        contact="Sam " * 750,
        address="sam@acme.example",
        sender=None,
    ).via("the report in issue 15")
    def test_drafts(
        self, *, name: str, title: str, company: str, contact: str, address: str, sender: str | None
    ) -> None:
        """Whatever the names and addresses, the headers are exactly the expected ones."""
        try:
            candidate = Candidate(name=name, years_experience=5)
            posting = JobPosting(
                title=title, company=company, contact=Contact(name=contact, email=address)
            )
        except (FieldValueError, FieldTypeError):
            return  # the model refuses it: it can reach no e-mail
        try:
            message = draft_decline(candidate, posting).to_message(sender=sender)
        except FieldValueError as e:
            assert e.field in {"to", "sender"}  # an address that is not one address
            return
        parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        assert BASE_HEADERS | {"To"} | ({"From"} if sender else set()) == set(parsed.keys())
        for header in parsed:
            assert 1 == len(parsed.get_all(header, ()))
            assert 1 == len(str(parsed[header]).splitlines())
        _, decoded = raw_headers(message)
        assert all(1 == len(value.splitlines()) for value in decoded.values())

    @given(to_name=any_text(), subject=any_text())
    def test_emails(self, to_name: str, subject: str) -> None:
        """An Email either refuses a value or writes it so that it reads back exactly."""
        try:
            mail = make_email(to_name=to_name or None, subject=subject)
        except (FieldValueError, FieldTypeError) as e:
            assert e.field in {"to_name", "subject"}
            return
        message = mail.to_message()
        parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        assert BASE_HEADERS | {"To"} == set(parsed.keys())
        lines, decoded = raw_headers(message)
        assert [] == [line for line in lines if len(line) > 78]
        assert subject == decoded["Subject"]
        assert subject == str(parsed["Subject"])
        (address,) = parsed["To"].addresses
        assert "sam@acme.example" == address.addr_spec
        written_to = message.as_bytes().split(b"\nSubject: ")[0]  # To comes first
        if not to_name or b"=?" not in written_to:  # no name, plain words or quoted
            assert to_name == address.display_name
        else:  # encoded words, decoded as RFC 2047 says
            assert f"{to_name} <sam@acme.example>" == decoded["To"]


# -- issue 11: e-mails that read naturally, replies in the thread -----------------


def invitation_eml(
    *,
    subject: str = "Interview invitation: Data Analyst",
    reply_to: str | None = "Talent Team <talent@acme.example>",
    references: str | None = None,
    message_id: str | None = "<inv-42@mail.acme.example>",
) -> bytes:
    """The recruiter's invitation as the stdlib writes an .eml file."""
    message = EmailMessage()
    message["From"] = HeaderAddress("Sam Lee", "sam", "acme.example")
    message["To"] = "ana@example.org"
    message["Subject"] = subject
    if reply_to is not None:
        message["Reply-To"] = reply_to
    if message_id is not None:
        message["Message-ID"] = message_id
    if references is not None:
        message["References"] = references
    message.set_content("Dear Ana,\n\nWe would like to invite you to interview.\n")
    return message.as_bytes()


class TestNaturalWording:
    """Drafts read as a person wrote them (issue #11 item 6)."""

    @pytest.mark.parametrize(
        ("company", "sentence"),
        [
            ("Acme Inc.", "at Acme Inc."),
            ("Acme Corp", "at Acme Corp."),
        ],
    )
    def test_no_doubled_full_stop(self, company: str, sentence: str) -> None:
        """A company name that ends in a full stop ends the sentence."""
        mail = draft_decline(ANA, JobPosting(title="Analyst", company=company))
        assert paragraphs(mail.body)[1].endswith(sentence)
        assert ".." not in mail.body

    @pytest.mark.parametrize(
        ("contact", "greeting"),
        [
            ("Priya Raman", "Dear Priya,"),
            ("Priya", "Dear Priya,"),
            ("Ms Lim", "Dear Ms Lim,"),
            ("Dr. Anna de Vries", "Dear Dr. Anna de Vries,"),
            (None, "Dear Hiring Team,"),
        ],
    )
    def test_greeting(self, contact: str | None, greeting: str) -> None:
        """First name when the full name is known; title and surname stay formal."""
        posting = JobPosting(title="Analyst", company="Acme", contact=Contact(name=contact))
        assert greeting == draft_decline(ANA, posting).body.splitlines()[0]

    def test_signature_has_the_candidates_address(self) -> None:
        """The candidate's e-mail address signs the draft under the name."""
        ana = Candidate(name="Ana Lima", years_experience=7, email="ana@example.org")
        mail = draft_decline(ana, POSTING)
        assert mail.body.endswith("Kind regards,\nAna Lima\nana@example.org\n")
        assert () == check_tone(mail.body)

    @pytest.mark.parametrize("reason", list(DeclineReason))
    def test_presumes_no_meeting(self, reason: DeclineReason) -> None:
        """Nothing says the two have met or spoken."""
        body = draft_decline(ANA, POSTING, reason=reason).body.lower()
        assert [] == [w for w in ("again", "meeting you", "our call", "met") if w in body]

    def test_subject_reads_as_a_withdrawal(self) -> None:
        """Without a thread the subject names the role and says what the e-mail does."""
        assert "Data Analyst interview: withdrawing" == draft_decline(ANA, POSTING).subject


class TestReplyInThread:
    """draft_decline(reply_to=...) answers the recruiter's message in its thread."""

    def test_reply_to_eml_bytes_threads(self) -> None:
        """Re: their subject, to their Reply-To, In-Reply-To and References set."""
        mail = draft_decline(ANA, POSTING, reply_to=invitation_eml())
        assert "Re: Interview invitation: Data Analyst" == mail.subject
        assert ("talent@acme.example", "Talent Team") == (mail.to, mail.to_name)
        assert "<inv-42@mail.acme.example>" == mail.in_reply_to
        assert ("<inv-42@mail.acme.example>",) == mail.references
        assert "Dear Sam," == mail.body.splitlines()[0]  # the posting's contact is greeted

    def test_written_eml_threads_when_parsed_back(self) -> None:
        """An encoded-word subject and a folded References survive the round trip."""
        older = " ".join(f"<thread-{i}@mail.acme.example>" for i in range(6))
        raw = invitation_eml(subject="Entretien : Analyste de données — Zürich", references=older)
        assert b"=?utf-8?" in raw
        assert b"\n " in raw.split(b"\n\n", 1)[0]
        mail = draft_decline(ANA, POSTING, reply_to=raw)
        written = mail.to_message(sender="ana@example.org").as_bytes()
        parsed = email.message_from_bytes(written, policy=email.policy.default)
        assert "Re: Entretien : Analyste de données — Zürich" == str(parsed["Subject"])
        assert "<inv-42@mail.acme.example>" == str(parsed["In-Reply-To"])
        expected = [*older.split(), "<inv-42@mail.acme.example>"]
        assert expected == str(parsed["References"]).split()
        assert all(len(line) <= 78 for line in written.split(b"\n\n", 1)[0].split(b"\n"))
        assert ["talent@acme.example"] == [a.addr_spec for a in parsed["To"].addresses]

    def test_message_object_and_from_fallback(self) -> None:
        """A parsed Message works too; without Reply-To the reply goes to From."""
        message = email.message_from_bytes(invitation_eml(reply_to=None))
        mail = draft_decline(ANA, JobPosting(title="Analyst"), reply_to=message)
        assert ("sam@acme.example", "Sam Lee") == (mail.to, mail.to_name)
        assert "Dear Sam," == mail.body.splitlines()[0]

    def test_re_is_not_doubled(self) -> None:
        """A subject that already starts with Re: (or AW:) gets one Re:."""
        mail = draft_decline(ANA, POSTING, reply_to=invitation_eml(subject="RE: AW: Interview"))
        assert "Re: Interview" == mail.subject

    def test_without_subject_or_id(self) -> None:
        """No subject: Re: and the drafted subject; no Message-ID: no thread headers."""
        message = EmailMessage()
        message["From"] = "jobs@acme.example"
        mail = draft_decline(ANA, POSTING, reply_to=message)
        assert "Re: Data Analyst interview: withdrawing" == mail.subject
        assert (None, ()) == (mail.in_reply_to, mail.references)
        parsed = parse(mail.to_message())
        assert (None, None) == (parsed["In-Reply-To"], parsed["References"])

    def test_long_thread_keeps_the_newest_references(self) -> None:
        """References is capped at MAX_REFERENCES, dropping the oldest."""
        older = " ".join(f"<t{i}@x.example>" for i in range(40))
        mail = draft_decline(ANA, POSTING, reply_to=invitation_eml(references=older))
        assert MAX_REFERENCES == len(mail.references)
        assert "<inv-42@mail.acme.example>" == mail.references[-1]

    @pytest.mark.parametrize("subject", [ENCODED_BCC, "=?utf-8?q?" + ENCODED_BCC + "?="])
    def test_hostile_subject_is_not_a_header(self, subject: str) -> None:
        """A subject that decodes to a line break, or to encoded words, adds no header."""
        message = EmailMessage()
        message["From"] = "jobs@acme.example"
        message.add_header("Subject", subject)
        mail = draft_decline(ANA, POSTING, reply_to=message)
        parsed = parse(mail.to_message())
        assert (None, 1) == (parsed["Bcc"], len(mail.subject.splitlines()))
        assert "=?" not in mail.subject

    def test_no_address_is_an_error(self) -> None:
        """A From with no address is a FieldValueError naming the header."""
        message = EmailMessage()
        message["From"] = "Acme Recruiting"
        with pytest.raises(FieldValueError, match="holds no e-mail address") as info:
            draft_decline(ANA, POSTING, reply_to=message)
        assert "reply_to.From" == info.value.field

    def test_no_from_at_all(self) -> None:
        """Without Reply-To or From the reply goes to the posting's contact: unknown here."""
        message = EmailMessage()
        message["Subject"] = "Interview"
        mail = draft_decline(ANA, JobPosting(title="Analyst"), reply_to=message)
        assert (None, "Re: Interview") == (mail.to, mail.subject)

    def test_wrong_type(self) -> None:
        """A str is not a message: TypeError naming reply_to."""
        with pytest.raises(TypeError, match=r"reply_to: expected an email\.message\.Message"):
            draft_decline(ANA, POSTING, reply_to="Subject: hi")  # type: ignore[arg-type]


class TestThreadFields:
    """Email.in_reply_to and Email.references hold message identifiers only."""

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"in_reply_to": "no-brackets@x"}, "in_reply_to"),
            ({"in_reply_to": "<a b@x>"}, "in_reply_to"),
            ({"references": ("<ok@x>", "<bad\r\n@x>")}, "references[1]"),
            ({"references": ("<a@x>",) * (MAX_REFERENCES + 1)}, "references"),
        ],
    )
    def test_bad_identifiers_rejected(self, changes: dict[str, Any], field: str) -> None:
        """A malformed identifier or too many are refused, naming the field."""
        with pytest.raises(FieldValueError) as info:
            make_email(**changes)
        assert field == info.value.field

    def test_references_must_not_be_a_string(self) -> None:
        """A bare string is not a sequence of identifiers."""
        with pytest.raises(FieldTypeError) as info:
            make_email(references="<a@x>")
        assert "references" == info.value.field

    def test_round_trip(self) -> None:
        """The thread fields survive to_json and from_json."""
        mail = make_email(in_reply_to="<a@x.example>", references=["<z@x>", "<a@x.example>"])
        assert mail == from_json(Email, to_json(mail))


class TestNamesCheckedOnce:
    """Drafting checks the inserted names once, through a bounded cache (issue #13)."""

    @given(title=st.none() | st.text(max_size=40), company=st.none() | st.text(max_size=40))
    def test_cache_does_not_change_results(self, title: str | None, company: str | None) -> None:
        """The cached answer equals the uncached one, whatever the names."""
        assert _unsafe_names.__wrapped__(title, company) == _unsafe_names(title, company)

    def test_cache_is_bounded(self) -> None:
        """The cache holds at most 1024 pairs of names."""
        assert 1024 == _unsafe_names.cache_info().maxsize

    def test_whole_draft_is_not_rechecked(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """check_tone reads only the sentence with the names, once per new pair."""
        import interviewdecide._email as module

        seen: list[str] = []

        def spy(text: str, **kwargs: Any) -> tuple[()]:
            seen.append(text)
            return ()

        monkeypatch.setattr(module, "check_tone", spy)
        _unsafe_names.cache_clear()
        posting = JobPosting(title="Unique Role 7731", company="Zeta Labs")
        draft_decline(ANA, posting)
        draft_decline(ANA, posting)
        assert [
            "Thank you for inviting me to interview for the position of Unique Role 7731 "
            "at Zeta Labs."
        ] == seen
        _unsafe_names.cache_clear()


class TestLibraryMadeEmails:
    """Drafts skip the checks meant for user input, and lose nothing by it (issue #13)."""

    @given(
        name=header_text(),
        title=header_text(),
        company=st.none() | header_text(),
        contact=st.none() | header_text(),
    )
    def test_draft_passes_the_checked_constructor(
        self, *, name: str, title: str, company: str | None, contact: str | None
    ) -> None:
        """Rebuilding a draft through Email(...) with every validator gives it back."""
        posting = JobPosting(
            title=title, company=company, contact=Contact(name=contact, email="jo@acme.example")
        )
        mail = draft_decline(Candidate(name=name, years_experience=3), posting)
        rebuilt = Email(
            to=mail.to,
            to_name=mail.to_name,
            subject=mail.subject,
            body=mail.body,
            in_reply_to=mail.in_reply_to,
            references=mail.references,
        )
        assert rebuilt == mail

    @given(st.emails() | st.text(max_size=30))
    def test_address_cache_does_not_change_results(self, text: str) -> None:
        """The cached parse of an address equals the uncached one."""
        cached, fresh = parse_address(text), parse_address.__wrapped__(text)
        assert (type(fresh), str(fresh)) == (type(cached), str(cached))
        assert 1024 == parse_address.cache_info().maxsize
