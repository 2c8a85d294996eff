"""The incident list's queries: what each filter lets through, and paging by keyset."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from est_desktop.domain.incident import LOCAL_TZ, Incident, Source, SyncState
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter, IncidentListRow, SortKey
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.tables import IncidentRow
from tests.conftest import NOW
from tests.store.records import at, incident, repository_with


def found(repository: IncidentRepository, where: IncidentFilter) -> set[str]:
    """The descriptions the filter lets through; count and page must agree."""
    rows = repository.page(where, limit=1000)
    assert repository.count(where) == len(rows)
    return {row.description for row in rows}


# -- filters --


def test_the_period_includes_its_start_and_excludes_its_end(store: Store) -> None:
    repository = repository_with(
        store,
        incident(occurred_at=at(7, 59), description="före"),
        incident(occurred_at=at(8), description="start"),
        incident(occurred_at=at(9, 59), description="inne"),
        incident(occurred_at=at(10), description="slut"),
    )

    assert found(repository, IncidentFilter(start=at(8), end=at(10))) == {"start", "inne"}
    assert found(repository, IncidentFilter(start=at(8))) == {"start", "inne", "slut"}
    assert found(repository, IncidentFilter(end=at(8))) == {"före"}


def test_the_period_compares_instants_whatever_the_time_zone(store: Store) -> None:
    repository = repository_with(store, incident(occurred_at=at(8), description="start"))
    start_in_boras = at(8).astimezone(LOCAL_TZ)  # 09:00 in Borås

    assert found(repository, IncidentFilter(start=start_in_boras)) == {"start"}
    assert found(repository, IncidentFilter(end=start_in_boras)) == set()


def test_districts_categories_and_sources_each_narrow_the_list(store: Store) -> None:
    repository = repository_with(
        store,
        incident(district="hulta", category="klotter", description="a"),
        incident(district="norrby", category="glaskross", description="b"),
        incident(district="hassleholmen", category="klotter", description="c"),
        incident(district=None, category="bilbrand", source=Source.POLICE, description="d"),
    )

    assert found(repository, IncidentFilter(districts=frozenset({"hulta", "norrby"}))) == {
        "a",
        "b",
    }
    assert found(repository, IncidentFilter(categories=frozenset({"klotter"}))) == {"a", "c"}
    assert found(repository, IncidentFilter(sources=frozenset({"police"}))) == {"d"}
    assert found(repository, IncidentFilter(sources=frozenset({"staff"}))) == {"a", "b", "c"}
    assert found(
        repository,
        IncidentFilter(
            districts=frozenset({"hulta", "hassleholmen"}), categories=frozenset({"klotter"})
        ),
    ) == {"a", "c"}
    assert found(repository, IncidentFilter()) == {"a", "b", "c", "d"}


def test_free_text_searches_description_and_place_ignoring_case_including_swedish_letters(
    store: Store,
) -> None:
    repository = repository_with(
        store,
        incident(description="Klotter vid ÅTERVINNINGEN", place_name="", district="hulta"),
        incident(description="Ödslig gångtunnel", place_name="Ärlegatan"),
        incident(description="Glaskross", place_name="Hulta torg"),
    )

    def search(text: str) -> set[str]:
        return found(repository, IncidentFilter(text=text))

    assert search("återvinningen") == {"Klotter vid ÅTERVINNINGEN"}
    assert search("ÖDSLIG") == {"Ödslig gångtunnel"}
    assert search("ärlegatan") == {"Ödslig gångtunnel"}
    assert search("GÅNG") == {"Ödslig gångtunnel"}
    assert search("hulta") == {"Glaskross"}, "the place is searched, the district is not"
    assert (
        search("   ")
        == search("")
        == {
            "Klotter vid ÅTERVINNINGEN",
            "Ödslig gångtunnel",
            "Glaskross",
        }
    )


def test_several_words_must_all_occur_in_any_order(store: Store) -> None:
    repository = repository_with(
        store,
        incident(description="Klotter på väggen"),
        incident(description="Klotter på bussen"),
        incident(description="Väggen sprucken"),
    )

    assert found(repository, IncidentFilter(text="väggen klotter")) == {"Klotter på väggen"}
    assert found(repository, IncidentFilter(text="klotter  ")) == {
        "Klotter på väggen",
        "Klotter på bussen",
    }
    assert found(repository, IncidentFilter(text="klotter saknas")) == set()


def test_percent_underscore_and_backslash_in_the_search_are_taken_literally(
    store: Store,
) -> None:
    repository = repository_with(
        store,
        incident(description="100% sönder"),
        incident(description="1000 sönder"),
        incident(description="rum_3"),
        incident(description="rum 3"),
        incident(description="c:\\temp"),
        incident(description="c:temp"),
    )

    assert found(repository, IncidentFilter(text="100%")) == {"100% sönder"}
    assert found(repository, IncidentFilter(text="%")) == {"100% sönder"}
    assert found(repository, IncidentFilter(text="rum_3")) == {"rum_3"}
    assert found(repository, IncidentFilter(text="_")) == {"rum_3"}
    assert found(repository, IncidentFilter(text="c:\\")) == {"c:\\temp"}


def test_deleted_records_are_left_out_of_count_and_page(store: Store) -> None:
    repository = repository_with(
        store,
        incident(description="kvar"),
        incident(description="borta", deleted=True),
    )

    assert found(repository, IncidentFilter()) == {"kvar"}
    assert found(repository, IncidentFilter(text="borta")) == set()


def test_the_list_is_newest_first_by_default_and_pages_after_the_last_row(store: Store) -> None:
    repository = repository_with(
        store,
        *(incident(occurred_at=NOW - timedelta(hours=n), description=str(n)) for n in range(5)),
    )

    first = repository.page(IncidentFilter(), limit=2)
    second = repository.page(IncidentFilter(), limit=2, after=first[-1])
    last = repository.page(IncidentFilter(), limit=2, after=second[-1])

    assert [r.description for r in first + second + last] == ["0", "1", "2", "3", "4"]
    assert repository.page(IncidentFilter(), limit=2, after=last[-1]) == []


# -- keyset paging against one big page --

DISTRICTS = [None, "hulta", "norrby", "hassleholmen"]
CATEGORIES = ["klotter", "glaskross", "bilbrand", "nedskrapning"]
PLACES = ["", "Hulta torg", "Ärlegatan", "Åsbogatan", "Östermalm"]

records = st.lists(
    st.builds(
        lambda minutes, district, category, place, source, state: incident(
            occurred_at=NOW - timedelta(minutes=minutes),
            district=district,
            category=category,
            place_name=place,
            source=source,
            sync_state=state,
        ),
        st.integers(0, 4),  # few distinct times: many ties
        st.sampled_from(DISTRICTS),
        st.sampled_from(CATEGORIES),
        st.sampled_from(PLACES),
        st.sampled_from(list(Source)),
        st.sampled_from(list(SyncState)),
    ),
    max_size=25,
)


@pytest.fixture(scope="module")
def shared_store() -> Iterator[Store]:
    """One store for all examples of the property below; each example empties it first."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "est.sqlite")
        yield store
        store.close()


