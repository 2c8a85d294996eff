"""A picture of the map made off screen, as printed summaries use it."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.maps.content import map_data, map_page, page_texts
from est_desktop.maps.snapshot import render_map_png


class Points:
    def __init__(self, lat, lon, category):
        self.lat, self.lon = np.asarray(lat, float), np.asarray(lon, float)
        self.pk = np.arange(1, len(self.lat) + 1, dtype=np.int64)
        self.category = np.asarray(category, dtype=object)

    def __len__(self) -> int:
        return len(self.lat)


def test_the_map_of_a_district_is_drawn_off_screen(qapp):
    taxonomy, districts = Taxonomy.load(), DistrictLookup.default()
    rng = np.random.default_rng(3)
    lat, lon = districts.centroid("hulta")
    points = Points(
        lat + rng.normal(0, 0.002, 400), lon + rng.normal(0, 0.003, 400), ["klotter"] * 400
    )
    page = map_page(taxonomy, districts, texts=page_texts(offline_note=False), attribution="©")
    png = render_map_png(
        page, map_data(points, taxonomy), size=(800, 600), bounds=districts.bounds("hulta")
    )
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (800, 600)
    colours = {image.pixel(x, y) for x in range(0, 800, 17) for y in range(0, 600, 17)}
    assert len(colours) > 5, "a map, not a blank picture"
    # Graffiti belongs to vandalism, whose markers are red (#CC3311).
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    reds = [
        (x, y)
        for x in range(0, 800, 3)
        for y in range(0, 600, 3)
        if abs(rgb.pixelColor(x, y).red() - 0xCC) < 30 and rgb.pixelColor(x, y).green() < 90
    ]
    assert reds, "the incidents' markers are on the picture"
