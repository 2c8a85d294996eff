"""The category taxonomy: what the entry form offers."""

from est_desktop.domain.categories import Taxonomy


def test_omappad_is_for_imports_only_never_offered_when_recording():
    taxonomy = Taxonomy.load()
    assert taxonomy.is_active("omappad")  # an imported record with it is valid and syncs
    assert taxonomy.label("omappad") == "Omappad"
    assert "omappad" not in {c.code for c in taxonomy.search("omappad")}
    assert "omappad" not in {c.code for c in taxonomy.search("", first=["omappad"], limit=100)}
