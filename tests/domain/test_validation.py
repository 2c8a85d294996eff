"""The incident rules of PROTOCOL.md as `check_incident` applies them, and the category list."""

from __future__ import annotations

import copy
import json
import math
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, IncidentDraft, LocationPrecision
from est_desktop.domain.validation import (
    MESSAGES,
    FieldProblem,
    check_incident,
)
from est_desktop.resources import resource_path

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def draft(**fields: Any) -> IncidentDraft:
    values: dict[str, Any] = {
        "occurred_at": NOW - timedelta(hours=2),
        "category": "klotter",
        "lat": 57.7203,
        "lon": 12.9690,
    }
    return IncidentDraft(**{**values, **fields})


def problems(taxonomy: Taxonomy, **fields: Any) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in check_incident(draft(**fields), taxonomy, NOW)]


def test_a_complete_draft_has_no_problems(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy) == []


# -- time --


def test_a_missing_time_is_a_problem(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy, occurred_at=None) == [("occurred_at", "required_time")]


def test_a_time_without_a_time_zone_is_a_problem(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy, occurred_at=datetime(2026, 11, 26, 9, 0)) == [
        ("occurred_at", "naive_time")
    ]


@pytest.mark.parametrize(
    ("ahead", "allowed"),
    [
        (timedelta(0), True),
        (timedelta(minutes=10), True),
        (timedelta(minutes=10, seconds=1), False),
        (timedelta(minutes=11), False),
        (timedelta(days=1), False),
    ],
)
def test_a_time_up_to_ten_minutes_ahead_is_allowed_and_later_is_not(
    taxonomy: Taxonomy, ahead: timedelta, allowed: bool
) -> None:
    found = problems(taxonomy, occurred_at=NOW + ahead)
    assert found == ([] if allowed else [("occurred_at", "future_time")])


def test_the_future_limit_compares_instants_across_time_zones(taxonomy: Taxonomy) -> None:
    in_boras = (NOW + timedelta(minutes=10)).astimezone(LOCAL_TZ)
    assert problems(taxonomy, occurred_at=in_boras) == []
    assert problems(taxonomy, occurred_at=in_boras + timedelta(minutes=1)) == [
        ("occurred_at", "future_time")
    ]


def test_an_end_time_before_the_start_is_a_problem(taxonomy: Taxonomy) -> None:
    start = NOW - timedelta(hours=2)
    assert problems(taxonomy, occurred_at=start, occurred_until=start - timedelta(seconds=1)) == [
        ("occurred_until", "until_before_start")
    ]


def test_an_end_time_equal_to_or_after_the_start_is_allowed(taxonomy: Taxonomy) -> None:
    start = NOW - timedelta(hours=2)
    assert problems(taxonomy, occurred_at=start, occurred_until=start) == []
    assert problems(taxonomy, occurred_at=start, occurred_until=start + timedelta(hours=1)) == []


def test_an_end_time_without_a_time_zone_is_a_problem(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy, occurred_until=datetime(2026, 11, 26, 11, 0)) == [
        ("occurred_until", "naive_time")
    ]


# -- category --


@pytest.mark.parametrize("code", ["", "   "])
def test_a_missing_category_is_a_problem(taxonomy: Taxonomy, code: str) -> None:
    assert problems(taxonomy, category=code) == [("category", "required_category")]


def test_an_unknown_category_is_a_problem_that_names_it(taxonomy: Taxonomy) -> None:
    [problem] = check_incident(draft(category="finns_inte"), taxonomy, NOW)
    assert (problem.field, problem.code) == ("category", "unknown_category")
    assert "finns_inte" in problem.message


def test_an_inactive_category_is_a_problem_that_names_it() -> None:
    retired = Taxonomy.from_dict(
        {
            "groups": [
                {
                    "code": "ovrigt",
                    "label_sv": "Övrigt",
                    "label_en": "Other",
                    "categories": [
                        {"code": "ovrigt", "label_sv": "Övrigt", "label_en": "Other"},
                        {
                            "code": "gammal",
                            "label_sv": "Gammal",
                            "label_en": "Old",
                            "active": False,
                        },
                    ],
                }
            ]
        }
    )

    [problem] = check_incident(draft(category="gammal"), retired, NOW)

    assert (problem.field, problem.code) == ("category", "inactive_category")
    assert "gammal" in problem.message
    assert check_incident(draft(category="ovrigt"), retired, NOW) == []


