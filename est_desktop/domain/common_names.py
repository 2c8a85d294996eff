"""Common first names, used by the privacy check to recognise names-looking text.

Lower case. The most common first names in Sweden, plus names that are common among residents of
the EST districts (Hässleholmen, Hulta, Norrby). Names that are also everyday Swedish words with a
capital letter at the start of a sentence ("Hans" = his) are left out on purpose.
"""

from __future__ import annotations

_SWEDISH = """
    adam agnes albin alexander alice alma alva amanda andreas anders anna anneli annika anton
    arvid astrid axel barbro benjamin bengt berit birgitta björn bo britt britta camilla carina
    carl caroline cecilia charlotte christer christina daniel david ebba edvin elias elin elisabeth
    ella ellen elsa emelie emil emilia emma erik erika eva felicia filip frida fredrik gunilla
    gunnar göran gustav hanna hannah helena henrik hugo ida ingrid isak jan jenny jesper joakim
    johan johanna johannes jonas jonathan josefin julia jörgen kajsa karin karl kent kerstin
    kristina kristoffer lars leif lena leo liam lina linda linn linnea lisa louise lovisa lucas
    ludvig magnus maja malin marcus margareta maria marie marianne martin mats mattias max
    michael mikael moa monica nils nora olivia olle oliver oscar oskar ove patrik per peter
    petra pontus rasmus rebecka robert robin roger rolf sandra sara sebastian simon siv sofia
    sofie stefan sten stig susanne svea sven theo thomas tobias tomas tove ulf ulla ulrika viktor
    vilhelm wilma william åsa
"""

_DISTRICTS = """
    abdi abdirahman abdullah abdullahi ahmad ahmed aisha ali amina amir anas asma ayan aya ayse
    dragan elif emre fadumo faisal farah fatima fatma hamza hassan hawa hodan hussein ibrahim
    ismail jovana khalid layla leila mahmoud mariam mehmet milan mohamed mohammad mohammed
    muhammad mustafa nikola noor nur olga omar rania said samir sara yasmin yusuf zainab zeynep
    zoran
"""

FIRST_NAMES: frozenset[str] = frozenset((_SWEDISH + _DISTRICTS).split())
