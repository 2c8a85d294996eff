from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.text_search import TypeAhead, fold


def test_fold_ignores_case_and_diacritics():
    assert fold("  Hässleholmens  CENTRUM ") == "hassleholmens centrum"


def test_word_start_matches_rank_before_inner_matches():
    index = TypeAhead([("inner", "Soprumsbrand"), ("start", "Brand i skog")])
    assert index.search("brand") == ["start", "inner"]


def test_empty_text_lists_everything_in_the_given_order():
    index = TypeAhead([(1, "b"), (2, "a")])
    assert index.search("") == [1, 2]


def test_category_search_finds_a_group_by_its_swedish_name_without_diacritics():
    found = {c.code for c in Taxonomy.load().search("skadegorelse")}
    assert {"klotter", "glaskross", "skadegorelse_fordon", "skadegorelse_ovrig"} <= found


def test_recently_used_categories_come_first():
    taxonomy = Taxonomy.load()
    assert [c.code for c in taxonomy.search("", first=["bilbrand", "klotter"])][:2] == [
        "bilbrand",
        "klotter",
    ]


def test_category_search_matches_english_labels_too():
    assert "trasig_belysning" in {c.code for c in Taxonomy.load().search("lighting")}