def sort_key(sort: SortKey):
    if sort is SortKey.OCCURRED_AT:
        return lambda row: (row.occurred_at, row.pk)
    return lambda row: (getattr(row, sort.value), row.occurred_at, row.pk)


def walk(
    repository: IncidentRepository, sort: SortKey, descending: bool, limit: int, total: int
) -> list[IncidentListRow]:
    """Every row, a page of `limit` at a time, each page starting after the last row seen."""
    rows: list[IncidentListRow] = []
    after = None
    while True:
        page = repository.page(
            IncidentFilter(), sort=sort, descending=descending, after=after, limit=limit
        )
        assert len(page) <= limit
        rows.extend(page)
        if len(page) < limit:
            return rows
        after = page[-1]
        assert len(rows) <= total, "paging goes on past the last row"


@settings(
    max_examples=75,
    deadline=None,
)
@given(records=records, limit=st.integers(1, 4))
def test_walking_pages_gives_the_same_rows_in_the_same_order_as_one_big_page(
    shared_store: Store, records: list[Incident], limit: int
) -> None:
    with shared_store.transaction() as conn:
        conn.execute(delete(IncidentRow))
    repository = repository_with(shared_store, *records)
    ids = {str(r.id) for r in records}

    for sort in SortKey:
        for descending in (True, False):
            everything = repository.page(
                IncidentFilter(), sort=sort, descending=descending, limit=10_000
            )
            walked = walk(repository, sort, descending, limit, len(records))

            assert walked == everything, (sort, descending)
            assert len({row.id for row in walked}) == len(walked), "no duplicates"
            assert {row.id for row in walked} == ids, "no gaps"
            assert everything == sorted(everything, key=sort_key(sort), reverse=descending)
