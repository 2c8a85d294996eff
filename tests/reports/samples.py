"""Hand-made analysis results for the report tests: a busy autumn in Hulta, an empty period,
a week across the three districts. Counts agree with each other as the analysis would make them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import numpy as np

from est_desktop.analysis.comparison import compare
from est_desktop.analysis.results import (
    Bucket,
    CategoryCount,
    DistrictSummary,
    DistrictWeek,
    GroupCount,
    MeasureLine,
    NotifiedIncident,
    Period,
    PlaceCount,
    SourceCounts,
    WeekdayHour,
    WeeklyPicture,
)
from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.reports.report_info import ReportInfo

AUTUMN = Period(
    datetime(2026, 9, 1, tzinfo=LOCAL_TZ),
    datetime(2026, 12, 1, tzinfo=LOCAL_TZ),
    "1 sep–30 nov 2026",
)
WEEK_COUNTS = (7, 9, 6, 11, 14, 12, 8, 10, 13, 9, 11, 8, 10)  # 128 in all
NO_TIME = 6

GROUPS = (
    GroupCount(
        "skadegorelse",
        "Skadegörelse",
        52,
        (
            CategoryCount("klotter", "Klotter", 27),
            CategoryCount("vandalism", "Vandalisering", 19),
            CategoryCount("krossad_ruta", "Krossade rutor", 6),
        ),
    ),
    GroupCount(
        "ordning",
        "Ordningsstörning",
        38,
        (
            CategoryCount("samlingar", "Samlingar av ungdomar", 21),
            CategoryCount("hog_musik", "Hög musik och oljud", 11),
            CategoryCount("fyrverkerier", "Fyrverkerier", 6),
        ),
    ),
    GroupCount(
        "miljo",
        "Nedskräpning och miljö",
        24,
        (
            CategoryCount("nedskrapning", "Nedskräpning", 17),
            CategoryCount("trasig_belysning", "Trasig belysning", 7),
        ),
    ),
    GroupCount("brand", "Bränder", 9, (CategoryCount("brand_soptunna", "Brand i soptunna", 9),)),
    GroupCount("trafik", "Trafik", 5, (CategoryCount("fortkorning", "Fortkörning", 5),)),
)

PLACES = (
    PlaceCount("Hulta torg", 31, 57.7290, 12.9790, True),
    PlaceCount("Hultaskolan", 18, 57.7275, 12.9760, True),
    PlaceCount("Ruta vid Sturegatan 40", 12, 57.7251, 12.9712, False),
    PlaceCount("Hulta centrum, parkeringen", 9, 57.7288, 12.9801, True),
    PlaceCount("Gångtunneln vid Vävaregatan", 7, 57.7262, 12.9695, True),
)

MEASURES = (
    MeasureLine(
        "Väktare kvällstid vid Hulta torg",
        "ongoing",
        date(2026, 10, 1),
        date(2026, 12, 31),
        "Hulta",
        "Bostäder i Borås",
    ),
    MeasureLine(
        "Ny belysning i gångtunneln", "planned", date(2026, 12, 1), None, "Hulta", "Borås Stad"
    ),
    MeasureLine("Polisens närvaro fredagskvällar", "ongoing", None, None, "Hulta", "Polisen"),
)

ASSESSMENT = (
    "Klottret vid Hulta torg ökade under oktober men har minskat sedan väktarna började.\n\n"
    "Samlingarna vid skolan sker mest fredag och lördag kväll; vi föreslår fältarbetare där."
)


def weekday_hour(total: int, seed: int = 7) -> np.ndarray:
    """`total` incidents spread over the week, most on Friday and Saturday evenings."""
    weights = np.ones((7, 24))
    weights[:, 17:23] += 4.0
    weights[4:6, 19:24] += 6.0
    weights[:, 1:6] *= 0.3
    rng = np.random.default_rng(seed)
    return rng.multinomial(total, (weights / weights.sum()).ravel()).reshape(7, 24)


def hulta_autumn(**changes: object) -> DistrictSummary:
    total = sum(WEEK_COUNTS)
    start = AUTUMN.start
    trend = tuple(
        Bucket(start + timedelta(weeks=i), start + timedelta(weeks=i + 1), f"v. {36 + i}", n)
        for i, n in enumerate(WEEK_COUNTS)
    )
    summary = DistrictSummary(
        period=AUTUMN,
        districts=("hulta",),
        district_label="Hulta",
        categories=(),
        total=total,
        previous=compare(total, 85),
        year_before=compare(total, 119),
        trend=trend,
        trend_unit="week",
        weekday_hour=WeekdayHour(weekday_hour(total - NO_TIME), NO_TIME),
        groups=GROUPS,
        places=PLACES,
        sources=SourceCounts(staff=97, police=31),
        police_notified=23,
        measures=MEASURES,
    )
    return replace(summary, **changes)


def empty_summary() -> DistrictSummary:
    return hulta_autumn(
        district_label="Norrby",
        districts=("norrby",),
        total=0,
        previous=compare(0, 0),
        year_before=compare(0, 2),
        trend=tuple(replace(b, count=0) for b in hulta_autumn().trend),
        weekday_hour=WeekdayHour(np.zeros((7, 24), dtype=np.int64), 0),
        groups=(),
        places=(),
        sources=SourceCounts(staff=0, police=None),
        police_notified=0,
        measures=(),
    )


def many_places(count: int = 40) -> tuple[PlaceCount, ...]:
    return tuple(
        PlaceCount(f"Plats nummer {i} vid Hultavägen", 60 - i, 57.72, 12.97, i % 3 != 0)
        for i in range(1, count + 1)
    )


def report_info(**changes: object) -> ReportInfo:
    info = ReportInfo(
        made_by="Anna Svensson",
        made_at=date(2026, 11, 26),
        data_until=date(2026, 11, 30),
        assessment=ASSESSMENT,
    )
    return replace(info, **changes)


WEEK = Period(
    datetime(2026, 11, 19, tzinfo=LOCAL_TZ),
    datetime(2026, 11, 26, tzinfo=LOCAL_TZ),
    "19–25 nov 2026",
)
FOUR_WEEKS_BEFORE = Period(
    datetime(2026, 10, 22, tzinfo=LOCAL_TZ), WEEK.start, "22 okt–18 nov 2026"
)


def this_week() -> WeeklyPicture:
    def top(*pairs: tuple[str, int]) -> tuple[CategoryCount, ...]:
        return tuple(CategoryCount(label.lower(), label, n) for label, n in pairs)

    districts = (
        DistrictWeek(
            "hassleholmen",
            "Hässleholmen",
            compare(14, 36, 4),
            top(("Klotter", 6), ("Nedskräpning", 4), ("Samlingar av ungdomar", 2)),
        ),
        DistrictWeek(
            "hulta",
            "Hulta",
            compare(23, 44, 4),
            top(("Samlingar av ungdomar", 9), ("Klotter", 7), ("Brand i soptunna", 3)),
        ),
        DistrictWeek(
            "norrby", "Norrby", compare(3, 10, 4), top(("Nedskräpning", 2), ("Fortkörning", 1))
        ),
    )
    notified = (
        NotifiedIncident(
            datetime(2026, 11, 20, 22, 40, tzinfo=LOCAL_TZ),
            "Brand i soptunna",
            "Hulta",
            "Hulta torg",
        ),
        NotifiedIncident(
            datetime(2026, 11, 21, 23, 15, tzinfo=LOCAL_TZ),
            "Samlingar av ungdomar",
            "Hulta",
            "Hultaskolan",
        ),
        NotifiedIncident(
            datetime(2026, 11, 24, 19, 5, tzinfo=LOCAL_TZ),
            "Vandalisering",
            "Hässleholmen",
            "Ruta vid Kastanjegatan 12",
        ),
    )
    return WeeklyPicture(
        period=WEEK,
        reference=FOUR_WEEKS_BEFORE,
        districts=districts,
        total=compare(40, 90, 4),
        new_hotspots=(PlaceCount("Ruta vid Kastanjegatan 12", 5, 57.73, 12.95, False),),
        notified=notified,
        measures=MEASURES,
    )