# -- position --


def test_a_missing_position_is_one_problem(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy, lat=None, lon=None) == [("lat", "required_position")]


@pytest.mark.parametrize("lat", [57.55, 57.7203, 57.90])
def test_latitudes_inside_the_borås_box_including_its_edges_are_allowed(
    taxonomy: Taxonomy, lat: float
) -> None:
    assert problems(taxonomy, lat=lat) == []


@pytest.mark.parametrize("lat", [57.5499, 57.9001, 59.33, 0.0, -57.7])
def test_latitudes_outside_the_borås_box_are_a_problem(taxonomy: Taxonomy, lat: float) -> None:
    assert problems(taxonomy, lat=lat) == [("lat", "lat_outside")]


@pytest.mark.parametrize("lon", [12.65, 12.969, 13.25])
def test_longitudes_inside_the_borås_box_including_its_edges_are_allowed(
    taxonomy: Taxonomy, lon: float
) -> None:
    assert problems(taxonomy, lon=lon) == []


@pytest.mark.parametrize("lon", [12.6499, 13.2501, 18.06])
def test_longitudes_outside_the_borås_box_are_a_problem(taxonomy: Taxonomy, lon: float) -> None:
    assert problems(taxonomy, lon=lon) == [("lon", "lon_outside")]


def test_the_outside_message_gives_the_allowed_range(taxonomy: Taxonomy) -> None:
    [problem] = check_incident(draft(lat=58.0), taxonomy, NOW)
    assert "57.55" in problem.message and "57.9" in problem.message


@pytest.mark.parametrize("value", [None, math.nan, math.inf, -math.inf, True, "57.72"], ids=repr)
def test_a_latitude_that_is_not_a_finite_number_is_a_problem(taxonomy: Taxonomy, value) -> None:
    assert problems(taxonomy, lat=value) == [("lat", "not_a_number")]


def test_a_longitude_that_is_not_a_finite_number_is_a_problem(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy, lon=None) == [("lon", "not_a_number")]
    assert problems(taxonomy, lon=math.nan) == [("lon", "not_a_number")]


def test_an_integer_position_is_a_number(taxonomy: Taxonomy) -> None:
    # 58 is outside the box, but it is a number: the problem says so, not "not a number".
    assert problems(taxonomy, lat=58) == [("lat", "lat_outside")]


def test_when_only_the_municipality_is_known_no_position_is_needed(taxonomy: Taxonomy) -> None:
    municipality = LocationPrecision.MUNICIPALITY
    assert problems(taxonomy, lat=None, lon=None, location_precision=municipality) == []
    assert problems(taxonomy, lat=99.0, lon=None, location_precision=municipality) == []


# -- lengths --


@pytest.mark.parametrize(
    ("field", "limit"), [("description", 2000), ("place_name", 200), ("external_id", 200)]
)
def test_text_up_to_its_limit_is_allowed_and_one_more_character_is_not(
    taxonomy: Taxonomy, field: str, limit: int
) -> None:
    assert problems(taxonomy, **{field: "å" * limit}) == []

    [problem] = check_incident(draft(**{field: "å" * (limit + 1)}), taxonomy, NOW)

    assert (problem.field, problem.code) == (field, "too_long")
    assert problem.params == {"limit": limit, "length": limit + 1}
    assert str(limit) in problem.message and str(limit + 1) in problem.message


def test_no_external_id_is_allowed(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy, external_id=None) == []


# -- all at once --


def test_every_problem_is_reported_at_once(taxonomy: Taxonomy) -> None:
    found = problems(
        taxonomy,
        occurred_at=NOW + timedelta(hours=1),
        category="finns_inte",
        lat=60.0,
        lon=11.0,
        description="x" * 2001,
        place_name="p" * 201,
        external_id="e" * 201,
    )

    assert found == [
        ("occurred_at", "future_time"),
        ("category", "unknown_category"),
        ("lat", "lat_outside"),
        ("lon", "lon_outside"),
        ("description", "too_long"),
        ("place_name", "too_long"),
        ("external_id", "too_long"),
    ]


