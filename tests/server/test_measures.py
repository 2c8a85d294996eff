"""Measures: their fields and rules (domain/measure.py) and their push by those who manage them."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.measure import (
    Measure,
    MeasureDraft,
    MeasureStatus,
    check_measure,
    measure_from_wire,
    measure_to_wire,
    parse_measure_fields,
)
from tests.server.helpers_sync import (
    ADAM,
    ALVA,
    ANNA,
    HULTA,
    NORRBY,
    NOT_YOURS,
    PETRA,
    SyncEnv,
    change,
    measure_fields,
    sync_fixture,  # noqa: F401  (the `sync` fixture)
)

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[12.97, 57.72], [12.98, 57.72], [12.98, 57.73], [12.97, 57.72]]],
}
DISTRICTS = {"hulta", "norrby", "ovriga"}

# ---- the domain module -----------------------------------------------------------------------


def test_a_full_measure_parses_and_travels_unchanged() -> None:
    fields = {
        "title": "Väktare",
        "description": "Två kvällar i veckan",
        "district": "hulta",
        "lat": HULTA[0],
        "lon": HULTA[1],
        "radius_m": 250,
        "area": SQUARE,
        "start_date": "2026-12-01",
        "end_date": "2027-02-28",
        "status": "ongoing",
        "responsible_organisation": "bostader",
        "categories": ["klotter", "glaskross"],
        "follow_up": "",
    }
    values, problems = parse_measure_fields(fields)
    assert problems == {}
    draft = MeasureDraft(**values)
    assert (draft.start_date, draft.status, draft.categories) == (
        date(2026, 12, 1),
        MeasureStatus.ONGOING,
        ("klotter", "glaskross"),
    )
    record = measure_to_wire(Measure(uuid.uuid4(), draft, revision=1))
    assert {name: record[name] for name in fields} == {**fields, "radius_m": 250.0}
    assert measure_from_wire(record).draft == draft


BAD_FIELDS: list[tuple[str, Any, str]] = [
    ("title", 5, "wrong_type"),
    ("start_date", "1 december", "bad_date"),
    ("start_date", "2026-02-30", "bad_date"),
    ("start_date", 20261201, "bad_date"),
    ("end_date", "2026-12-01T00:00:00Z", "bad_date"),
    ("status", "maybe", "bad_choice"),
    ("lat", "57.7", "wrong_type"),
    ("radius_m", float("nan"), "wrong_type"),
    ("area", [1, 2], "wrong_type"),
    ("categories", "klotter", "wrong_type"),
    ("categories", [1], "wrong_type"),
    ("district", 3, "wrong_type"),
    ("owner", "x", "unknown_field"),
]


def test_a_value_of_the_wrong_type_is_named_per_field() -> None:
    for name, value, code in BAD_FIELDS:
        _values, problems = parse_measure_fields({name: value})
        assert list(problems) == [name] and problems[name][0] == code, (name, value)


RULES: list[tuple[dict[str, Any], str, str]] = [
    ({"title": " "}, "title", "required_title"),
    ({"title": "x" * 201}, "title", "too_long"),
    ({"start_date": None}, "start_date", "required_start"),
    ({"end_date": date(2026, 11, 30)}, "end_date", "end_before_start"),
    ({"lat": 57.7}, "lon", "position_pair"),
    ({"lat": 50.0, "lon": 12.9}, "lat", "lat_outside"),
    ({"lat": 57.7, "lon": 14.0}, "lon", "lon_outside"),
    ({"radius_m": 0.0}, "radius_m", "radius_not_positive"),
    ({"area": {"type": "Point", "coordinates": [12.9, 57.7]}}, "area", "bad_area"),
    (
        {"area": {"type": "Polygon", "coordinates": [[[1, 2], [3, 4], [5, 6], [7, 8]]]}},
        "area",
        "bad_area",
    ),
    ({"area": {"type": "Polygon", "coordinates": [[[1, 2], [3, 4], [1, 2]]]}}, "area", "bad_area"),
    (
        {"area": {"type": "Polygon", "coordinates": [[[1, "2"], [3, 4], [5, 6], [1, "2"]]]}},
        "area",
        "bad_area",
    ),
    ({"categories": ("klotter", "nope")}, "categories", "unknown_category"),
    ({"district": "atlantis"}, "district", "unknown_district"),
    ({"follow_up": "x" * 4001}, "follow_up", "too_long"),
]


def test_each_rule_names_its_field(taxonomy: Taxonomy) -> None:
    valid = MeasureDraft(title="Belysning", start_date=date(2026, 12, 1))
    assert check_measure(valid, taxonomy, DISTRICTS) == []
    for overrides, field, code in RULES:
        problems = check_measure(
            MeasureDraft(**{**_fields(valid), **overrides}), taxonomy, DISTRICTS
        )
        assert [(p.field, p.code) for p in problems] == [(field, code)], overrides
        assert problems[0].message


def _fields(draft: MeasureDraft) -> dict[str, Any]:
    return {name: getattr(draft, name) for name in MeasureDraft.__dataclass_fields__}


# ---- push ------------------------------------------------------------------------------------


def test_an_analyst_creates_a_measure_with_defaults_and_a_derived_district(sync: SyncEnv) -> None:
    result = sync.create(ALVA, entity="measure", lat=HULTA[0], lon=HULTA[1], radius_m=300)
    record = result["record"]
    assert (record["status"], record["district"], record["categories"]) == ("planned", "hulta", [])
    assert (record["organisation"], record["created_by"], record["revision"]) == (
        "boras_stad",
        "alva",
        1,
    )
    row = sync.stored(result["id"])
    assert (row.entity, row.source) == ("measure", "staff")


def test_a_district_given_by_the_client_is_kept(sync: SyncEnv) -> None:
    record = sync.create(ALVA, entity="measure", district="norrby", lat=HULTA[0], lon=HULTA[1])
    assert record["record"]["district"] == "norrby"


def test_moving_a_measure_moves_a_derived_district(sync: SyncEnv) -> None:
    made = sync.create(ALVA, entity="measure", lat=HULTA[0], lon=HULTA[1])
    moved = sync.edit(ALVA, made["id"], 1, entity="measure", lat=NORRBY[0], lon=NORRBY[1])
    assert moved["record"]["district"] == "norrby"


def test_a_new_measure_without_title_or_start_is_rejected(sync: SyncEnv) -> None:
    result = sync.push_one(ALVA, change(fields={"description": "x"}, entity="measure"))
    assert result["status"] == "rejected"
    assert result["errors"] == {
        "title": "Fältet krävs för en ny åtgärd.",
        "start_date": "Fältet krävs för en ny åtgärd.",
    }


def test_bad_measure_fields_are_rejected_per_field(sync: SyncEnv) -> None:
    bad = [
        change(fields=measure_fields(**{name: value}), entity="measure")
        for name, value, _ in BAD_FIELDS
    ]
    results = sync.push(ALVA, *bad)
    for (name, value, _), result in zip(BAD_FIELDS, results, strict=True):
        assert result["status"] == "rejected" and list(result["errors"]) == [name], (name, value)
    rules = sync.push_one(
        ALVA,
        change(
            fields=measure_fields(end_date="2026-01-01", area=SQUARE | {"type": "x"}),
            entity="measure",
        ),
    )
    assert set(rules["errors"]) == {"end_date", "area"}
    assert sync.counts()[0] == 0


def test_only_analysts_and_admins_create_or_change_measures(sync: SyncEnv) -> None:
    for user in (ANNA, PETRA):
        refused = sync.push_one(user, change(fields=measure_fields(), entity="measure"))
        assert refused["status"] == "rejected" and list(refused["errors"]) == ["entity"]
    made = sync.create(ALVA, entity="measure")
    edit = sync.edit(ANNA, made["id"], 1, entity="measure", title="Nej")
    assert edit["errors"] == {"id": NOT_YOURS}
    assert sync.delete(ANNA, made["id"], 1, entity="measure")["errors"] == {"id": NOT_YOURS}
    # Any manager may change any measure, whatever its organisation.
    assert sync.edit(ADAM, made["id"], 1, entity="measure", status="ongoing")["status"] == "applied"


def test_measures_share_the_revision_machinery(sync: SyncEnv) -> None:
    made = sync.create(ALVA, entity="measure")
    sync.edit(ADAM, made["id"], 1, entity="measure", status="ongoing")
    merged = sync.edit(ALVA, made["id"], 1, entity="measure", follow_up="Mindre klotter")
    assert (merged["status"], merged["revision"]) == ("merged", 3)
    conflict = sync.edit(ALVA, made["id"], 1, entity="measure", status="done")
    assert conflict["status"] == "conflict" and conflict["record"]["status"] == "ongoing"
    same = sync.edit(ALVA, made["id"], 1, entity="measure", categories=[])
    assert (same["status"], same["revision"]) == ("applied", 3)
    gone = sync.delete(ALVA, made["id"], 3, entity="measure")
    assert gone["record"]["deleted"] is True and gone["revision"] == 4


def test_measures_are_pulled_by_everyone(sync: SyncEnv) -> None:
    made = sync.create(ALVA, entity="measure", area=SQUARE)
    for user in (ANNA, PETRA, ADAM):
        pulled = sync.pull_all(user)
        assert pulled[made["id"]]["entity"] == "measure"
        assert pulled[made["id"]]["record"] == made["record"]
