"""Push of incidents: applied, merged, conflict, rejected, idempotent, permitted (PROTOCOL.md)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import IntegrityError

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.wire import incident_from_wire, incident_to_wire
from est_desktop.server.batch_state import BatchState
from tests.server.helpers_sync import (
    ADAM,
    ALVA,
    ANNA,
    BERIT,
    HULTA,
    NORRBY,
    NOT_YOURS,
    OLLE,
    PETRA,
    SyncEnv,
    change,
    incident_fields,
    make_env,
    new_id,
    sync_fixture,  # noqa: F401  (the `sync` fixture)
)

# ---- new records ---------------------------------------------------------------------------


def test_a_new_incident_is_applied_at_revision_1_with_the_server_fields(sync: SyncEnv) -> None:
    record_id = new_id()
    result = sync.push_one(ANNA, change(record_id, incident_fields(place_name="Muren")))
    assert result["status"] == "applied"
    assert (result["id"], result["revision"], result["errors"]) == (record_id, 1, {})
    record = result["record"]
    assert record["id"] == record_id and record["revision"] == 1 and record["deleted"] is False
    assert record["occurred_at"] == "2026-11-25T20:40:00Z"  # answered in UTC
    assert (record["organisation"], record["created_by"], record["updated_by"]) == (
        "bostader",
        "anna",
        "anna",
    )
    assert record["created_at"] == record["updated_at"] == "2026-11-26T12:00:00Z"
    assert record["district"] == "hulta"
    row = sync.stored(record_id)
    assert (row.revision, row.deleted, row.source, row.organisation) == (
        1,
        False,
        "staff",
        "bostader",
    )
    assert json.loads(row.record) == record


def test_the_stored_record_is_what_the_wire_codec_makes_of_it(sync: SyncEnv) -> None:
    fields = incident_fields(
        occurred_until="2026-11-25T23:00:00+01:00", time_precision="approximate", external_id="x1"
    )
    record = sync.create(**fields)["record"]
    assert incident_to_wire(incident_from_wire(record)) == record
    assert list(incident_to_wire(incident_from_wire(record))) == list(record)


def test_the_district_is_derived_and_a_client_value_ignored(sync: SyncEnv) -> None:
    record = sync.create(district="norrby", lat=HULTA[0], lon=HULTA[1])["record"]
    assert record["district"] == "hulta"
    moved = sync.edit(ANNA, record["id"], 1, lat=NORRBY[0], lon=NORRBY[1])
    assert moved["record"]["district"] == "norrby"


def test_no_district_when_only_the_municipality_is_known(sync: SyncEnv) -> None:
    record = sync.create(location_precision="municipality")["record"]
    assert record["district"] is None


def test_an_uppercase_id_is_stored_in_canonical_lower_case(sync: SyncEnv) -> None:
    record_id = new_id()
    result = sync.push_one(ANNA, change(record_id.upper(), incident_fields()))
    assert result["id"] == record_id and sync.stored(record_id) is not None


@pytest.mark.parametrize("missing", ["occurred_at", "category", "lat", "lon"])
def test_a_new_incident_without_a_required_field_is_rejected(sync: SyncEnv, missing: str) -> None:
    fields = incident_fields()
    del fields[missing]
    result = sync.push_one(ANNA, change(fields=fields))
    assert result["status"] == "rejected"
    assert result["errors"] == {missing: "Fältet krävs för en ny händelse."}
    assert (result["revision"], result["record"]) == (None, None)
    assert sync.counts()[0] == 0


WRONG_VALUES = [
    ("occurred_at", 5),
    ("occurred_at", "yesterday"),
    ("occurred_at", "2026-11-25T21:40:00"),  # no offset
    ("occurred_at", None),
    ("occurred_until", 1.5),
    ("time_precision", "soon"),
    ("time_precision", ["exact"]),
    ("category", 7),
    ("category", "no_such_category"),
    ("description", {"text": "x"}),
    ("description", "x" * 2001),
    ("lat", "57.7"),
    ("lat", True),
    ("lat", None),
    ("lat", 50.0),
    ("lon", [12.9]),
    ("lon", 14.0),
    ("lon", 10**400),
    ("place_name", 3),
    ("place_name", "p" * 201),
    ("location_precision", 1),
    ("police_notified", "yes"),
    ("police_notified", 0),
    ("source", "rumour"),
    ("external_id", 12),
    ("external_id", "e" * 201),
    ("external_id", "a\x00b"),
    ("description", "half a pair: \ud800"),
    ("no_such_field", "x"),
]


def test_a_wrong_value_or_type_rejects_the_change_with_a_message_on_that_field(
    sync: SyncEnv,
) -> None:
    bad = [change(fields=incident_fields(**{name: value})) for name, value in WRONG_VALUES]
    results = sync.push(ANNA, *bad, change(fields=incident_fields()))
    for (name, value), result in zip(WRONG_VALUES, results, strict=False):
        assert result["status"] == "rejected", (name, value, result)
        assert list(result["errors"]) == [name], (name, value, result)
        assert isinstance(result["errors"][name], str) and result["errors"][name]
    assert results[-1]["status"] == "applied"
    assert sync.counts() == (1, len(WRONG_VALUES) + 1)


def test_an_incident_in_the_future_is_rejected(sync: SyncEnv) -> None:
    result = sync.push_one(ANNA, change(fields=incident_fields(occurred_at="2026-11-26T13:30:00Z")))
    assert result["errors"] == {"occurred_at": "Tiden ligger i framtiden. Ange när det hände."}


def test_server_set_fields_from_the_client_are_ignored(sync: SyncEnv) -> None:
    fields = incident_fields(revision=99, organisation="polisen", created_by="x", deleted=True)
    record = sync.create(**fields)["record"]
    assert (record["revision"], record["organisation"], record["created_by"]) == (
        1,
        "bostader",
        "anna",
    )
    assert record["deleted"] is False


BAD_ENVELOPES = [
    ({"entity": "person"}, "entity"),
    ({"entity": None}, "entity"),
    ({"entity": 3}, "entity"),
    ({"op": "insert"}, "op"),
    ({"op": ["upsert"]}, "op"),
    ({"id": "not-a-uuid"}, "id"),
    ({"id": 42}, "id"),
    ({"id": None}, "id"),
    ({"base_revision": "1"}, "base_revision"),
    ({"base_revision": True}, "base_revision"),
    ({"base_revision": -1}, "base_revision"),
    ({"base_revision": 1.0}, "base_revision"),
    ({"fields": ["occurred_at"]}, "fields"),
    ({"fields": "x"}, "fields"),
    ({"fields": None}, "fields"),
]


def test_a_malformed_change_is_rejected_on_its_own(sync: SyncEnv) -> None:
    bad = [{**change(fields=incident_fields()), **override} for override, _ in BAD_ENVELOPES]
    results = sync.push(ANNA, *bad, change(fields=incident_fields()))
    for (override, field), result in zip(BAD_ENVELOPES, results, strict=False):
        assert result["status"] == "rejected", (override, result)
        assert list(result["errors"]) == [field], (override, result)
        assert result["record"] is None
    assert results[-1]["status"] == "applied"
    assert sync.counts() == (1, len(BAD_ENVELOPES) + 1)


def test_a_change_without_fields_or_id_keys_is_rejected_not_an_error(sync: SyncEnv) -> None:
    results = sync.push(
        ANNA, {"change_id": new_id()}, {"change_id": new_id(), "entity": "incident"}
    )
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert [r["id"] for r in results] == [None, None]


def test_one_bad_change_does_not_stop_the_others_and_writes_nothing(sync: SyncEnv) -> None:
    changes = [change(fields=incident_fields()) for _ in range(3)]
    changes[1]["fields"]["lat"] = "north"
    results = sync.push(ANNA, *changes)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert sync.stored(changes[1]["id"]) is None
    assert sync.counts() == (2, 3)


# ---- idempotency ---------------------------------------------------------------------------


def test_pushing_the_same_change_twice_applies_it_once(sync: SyncEnv) -> None:
    created = sync.create()
    edit = change(created["id"], {"description": "Mer klotter"}, base=1)
    first = sync.push_one(ANNA, edit)
    again = sync.push_one(ANNA, edit)
    assert first == again and first["revision"] == 2
    assert sync.stored(created["id"]).revision == 2


@pytest.mark.parametrize("kind", ["rejected", "conflict"])
def test_a_replayed_change_gets_its_first_answer_even_when_things_changed(
    sync: SyncEnv, kind: str
) -> None:
    created = sync.create()
    sync.edit(BERIT, created["id"], 1, description="Berits text")
    fields = {"lat": "north"} if kind == "rejected" else {"description": "Annas text"}
    first_change = change(created["id"], fields, base=1)
    first = sync.push_one(ANNA, first_change)
    assert first["status"] == kind
    sync.edit(BERIT, created["id"], 2, description="Berit igen")
    assert sync.push_one(ANNA, first_change) == first


def test_a_replay_inside_one_batch_is_answered_like_the_first(sync: SyncEnv) -> None:
    one = change(fields=incident_fields())
    first, second = sync.push(ANNA, one, one)
    assert first == second and sync.counts() == (1, 1)


def test_a_change_id_used_by_another_user_is_rejected(sync: SyncEnv) -> None:
    one = change(fields=incident_fields())
    sync.push_one(ANNA, one)
    other = sync.push_one(OLLE, {**one, "id": new_id()})
    assert other["status"] == "rejected" and list(other["errors"]) == ["change_id"]
    assert sync.counts() == (1, 1)


def test_the_change_id_is_matched_whatever_its_case(sync: SyncEnv) -> None:
    one = change(fields=incident_fields())
    first = sync.push_one(ANNA, one)
    again = sync.push_one(ANNA, {**one, "change_id": one["change_id"].upper()})
    assert again == {**first, "change_id": one["change_id"].upper()}


def test_a_commit_that_loses_a_race_is_retried_whole(
    sync: SyncEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write, calls = BatchState.write, []

    def write_losing_once(state: BatchState, conn: Any) -> None:
        calls.append(1)
        real_write(state, conn)
        if len(calls) == 1:
            raise IntegrityError("INSERT", {}, Exception("duplicate key"))

    monkeypatch.setattr(BatchState, "write", write_losing_once)
    result = sync.push_one(ANNA, change(fields=incident_fields()))
    assert result["status"] == "applied" and len(calls) == 2
    assert sync.counts() == (1, 1)


# ---- edits -----------------------------------------------------------------------------------


def test_an_edit_on_the_current_revision_is_applied(sync: SyncEnv) -> None:
    created = sync.create()
    result = sync.edit(ANNA, created["id"], 1, description="Nytt", police_notified=True)
    assert (result["status"], result["revision"]) == ("applied", 2)
    assert result["record"]["description"] == "Nytt" and result["record"]["police_notified"]
    assert result["record"]["created_at"] == created["record"]["created_at"]
    assert sync.stored(created["id"]).revision == 2


def test_an_edit_of_other_fields_on_an_old_revision_is_merged(sync: SyncEnv) -> None:
    created = sync.create()
    sync.clock.advance(minutes=5)
    sync.edit(BERIT, created["id"], 1, description="Berits text")
    result = sync.edit(ANNA, created["id"], 1, place_name="Hultaskolan")
    assert (result["status"], result["revision"]) == ("merged", 3)
    record = result["record"]
    assert (record["description"], record["place_name"]) == ("Berits text", "Hultaskolan")
    assert (record["updated_by"], record["updated_at"]) == ("anna", "2026-11-26T12:05:00Z")


def test_an_edit_of_a_field_changed_since_its_base_is_a_conflict(sync: SyncEnv) -> None:
    created = sync.create()
    berit = sync.edit(BERIT, created["id"], 1, description="Berits text")
    result = sync.edit(ANNA, created["id"], 1, description="Annas text", place_name="Skolan")
    assert (result["status"], result["revision"]) == ("conflict", 2)
    assert result["record"] == berit["record"] and result["errors"] == {}
    assert sync.stored(created["id"]).revision == 2


def test_setting_the_value_the_server_already_has_is_no_conflict(sync: SyncEnv) -> None:
    created = sync.create()
    sync.edit(BERIT, created["id"], 1, description="Samma")
    result = sync.edit(ANNA, created["id"], 1, description="Samma", place_name="Skolan")
    assert (result["status"], result["revision"]) == ("merged", 3)


def test_an_edit_that_changes_nothing_is_applied_and_writes_nothing(sync: SyncEnv) -> None:
    created = sync.create()
    seq = sync.stored(created["id"]).seq
    same_time = "2026-11-25T20:40:00Z"  # the same moment as created, in another offset
    result = sync.edit(
        ANNA, created["id"], 1, description="Klotter på muren", occurred_at=same_time
    )
    assert (result["status"], result["revision"]) == ("applied", 1)
    assert sync.stored(created["id"]).seq == seq
    assert sync.counts() == (1, 2)  # still answered once for idempotency


def test_an_upsert_with_no_base_of_an_existing_record_is_a_conflict(sync: SyncEnv) -> None:
    created = sync.create()
    result = sync.edit(ANNA, created["id"], None, **incident_fields())
    assert (result["status"], result["record"]) == ("conflict", created["record"])


def test_a_base_revision_the_record_never_had_is_rejected(sync: SyncEnv) -> None:
    created = sync.create()
    result = sync.edit(ANNA, created["id"], 5, description="x")
    assert result["status"] == "rejected" and list(result["errors"]) == ["base_revision"]
    assert result["revision"] == 1


def test_a_later_change_in_a_batch_sees_an_earlier_one(sync: SyncEnv) -> None:
    record_id = new_id()
    results = sync.push(
        ANNA,
        change(record_id, incident_fields()),
        change(record_id, {"description": "Andra"}, base=1),
        change(record_id, {"description": "Tredje"}, base=1),
    )
    assert [(r["status"], r["revision"]) for r in results] == [
        ("applied", 1),
        ("applied", 2),
        ("conflict", 2),
    ]
    assert results[0]["record"]["description"] == "Klotter på muren"
    assert sync.stored(record_id).revision == 2


def test_an_edit_is_checked_only_for_the_problems_it_causes(
    sync: SyncEnv, server_database_url: str, taxonomy: Taxonomy
) -> None:
    created = sync.create(occurred_until="2026-11-25T23:00:00+01:00")
    retired_codes = {"klotter", "glaskross"}
    retired = make_env(server_database_url, retired_taxonomy(taxonomy, retired_codes), sync.clock)
    # klotter is no longer active, but the edit leaves the category alone (or re-sends it).
    assert retired.edit(ANNA, created["id"], 1, description="Ny text")["status"] == "applied"
    resent = retired.edit(ANNA, created["id"], 2, category="klotter", description="Igen")
    assert resent["status"] == "applied"
    rejected = retired.edit(ANNA, created["id"], 3, category="glaskross", description="x")
    assert rejected["status"] == "rejected"  # a category it changes to must be active
    assert list(rejected["errors"]) == ["category"]
    # A rule between fields: a start after the untouched end is reported on the end.
    late = retired.edit(ANNA, created["id"], 3, occurred_at="2026-11-26T00:00:00+01:00")
    assert late["status"] == "rejected" and list(late["errors"]) == ["occurred_until"]
    retired.db.close()


def retired_taxonomy(taxonomy: Taxonomy, codes: set[str]) -> Taxonomy:
    """`taxonomy` with the categories `codes` no longer active."""
    groups = [
        {
            "code": group.code,
            "label_sv": group.label_sv,
            "label_en": group.label_en,
            "categories": [
                {"code": c.code, "label_sv": c.label_sv, "label_en": c.label_en}
                | {"active": c.code not in codes}
                for c in group.categories
            ],
        }
        for group in taxonomy.groups
    ]
    return Taxonomy.from_dict({"groups": groups})


# ---- deletes and tombstones ----------------------------------------------------------------


def test_a_delete_leaves_a_tombstone_at_a_new_revision(sync: SyncEnv) -> None:
    created = sync.create()
    sync.clock.advance(hours=1)
    result = sync.delete(BERIT, created["id"], 1)
    assert (result["status"], result["revision"]) == ("applied", 2)
    record = result["record"]
    assert record["deleted"] is True and record["revision"] == 2
    assert (record["updated_by"], record["updated_at"]) == ("berit", "2026-11-26T13:00:00Z")
    assert record["description"] == "Klotter på muren"
    row = sync.stored(created["id"])
    assert (row.deleted, row.revision) == (True, 2)


def test_deleting_a_tombstone_again_changes_nothing(sync: SyncEnv) -> None:
    created = sync.create()
    sync.delete(ANNA, created["id"], 1)
    result = sync.delete(BERIT, created["id"], 1)
    assert (result["status"], result["revision"]) == ("applied", 2)
    assert sync.stored(created["id"]).revision == 2


def test_a_delete_of_a_version_changed_since_is_a_conflict(sync: SyncEnv) -> None:
    created = sync.create()
    edited = sync.edit(BERIT, created["id"], 1, description="Berit")
    result = sync.delete(ANNA, created["id"], 1)
    assert (result["status"], result["record"]) == ("conflict", edited["record"])
    assert sync.stored(created["id"]).deleted is False


def test_an_edit_of_a_record_deleted_since_its_base_is_a_conflict_showing_the_tombstone(
    sync: SyncEnv,
) -> None:
    created = sync.create()
    tombstone = sync.delete(BERIT, created["id"], 1)
    result = sync.edit(ANNA, created["id"], 1, place_name="Skolan")
    assert (result["status"], result["revision"]) == ("conflict", 2)
    assert result["record"] == tombstone["record"] and result["record"]["deleted"] is True


def test_an_edit_on_the_tombstone_revision_revives_the_record(sync: SyncEnv) -> None:
    created = sync.create()
    sync.delete(BERIT, created["id"], 1)
    result = sync.edit(ANNA, created["id"], 2, description="Behåll min version")
    assert (result["status"], result["revision"]) == ("applied", 3)
    assert result["record"]["deleted"] is False
    assert sync.stored(created["id"]).deleted is False
    # Reviving with nothing changed still revives.
    sync.delete(ANNA, created["id"], 3)
    assert sync.edit(ANNA, created["id"], 4)["record"]["deleted"] is False


def test_a_delete_may_carry_an_object_of_fields_but_nothing_else(sync: SyncEnv) -> None:
    created = sync.create()
    bad = sync.push_one(ANNA, change(created["id"], [], base=1, op="delete"))  # type: ignore[arg-type]
    assert list(bad["errors"]) == ["fields"]
    good = sync.push_one(ANNA, change(created["id"], {}, base=1, op="delete"))
    assert good["status"] == "applied"


# ---- permissions and visibility ------------------------------------------------------------


def test_a_reporter_may_not_change_another_organisations_incident(sync: SyncEnv) -> None:
    created = sync.create(ANNA)
    for attempt in (
        sync.edit(OLLE, created["id"], 1, description="x"),
        sync.delete(OLLE, created["id"], 1),
        sync.edit(ALVA, created["id"], 1, description="x"),  # analysts read, not correct
    ):
        assert attempt["status"] == "rejected" and attempt["errors"] == {"id": NOT_YOURS}
        assert attempt["record"] is None
    assert sync.stored(created["id"]).revision == 1


def test_colleagues_and_admins_may_change_an_incident(sync: SyncEnv) -> None:
    created = sync.create(ANNA)
    assert sync.edit(BERIT, created["id"], 1, description="Berit")["status"] == "applied"
    assert sync.edit(ADAM, created["id"], 2, description="Adam")["status"] == "applied"


def test_only_those_who_see_police_records_may_create_them(sync: SyncEnv) -> None:
    fields = incident_fields(source="police", external_id="K-1")
    refused = sync.push_one(ANNA, change(fields=fields))
    assert refused["status"] == "rejected" and list(refused["errors"]) == ["source"]
    for user in (PETRA, ALVA):
        made = sync.push_one(user, change(fields={**fields, "external_id": user.username}))
        assert made["status"] == "applied" and made["record"]["source"] == "police"


def test_a_reporter_may_not_turn_an_incident_into_a_police_record(sync: SyncEnv) -> None:
    created = sync.create(ANNA)
    result = sync.edit(ANNA, created["id"], 1, source="police")
    assert result["status"] == "rejected" and list(result["errors"]) == ["source"]


def test_an_invisible_record_gets_the_same_answer_as_a_missing_one(sync: SyncEnv) -> None:
    police = sync.create(PETRA, source="police")
    missing = new_id()
    for op, base in (("upsert", 1), ("delete", 1), ("upsert", None)):
        seen = sync.push_one(OLLE, change(police["id"], {"description": "x"}, base=base, op=op))
        unseen = sync.push_one(OLLE, change(missing, {"description": "x"}, base=base, op=op))
        if base is not None:
            assert {**seen, "id": None, "change_id": None} == {
                **unseen,
                "id": None,
                "change_id": None,
            }
        assert seen["status"] == "rejected" and seen["errors"] == {"id": NOT_YOURS}
        assert (seen["revision"], seen["record"]) == (None, None)
    assert sync.stored(police["id"]).revision == 1


def test_an_edit_with_a_base_of_a_missing_record_is_rejected(sync: SyncEnv) -> None:
    result = sync.edit(ANNA, new_id(), 1, description="x")
    assert result["errors"] == {"id": NOT_YOURS} and result["revision"] is None


def test_a_measure_id_cannot_be_edited_as_an_incident(sync: SyncEnv) -> None:
    measure = sync.create(ALVA, entity="measure")
    result = sync.edit(ALVA, measure["id"], 1, description="x")
    assert result["errors"] == {"id": NOT_YOURS}


# ---- external ids --------------------------------------------------------------------------


def test_an_external_id_is_unique_per_source(sync: SyncEnv) -> None:
    first = change(fields=incident_fields(source="police", external_id="K-7"))
    same_batch = change(fields=incident_fields(source="police", external_id="K-7"))
    results = sync.push(PETRA, first, same_batch)
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert (
        list(results[1]["errors"]) == ["external_id"]
        and "finns redan" in results[1]["errors"]["external_id"]
    )
    later = sync.push_one(ALVA, change(fields=incident_fields(source="police", external_id="K-7")))
    assert later["status"] == "rejected"
    staff = sync.push_one(ANNA, change(fields=incident_fields(external_id="K-7")))
    assert staff["status"] == "applied"  # another source
    taking = sync.edit(ANNA, sync.create(ANNA)["id"], 1, external_id="K-7")
    assert list(taking["errors"]) == ["external_id"]
    # Re-sending a record's own external id is no duplicate.
    own = sync.edit(ANNA, staff["id"], 1, external_id="K-7", description="ny")
    assert own["status"] == "applied"


# ---- a model of merged and conflict decisions ----------------------------------------------

EDITS = st.lists(
    st.tuples(
        st.sampled_from([ANNA, BERIT]),
        st.sampled_from(["description", "place_name"]),
        st.sampled_from(["a", "b", "c"]),
        st.booleans(),  # does the user pull the newest version first?
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_merged_and_conflict_decisions_agree_with_a_simple_model(
    sync: SyncEnv, edits: list[tuple[Any, str, str, bool]]
) -> None:
    created = sync.create(place_name="a", description="a")
    revision, values, set_at = 1, {"description": "a", "place_name": "a"}, {}
    base = {ANNA.username: 1, BERIT.username: 1}
    for user, name, value, refresh in edits:
        if refresh:
            base[user.username] = revision
        result = sync.edit(user, created["id"], base[user.username], **{name: value})
        if value == values[name]:
            expected = "applied"
        elif set_at.get(name, 1) > base[user.username]:
            expected = "conflict"
        else:
            expected = "merged" if revision > base[user.username] else "applied"
            revision += 1
            values[name], set_at[name] = value, revision
        assert (result["status"], result["revision"]) == (expected, revision)
        assert {k: result["record"][k] for k in values} == values
        if expected != "conflict":
            base[user.username] = revision
