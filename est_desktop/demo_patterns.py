"""The patterns demo incidents follow: how often each category happens, when, where, and the
words staff would use. Plain data for `demo_data`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pattern:
    weight: float
    hours: str  # key of HOURS
    season: str  # key of SEASONS
    weekend: float  # rate on Fri/Sat (evening and night) or Sat/Sun (day) relative to weekdays
    kinds: tuple[str, ...] = ()  # kinds of named places where it tends to happen
    observed: bool = True  # seen as it happens (exact time) rather than found afterwards
    police: float = 0.04  # share reported to the police


_P = Pattern
PATTERNS: dict[str, Pattern] = {
    "klotter": _P(16, "rounds", "flat", 0.6, ("stop", "school", "square"), False, 0.02),
    "glaskross": _P(5, "rounds", "flat", 0.7, ("stop", "school"), False, 0.05),
    "skadegorelse_fordon": _P(2, "night", "flat", 1.4, (), False, 0.3),
    "skadegorelse_ovrig": _P(5, "rounds", "flat", 0.7, ("school", "park", "other"), False, 0.06),
    "anlagd_brand": _P(3, "night", "spring", 1.6, ("school", "park"), True, 0.25),
    "bilbrand": _P(2, "night", "flat", 1.6, (), True, 0.5),
    "container_soprumsbrand": _P(4, "night", "flat", 1.6, (), True, 0.2),
    "otrygg_samling": _P(9, "night", "summer", 1.8, ("square", "shopping", "stop", "school")),
    "brak_hot_vald": _P(2.5, "night", "summer", 1.7, ("square", "shopping", "stop"), True, 0.4),
    "stenkastning": _P(1.2, "evening", "flat", 1.3, ("stop",), True, 0.3),
    "fyrverkerier": _P(4, "night", "newyear", 1.4, ("square", "park", "school"), True, 0.03),
    "hot_mot_personal": _P(1, "day", "flat", 0.8, ("shopping", "other"), True, 0.3),
    "olovlig_vistelse": _P(3, "rounds", "cold", 1.0, ("other", "stop"), False, 0.05),
    "droghandel": _P(4, "evening", "flat", 1.3, (), True, 0.15),
    "fynd_sprutor_narkotika": _P(2, "rounds", "flat", 0.8, ("park", "school", "stop"), False, 0.15),
    "gomma": _P(0.8, "rounds", "flat", 0.8, ("park",), False, 0.4),
    "kallar_forradsinbrott": _P(3, "rounds", "flat", 0.8, (), False, 0.25),
    "lokalinbrott": _P(1, "rounds", "flat", 0.8, ("shopping", "school", "other"), False, 0.6),
    "fordonsstold": _P(1, "rounds", "flat", 0.8, (), False, 0.5),
    "fortkorning": _P(2, "evening", "warm", 1.2, ("school", "stop")),
    "buskorning": _P(3, "evening", "warm", 1.3, ("park", "sports", "square"), True, 0.1),
    "fordon_gang_cykelvag": _P(2, "evening", "warm", 1.1, ("park", "school")),
    "trasig_belysning": _P(6, "rounds", "dark", 0.8, ("stop", "park"), False, 0.0),
    "skymd_sikt": _P(1, "rounds", "warm", 0.7, ("stop", "school"), False, 0.0),
    "nedskrapning": _P(9, "rounds", "summer", 0.8, ("square", "park", "shopping"), False, 0.0),
    "overgivet_fordon": _P(1.5, "rounds", "flat", 0.7, (), False, 0.02),
    "odslig_plats": _P(1, "rounds", "flat", 0.7, ("park",), False, 0.0),
    "ovrigt": _P(2, "day", "flat", 0.9, (), True, 0.03),
}
OTHER = _P(1, "day", "flat", 0.9)  # a category of the taxonomy that has no pattern here

_HOURS = {  # relative rate per local hour 0..23
    "night": "8 6 4 3 1.5 1 .8 .8 .8 .8 1 1 1.2 1.3 1.5 2 2.5 3.5 5 7 9 10 10 9",
    "evening": "2 1 .5 .2 .1 .1 .3 .8 1 1 1.5 2 3 4 6 8 9 9 9 8 7 5 4 3",
    "rounds": ".2 .1 .1 .1 .1 .3 2 8 10 9 8 6 5 6 6 5 3 1.5 1 .8 .6 .5 .4 .3",
    "day": ".3 .2 .1 .1 .1 .2 .5 2 4 5 5 5 5 5 5 5 5 4.5 4 3.5 3 2 1.2 .6",
}
HOURS = {key: tuple(map(float, rates.split())) for key, rates in _HOURS.items()}
SEASONS: dict[str, tuple[float, ...]] = {  # relative rate per month, January first
    "flat": (1,) * 12,
    "dark": (1.2, 1.0, 0.9, 0.35, 0.12, 0.08, 0.08, 0.12, 0.35, 0.9, 1.2, 1.3),
    "warm": (0.1, 0.1, 0.3, 0.8, 1.2, 1.3, 1.3, 1.2, 0.8, 0.3, 0.1, 0.08),
    "summer": (0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.3, 1.2, 1.0, 0.9, 0.8, 0.8),
    "spring": (0.7, 0.8, 1.1, 1.5, 1.4, 1.1, 1.0, 1.0, 0.9, 0.8, 0.8, 0.9),
    "cold": (1.3, 1.3, 1.1, 0.9, 0.7, 0.6, 0.6, 0.6, 0.8, 1.0, 1.2, 1.3),
    "newyear": (0.6, 0.3, 0.3, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.5, 0.6, 1.2),
}
# Fireworks: extra factor on days around New Year (and Walpurgis night).
NEWYEAR_DAYS = {(12, 31): 40, (1, 1): 20, (1, 2): 4, (12, 30): 6, (12, 29): 4, (4, 30): 4}
for _day in (24, 25, 26, 27, 28):
    NEWYEAR_DAYS[(12, _day)] = 3

# Templates; {plats} is a spot such as "vid gångtunneln", {n} a small number, {m2} an area.
DESCRIPTIONS: dict[str, str] = {
    "klotter": "Klotter på gavel mot parkeringen, ca {m2} m²|Nytt klotter {plats}, ca {m2} m²|"
    "Taggar på elskåp {plats}|Klotter i trapphuset, {n} våningar|Klotter på busskuren|"
    "Sprayat på fasaden {plats}, ca {m2} m²|Klotter på bullerplanket längs gångvägen",
    "glaskross": "Krossad ruta i entrédörren|Glaskross på gångvägen {plats}|Sönderslagen "
    "busskur|Krossat glas på lekplatsen, sanerat|Krossad källarruta",
    "skadegorelse_fordon": "Sönderslagen sidoruta på parkerad bil|Punkterade däck på {n} bilar "
    "på parkeringen|Repade lackar på bilar i garaget",
    "skadegorelse_ovrig": "Sönderbruten parkbänk {plats}|Brevlådor uppbrutna i entrén|Trasig "
    "grind till soprummet|Sparkad dörr till tvättstugan, låset trasigt|Nedriven skylt {plats}",
    "anlagd_brand": "Brand i papperskorg {plats}, släckt av personal|Anlagd brand i buskage "
    "{plats}|Eld i tidningar i trapphuset, räddningstjänsten på plats|Brand i barnvagnsrummet, "
    "rökskador|Mindre gräsbrand {plats}",
    "bilbrand": "Bilbrand på parkeringen, räddningstjänsten släckte|Bil i brand i carporten, "
    "{n} bilar skadade|Utbränd bil på parkeringen {plats}",
    "container_soprumsbrand": "Brand i container {plats}|Brand i soprummet, räddningstjänsten "
    "på plats|Brand i sopkärl, släckt med handbrandsläckare|Brand i containern vid återvinningen",
    "otrygg_samling": "Grupp om ca {n}0 ungdomar {plats}, boende upplever det otryggt|Samling i "
    "trapphuset, nedskräpat efteråt|Större grupp {plats}, hög ljudnivå sent på kvällen|Samling i "
    "entrén, boende vågar inte passera|Mopeder och grupp samlade {plats}",
    "brak_hot_vald": "Bråk mellan flera personer {plats}, polis tillkallad|Slagsmål {plats}|"
    "Hotfull stämning {plats}, flera inblandade|Högljutt bråk i trapphuset",
    "stenkastning": "Sten kastad mot buss {plats}|Stenar kastade mot fönster {plats}|"
    "Stenkastning mot personalbil",
    "fyrverkerier": "Smällare kastade {plats}|Raketer skjutna mot fasaden|Smällare i "
    "trapphuset|Fyrverkerier avfyrade mot förbipasserande {plats}|Smällare i brevlådor",
    "hot_mot_personal": "Personal hotad i samband med rondering|Hotfullt bemötande mot personal "
    "{plats}|Personal omringad och hotad {plats}",
    "olovlig_vistelse": "Sovplats i källarförrådet, madrass och filtar|Övernattning i "
    "trapphuset|Sovplats i cykelrummet|Tält uppsatt i skogsdungen {plats}",
    "droghandel": "Misstänkt langning {plats}|Bilar som stannar kort {plats}, misstänkt "
    "försäljning|Misstänkt droghandel i entrén, återkommande|Lukt av cannabis {plats}",
    "fynd_sprutor_narkotika": "Sprutor hittade {plats}, omhändertagna|Använda sprutor i "
    "buskaget|Påse med misstänkt narkotika hittad {plats}|Kanyler på lekplatsen, sanerat",
    "gomma": "Misstänkt gömma i elskåp {plats}|Gömma i buskage {plats}, polis informerad|Påse "
    "gömd bakom ventilationsgallret",
    "kallar_forradsinbrott": "Inbrott i källarförråd, {n} förråd uppbrutna|Uppbrutet "
    "förrådsutrymme, hänglås avklippt|Inbrott i cykelrummet",
    "lokalinbrott": "Inbrott i lokal {plats}|Uppbruten dörr till föreningslokalen|"
    "Inbrottsförsök i butik {plats}, krossad ruta",
    "fordonsstold": "Stulen moped från cykelrummet|Bil stulen från parkeringen|Stulen "
    "motorcykel, kedjan avklippt",
    "fortkorning": "Hög hastighet förbi skolan|Bilar kör fort {plats} kvällstid|Fortkörning på "
    "matargatan, boende oroliga",
    "buskorning": "Mopeder kör på gångvägen {plats}|Crossmotorcyklar i parken|Buskörning med "
    "moped {plats}|Fyrhjuling kör på gräsytorna {plats}",
    "fordon_gang_cykelvag": "Bil kör på gång- och cykelvägen {plats}|Moped på gångbanan vid "
    "skolan|Bilar parkerade på cykelbanan",
    "trasig_belysning": "Gatlampa släckt vid gångtunneln|Belysning trasig {plats}|Mörkt i "
    "gångtunneln, {n} armaturer ur funktion|Trasig belysning i entrén|Lampa blinkar {plats}|"
    "Släckt belysning längs gångvägen",
    "skymd_sikt": "Buskage skymmer sikten {plats}|Häck skymmer övergångsstället|Igenväxt "
    "gångväg, dålig sikt",
    "nedskrapning": "Nedskräpat {plats}|Mycket skräp kring återvinningen|Grovsopor dumpade i "
    "soprummet|Skräp och flaskor kvar efter samling {plats}|Överfulla papperskorgar {plats}",
    "overgivet_fordon": "Avställd bil utan skyltar på parkeringen|Övergiven moped {plats}|"
    "Cykelvrak i cykelstället|Bil utan skyltar står kvar sedan flera veckor",
    "odslig_plats": "Öde och mörkt {plats} kvällstid|Gångväg som känns otrygg kvällstid|"
    "Undanskymd plats bakom garagen",
    "ovrigt": "Lösa hundar {plats}|Uppbruten grind {plats}|Vattenläcka i gångtunneln",
}
SPOTS = (
    "vid busshållplatsen", "vid lekplatsen", "vid gångtunneln", "vid parkeringen", "bakom garagen",
    "vid entrén", "vid återvinningsstationen", "i parken", "vid skolan", "vid cykelstället",
    "på torget", "vid fritidsgården", "längs gångvägen", "vid tvättstugan",
)  # fmt: skip
# Who records: shared role accounts of each district, never a person's name.
STAFF_ROLES = (("vm", "bostader"), ("bostader", "bostader"), ("trygghet", "boras_stad"),
               ("faltare", "boras_stad"), ("fritid", "boras_stad"))  # fmt: skip
