"""The privacy check of incident descriptions: what is flagged, what is not, and the spans."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from est_desktop.domain.privacy import (
    PRIVACY_HINT,
    FindingKind,
    PrivacyFinding,
    describe_finding,
    privacy_findings,
)

PIN = FindingKind.PERSONAL_IDENTITY_NUMBER
PHONE = FindingKind.PHONE_NUMBER


def luhn(nine_digits: str) -> str:
    """The check digit of YYMMDDNNN, computed independently of the module under test."""
    digits = [int(c) * (2 - i % 2) for i, c in enumerate(nine_digits)]
    return str(-sum(d // 10 + d % 10 for d in digits) % 10)


def with_check_digit(number: str) -> str:
    """`number` (a personnummer without its last digit) with the right Luhn digit appended."""
    nine = "".join(c for c in number if c.isdigit())[-9:]
    return number + luhn(nine)


def wrong_check_digit(number: str) -> str:
    right = with_check_digit(number)
    return right[:-1] + str((int(right[-1]) + 1) % 10)


def kinds(text: str) -> list[tuple[FindingKind, str]]:
    return [(f.kind, f.text) for f in privacy_findings(text)]


# --- personnummer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "19121212-1212",  # Skatteverket's test person
        "121212-1212",
        "191212121212",
        "1212121212",
        with_check_digit("811218-987"),
        with_check_digit("19811218-987"),
        with_check_digit("200101011234"[:-1]),
        with_check_digit("150615+123"),  # born 1915, written with "+" (100 years or older)
    ],
)
def test_valid_personnummer_in_every_format_is_found_with_its_span(number):
    text = f"Pojke med pnr {number} sprang iväg."
    assert privacy_findings(text) == [PrivacyFinding(PIN, 14, 14 + len(number), number)]


def test_samordningsnummer_with_day_plus_60_is_found():
    assert kinds("Nr 701063-2391 i rapporten") == [(PIN, "701063-2391")]
    assert kinds(with_check_digit("19811278-123")) == [(PIN, with_check_digit("19811278-123"))]


def test_wrong_luhn_digit_is_not_a_personnummer():
    assert kinds("pnr 121212-1213") == []
    assert kinds(f"pnr {wrong_check_digit('19811218-987')}") == []
    assert kinds(f"pnr {wrong_check_digit('8112189876'[:-1])}") == []


@pytest.mark.parametrize(
    "number",
    ["811318-123", "811232-123", "810431-123", "810200-123", "19810229-123", "811292-123"],
    ids=["month 13", "day 32", "31 April", "day 0", "29 Feb 1981", "samordning day 32"],
)
def test_impossible_date_is_not_a_personnummer_even_with_right_luhn_digit(number):
    assert kinds(f"pnr {with_check_digit(number)}") == []


def test_29_february_is_valid_only_in_leap_years():
    assert kinds(with_check_digit("20000229-123"))[0][0] == PIN
    assert kinds(with_check_digit("040229-123"))[0][0] == PIN
    assert kinds(with_check_digit("000229-123"))[0][0] == PIN  # 2000 was a leap year
    assert kinds(with_check_digit("19000229-123")) == []  # 1900 was not
    assert kinds(with_check_digit("030229-123")) == []
    assert kinds(with_check_digit("000229+123")) == []  # "+": 1900 or 1800, neither leap


def test_twelve_digit_form_needs_a_plausible_century():
    assert kinds(with_check_digit("35811218-987")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ärende 9" + with_check_digit("811218-987"),
        with_check_digit("8112189876"[:-1]) + "5",
        "Order 12-" + with_check_digit("811218-987"),
        with_check_digit("811218-987") + "-4",
        "ref 4" + with_check_digit("198112189876"[:-1]) + "1",
    ],
)
def test_personnummer_inside_longer_digit_runs_is_not_found(text):
    assert all(f.kind != PIN for f in privacy_findings(text))


def test_undelimited_ten_digits_starting_with_070_is_a_phone_number_not_a_personnummer():
    number = with_check_digit("070123456")  # also a valid date: 23 January 2007
    assert kinds(f"Ring {number}") == [(PHONE, number)]
    dashed = with_check_digit("070123-456")
    assert kinds(f"pnr {dashed}") == [(PIN, dashed)]


def test_invalid_personnummer_that_looks_like_a_phone_number_is_a_phone_number():
    assert kinds(f"nr {wrong_check_digit('0501011234'[:-1])}")[0][0] == PHONE


@st.composite
def valid_personnummer(draw) -> str:
    form = draw(st.sampled_from(["YYMMDD-NNNN", "YYMMDD+NNNN", "YYYYMMDD-NNNN", "YYYYMMDDNNNN",
                                 "YYMMDDNNNN"]))  # fmt: skip
    low, high = {"YYMMDD+NNNN": (1800, 1925), "YYMMDD-NNNN": (1900, 2099)}.get(form, (1800, 2099))
    if form == "YYMMDDNNNN":
        low = 1900
    born = draw(st.dates(date(low, 1, 1), date(high, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)  # samordningsnummer
    short = f"{born.year % 100:02}{born.month:02}{day:02}"
    serial = f"{draw(st.integers(0, 999)):03}"
    last = serial + luhn(short + serial)
    century = f"{born.year // 100}"
    return {
        "YYMMDD-NNNN": f"{short}-{last}",
        "YYMMDD+NNNN": f"{short}+{last}",
        "YYYYMMDD-NNNN": f"{century}{short}-{last}",
        "YYYYMMDDNNNN": f"{century}{short}{last}",
        "YYMMDDNNNN": f"{short}{last}",
    }[form]


@given(
    number=valid_personnummer(),
    before=st.sampled_from(["", "pnr ", "Personnummer: ", "(", "Ung man, "]),
    after=st.sampled_from(["", ".", " sprang iväg", ")", ", 070-123 45 67"]),
)
def test_generated_valid_personnummer_is_always_found(number, before, after):
    findings = privacy_findings(before + number + after)
    span = (len(before), len(before) + len(number))
    matching = [f for f in findings if (f.start, f.end) == span]
    assert len(matching) == 1
    is_mobile = len(number) == 10 and number.startswith(("070", "072", "073", "076", "079"))
    assert matching[0].kind == (PHONE if is_mobile else PIN)


# --- phone numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "070-123 45 67",
        "0701234567",
        "070 123 45 67",
        "070-1234567",
        "073-987 65 43",
        "033-35 70 00",
        "033 - 35 70 00",
        "033357000",
        "08-123 456 78",
        "+46 70 123 45 67",
        "+46701234567",
        "0046 70 123 45 67",
        "+46 (0)33-35 70 00",
        "+46 33 35 70 00",
    ],
)
def test_swedish_phone_numbers_are_found_with_their_span(number):
    text = f"Boende ringde från {number}, bad om återkoppling."
    start = text.index(number)
    assert privacy_findings(text) == [PrivacyFinding(PHONE, start, start + len(number), number)]


@pytest.mark.parametrize(
    "text",
    [
        "Anmält 21:40.",
        "Kl 21.40 hördes smällar.",
        "Inträffade 2026-03-14.",
        "Sedan 14/3 trasig.",
        "Inträffade 14.3.2026 och 01-02-2026.",
        "Samma sak år 2026 och 2025.",
        "Utanför Hultagatan 12.",
        "Bil ABC 123 körde fort.",
        "Skada ca 500 kr, ca 20 000 kr totalt.",
        "Ca 10-12 ungdomar.",
        "Mellan kl 07-09 och 22.15-23.30.",
        "2026-03-14 07:30 larm, 2026-03-15 07:45 igen.",
        "Port 4B, lgh 1102, 3 st.",
        "Ärendenummer 12345.",
    ],
)
def test_numbers_common_in_incident_text_are_not_phone_numbers(text):
    assert privacy_findings(text) == []


# --- e-mail ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address", ["anna.svensson@example.se", "a_b+est@mail.boras.se", "x@y.com", "åsa@hem.nu"]
)
def test_email_addresses_are_found_without_trailing_punctuation(address):
    text = f"Mejla {address}."
    assert privacy_findings(text) == [
        PrivacyFinding(FindingKind.EMAIL, 6, 6 + len(address), address)
    ]


def test_at_sign_without_domain_is_not_an_email():
    assert privacy_findings("Möte @ Hulta torg, 5 st @ 20 kr") == []


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anna Svensson klottrade.", "Anna Svensson"),
        ("Såg Mohammed Ali vid porten.", "Mohammed Ali"),
        ("Fatima Hassan ringde.", "Fatima Hassan"),
        ("Enligt Kalle Johansson var det tre.", "Kalle Johansson"),  # Kalle: not in the list
        ("Pratade med Amir Lindqvist.", "Amir Lindqvist"),
        ("Det var Per Åberg igen.", "Per Åberg"),
        ("Anna-Karin Nilsson såg det.", "Anna-Karin Nilsson"),
        ("Lisa Lindströms bil brann.", "Lisa Lindströms"),
        ("Anna Maria Svensson anmälde.", "Anna Maria Svensson"),
    ],
)
def test_names_looking_text_is_found(text, name):
    start = text.index(name)
    assert privacy_findings(text) == [
        PrivacyFinding(FindingKind.NAME, start, start + len(name), name)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nedskräpning vid Hulta torg.",
        "Samling på Stora torget.",
        "Brand i Hässleholmens centrum.",
        "Norrby. Klotter igen.",
        "Anna ringde.",  # a single first name is not flagged
        "Ali.",
        "Mopedåkning på Erik Dahlbergsgatan.",
        "Glas på Anna Lindhs plats.",
        "Fest vid Gustav Adolfs torg.",
        "Stenkastning mot Sven Eriksgatan och Lars Kaggsvägen.",
        "Trasig lampa i Nils Holgerssons gränd.",
        "Klotter vid Hulta Torg och Stora Torget.",
        "Vid Sandbergsgatan och Kyrkbacken.",
        "Norra Hulta, Östra Norrby.",
        "Måndag Kväll samlades ungdomar.",
        "Polisen Borås kom.",
    ],
)
def test_place_names_and_single_capitalised_words_are_not_names(text):
    assert privacy_findings(text) == []


def test_names_are_not_joined_across_lines_or_punctuation():
    assert privacy_findings("Hej Anna\nSvensson") == []
    assert privacy_findings("Det var Anna. Svensson kom sen.") == []


# --- whole descriptions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Klotter på gavel mot Hultagatan 12, ca 2x3 m. Anmält 21:40.",
        "Nedskräpning vid Hulta torg, ca 10-12 säckar. Städat 2026-03-14.",
        "Ungdomar samlades vid Stora torget kl 21.40, bil ABC 123 körde fort.",
        "Trasig belysning på gångvägen mellan Norrby och Hässleholmens centrum sedan 14/3.",
        "Bränd container bakom Sandbergsgatan 8. Skada ca 500 kr. Polis tillkallad 22.15.",
        "Inbrott i förråd, port 4B, Hulta. Anmält till Bostäder i Borås.",
        "Ca 15 personer, mopeder utan reg. Pågick 2026-03-14 07:30-08:10.",
        "",
    ],
)
def test_realistic_incident_descriptions_have_no_findings(text):
    assert privacy_findings(text) == []


def test_mixed_description_gives_sorted_findings_of_each_kind():
    text = (
        "Anna Svensson (pnr 121212-1212) ringde från 070-123 45 67, "
        "mejl anna@example.se, om klotter på Hultagatan 12."
    )
    assert kinds(text) == [
        (FindingKind.NAME, "Anna Svensson"),
        (PIN, "121212-1212"),
        (PHONE, "070-123 45 67"),
        (FindingKind.EMAIL, "anna@example.se"),
    ]


def test_every_kind_has_a_short_swedish_description_and_the_hint_is_swedish():
    assert describe_finding(PrivacyFinding(PIN, 0, 1, "x")) == "ser ut som ett personnummer"
    for kind in FindingKind:
        assert describe_finding(PrivacyFinding(kind, 0, 1, "x")).startswith("ser ut som")
    assert PRIVACY_HINT == "Beskriv händelsen och platsen, inte personer"


_TRICKY = st.sampled_from([*"0123456789 -+@.:/()\n\tAaÅåSsoNnEe", "Anna ", "son", "+46"])


@given(st.lists(_TRICKY | st.characters(), max_size=80).map("".join))
def test_findings_never_raise_and_are_sorted_in_bounds_and_non_overlapping(text):
    findings = privacy_findings(text)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert isinstance(describe_finding(finding), str)
    for earlier, later in itertools.pairwise(findings):
        assert earlier.end <= later.start