def test_missing_time_category_and_position_are_reported_together(taxonomy: Taxonomy) -> None:
    assert problems(taxonomy, occurred_at=None, category="", lat=None, lon=None) == [
        ("occurred_at", "required_time"),
        ("category", "required_category"),
        ("lat", "required_position"),
    ]


def test_every_message_template_formats_with_its_parameters() -> None:
    params = {"code": "x", "low": 1, "high": 2, "limit": 3, "length": 4}
    for code, template in MESSAGES.items():
        message = FieldProblem("f", code, params).message
        assert message and "{" not in message, code
        assert FieldProblem("f", code, params).template == template


# -- the category list --


def test_the_shipped_category_list_has_every_group_of_the_issue(taxonomy: Taxonomy) -> None:
    assert [group.label_sv for group in taxonomy.groups] == [
        "Skadegörelse",
        "Brand",
        "Ordning och otrygghet",
        "Narkotika",
        "Inbrott och stöld",
        "Trafik",
        "Fysisk miljö",
        "Övrigt",
    ]
    assert all(group.categories for group in taxonomy.groups)


def test_the_shipped_category_codes_are_unique(taxonomy: Taxonomy) -> None:
    raw = json.loads(resource_path("categories.json").read_text(encoding="utf-8"))
    codes = [item["code"] for group in raw["groups"] for item in group["categories"]]
    assert len(codes) == len(set(codes))
    assert [c.code for c in taxonomy.categories()] == codes


def test_every_shipped_category_and_group_has_a_swedish_and_an_english_label(
    taxonomy: Taxonomy,
) -> None:
    for group in taxonomy.groups:
        assert group.label("sv").strip() and group.label("en").strip(), group.code
        for category in group.categories:
            assert category.label_sv.strip() and category.label_en.strip(), category.code
            assert category.group == group.code
            assert taxonomy.label(category.code, "en") == category.label_en
            assert taxonomy.group_label(category.code) == group.label_sv


def test_the_category_list_carries_a_version(taxonomy: Taxonomy) -> None:
    assert taxonomy.version


def test_an_unknown_code_shows_as_itself(taxonomy: Taxonomy) -> None:
    assert taxonomy.label("borttagen_kod") == "borttagen_kod"
    assert taxonomy.category("borttagen_kod") is None
    assert not taxonomy.is_active("borttagen_kod")


def valid_dict() -> dict[str, Any]:
    return {
        "version": "1",
        "groups": [
            {
                "code": "brand",
                "label_sv": "Brand",
                "label_en": "Fire",
                "categories": [{"code": "bilbrand", "label_sv": "Bilbrand", "label_en": "Car"}],
            }
        ],
    }


def without(path: list[Any]) -> dict[str, Any]:
    data = valid_dict()
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return data


def replaced(path: list[Any], value: object) -> dict[str, Any]:
    data = valid_dict()
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        without(["groups", 0, "code"]),
        without(["groups", 0, "categories"]),
        without(["groups", 0, "categories", 0, "label_en"]),
        without(["groups", 0, "categories", 0, "code"]),
        replaced(["groups"], 5),
        replaced(["groups", 0, "categories"], None),
        replaced(["groups", 0, "categories", 0], "bilbrand"),
    ],
    ids=[
        "empty",
        "a list",
        "group without code",
        "group without categories",
        "category without English label",
        "category without code",
        "groups not a list",
        "categories null",
        "category not an object",
    ],
)
def test_a_malformed_category_list_is_refused_with_a_value_error(data: Any) -> None:
    with pytest.raises(ValueError, match="malformed"):
        Taxonomy.from_dict(data)


def test_a_category_list_with_a_code_twice_is_refused_naming_the_code() -> None:
    data = valid_dict()
    data["groups"].append(copy.deepcopy(data["groups"][0]) | {"code": "brand2"})

    with pytest.raises(ValueError, match="bilbrand"):
        Taxonomy.from_dict(data)


def test_a_well_formed_category_list_parses() -> None:
    parsed = Taxonomy.from_dict(valid_dict())
    assert parsed.version == "1"
    assert parsed.codes_in_group("brand") == ["bilbrand"]
    assert parsed.is_active("bilbrand")
