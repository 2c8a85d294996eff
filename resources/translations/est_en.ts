<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="56"/>
        <source>mån</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="57"/>
        <source>tis</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="58"/>
        <source>ons</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="59"/>
        <source>tor</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="60"/>
        <source>fre</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="61"/>
        <source>lör</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="62"/>
        <source>sön</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="119"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="119"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="127"/>
        <source>Utveckling</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="128"/>
        <source>Kategorigrupper</source>
        <translation>Category groups</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="129"/>
        <source>Veckodag och timme</source>
        <translation>Weekday and hour</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="130"/>
        <source>Platser med flest händelser</source>
        <translation>Places with the most incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="213"/>
        <source>Analysen kunde inte göras: %1</source>
        <translation>The analysis could not be done: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="220"/>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="241"/>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="254"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="221"/>
        <source>Mot perioden före</source>
        <translation>Against the previous period</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="222"/>
        <source>Mot samma period året före</source>
        <translation>Against the same period a year earlier</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="224"/>
        <source>Personal / polisen</source>
        <translation>Staff / police</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="228"/>
        <source>Polisen underrättad</source>
        <translation>Police notified</translation>
    </message>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/analysis_panel.py" line="274"/>
        <source>%1 kl. %2–%3: %Ln händelser</source>
        <translation>
            <numerusform>%1 %2–%3: %Ln incident</numerusform>
            <numerusform>%1 %2–%3: %Ln incidents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/analysis_panel.py" line="336"/>
        <source>Klicka på en ruta för att visa just de händelserna i listan och kartan</source>
        <translation>Click a cell to show just those incidents in the list and on the map</translation>
    </message>
</context>
<context>
    <name>AreaDrawing</name>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="35"/>
        <source>En yta behöver minst tre olika hörn.</source>
        <translation>An area needs at least three different corners.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="36"/>
        <source>Ytan har för många hörn.</source>
        <translation>The area has too many corners.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="37"/>
        <source>Ytans kanter korsar varandra: flytta ett hörn så att de inte gör det.</source>
        <translation>The area&apos;s edges cross each other: move a corner so that they do not.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="40"/>
        <source>Ytan går utanför Borås kommun: rita den inom kommunen.</source>
        <translation>The area extends outside Borås municipality: draw it within the municipality.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="43"/>
        <source>Radien ska vara större än 0 meter.</source>
        <translation>The radius must be greater than 0 metres.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="48"/>
        <source>Klicka ut ytans hörn. Backsteg ångrar senaste hörnet, Esc avbryter.</source>
        <translation>Click the area&apos;s corners. Backspace undoes the last corner, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="51"/>
        <source>Avsluta genom att klicka på första hörnet, dubbelklicka eller trycka Enter.</source>
        <translation>Finish by clicking the first corner, double-clicking or pressing Enter.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="55"/>
        <source>Klicka i mitten och dra ut till kanten (eller klicka på kanten).</source>
        <translation>Click the centre and drag out to the edge (or click the edge).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="58"/>
        <source>Klicka på kanten, eller skriv radien i formuläret.</source>
        <translation>Click the edge, or type the radius in the form.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="61"/>
        <source>Dra i hörnen för att ändra. Ytan sparas med formuläret.</source>
        <translation>Drag the corners to change it. The area is saved with the form.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="64"/>
        <source>Ångra hörn</source>
        <translation>Undo corner</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="65"/>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="66"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="84"/>
        <source>Cirkel med radien %1 m, %2 ha</source>
        <translation>Circle with a radius of %1 m, %2 ha</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_drawing.py" line="87"/>
        <source>Yta med %1 hörn, %2 ha</source>
        <translation>Area with %1 corners, %2 ha</translation>
    </message>
</context>
<context>
    <name>AreaField</name>
    <message>
        <location filename="../../est_desktop/ui/area_field.py" line="41"/>
        <source>Rita på &amp;kartan</source>
        <translation>Draw on the &amp;map</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_field.py" line="44"/>
        <source>&amp;Yta (klicka ut hörnen)</source>
        <translation>&amp;Area (click the corners)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_field.py" line="47"/>
        <source>&amp;Cirkel (mitt och radie)</source>
        <translation>&amp;Circle (centre and radius)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_field.py" line="51"/>
        <source>Ta &amp;bort ytan</source>
        <translation>&amp;Remove the area</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_field.py" line="84"/>
        <source>Kartan är inte klar än: försök igen om en stund.</source>
        <translation>The map is not ready yet: try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/area_field.py" line="107"/>
        <source>Ingen yta: åtgärden gäller punkten (eller hela området).</source>
        <translation>No area: the measure applies to the point (or the whole district).</translation>
    </message>
</context>
<context>
    <name>BackupWiring</name>
    <message>
        <location filename="../../est_desktop/ui/backup_wiring.py" line="62"/>
        <source>Säkerhets&amp;kopiera nu</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/backup_wiring.py" line="63"/>
        <source>Åte&amp;rställ från säkerhetskopia…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/backup_wiring.py" line="113"/>
        <source>Datalagret är återställt. Det tidigare finns kvar i %1.</source>
        <translation>The data store has been restored. The previous one is kept in %1.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/backup_wiring.py" line="151"/>
        <source>Säkerhetskopian kunde inte göras: %1</source>
        <translation>The backup could not be made: %1</translation>
    </message>
</context>
<context>
    <name>Breakdown</name>
    <message>
        <location filename="../../est_desktop/analysis/breakdown.py" line="37"/>
        <source>Okänd kategori</source>
        <translation>Unknown category</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/breakdown.py" line="123"/>
        <source>v. {week}</source>
        <translation>wk {week}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="29"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="46"/>
        <source>Säkerhetskopia skriven: {path} ({size}, {incidents} händelser, {unsynced} ändringar ej synkade).</source>
        <translation>Backup written: {path} ({size}, {incidents} incidents, {unsynced} changes not synced).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="76"/>
        <source>Återställningen ersätter datalagret och behöver ett ja: kör med --yes (eller i ett terminalfönster, där kommandot frågar).</source>
        <translation>Restoring replaces the data store and needs a yes: run with --yes (or in a terminal window, where the command asks).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="100"/>
        <source>Datalagret som det var före återställningen finns kvar i {path}.</source>
        <translation>The data store as it was before the restore is kept in {path}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="106"/>
        <source>Datalagret {path} är skadat. Det ersätts med säkerhetskopian; de skadade filerna kopieras först till säkerhetskopiemappen.</source>
        <translation>The data store {path} is damaged. It is replaced with the backup; the damaged files are first copied to the backup folder.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="116"/>
        <source>Det skadade datalagret finns kvar i {path}.</source>
        <translation>The damaged data store is kept in {path}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="122"/>
        <source>Datalagret {path} är återställt från {backup}.</source>
        <translation>The data store {path} is restored from {backup}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="127"/>
        <source>Inget har ändrats.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="132"/>
        <source>Datalagret har inget som saknas i säkerhetskopian.</source>
        <translation>The data store holds nothing that the backup lacks.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="133"/>
        <source>Återställningen tar bort ur datalagret:</source>
        <translation>Restoring removes from the data store:</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="135"/>
        <source>{count} händelser sparade efter säkerhetskopian ({on_server} av dem finns på servern och hämtas igen vid nästa synk)</source>
        <translation>{count} incidents saved after the backup ({on_server} of them are on the server and are fetched again at the next sync)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="142"/>
        <source>{count} ändringar som ännu inte har synkats till servern</source>
        <translation>{count} changes not yet synced to the server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="153"/>
        <source>Skriv {word} för att återställa: </source>
        <translation>Type {word} to restore: </translation>
    </message>
    <message>
        <location filename="../../est_desktop/backup_command.py" line="173"/>
        <source>{incidents} händelser, {unsynced} ej synkade</source>
        <translation>{incidents} incidents, {unsynced} not synced</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="20"/>
        <source>EST Desktop: registrera och följ upp otrygghetsskapande händelser.</source>
        <translation>EST Desktop: record and follow up incidents that make places feel unsafe.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="29"/>
        <source>mapp för datalagret (standard: användarens datamapp)</source>
        <translation>folder of the data store (default: the user&apos;s data folder)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="34"/>
        <source>öppna ett separat demolager med påhittade händelser (aldrig det riktiga)</source>
        <translation>open a separate demo store with made-up incidents (never the real one)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="42"/>
        <source>språk i fönstret och kommandonas utskrifter (standard: inställningens)</source>
        <translation>language of the window and of the commands&apos; output (default: the one in the settings)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="49"/>
        <source>kontrollera installationen utan fönster (tillfälligt datalager, karta, PDF); slutstatus 0 när allt fungerar</source>
        <translation>check the installation without a window (temporary data store, map, PDF); exit status 0 when everything works</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="57"/>
        <source>skapa demodata utan fönster</source>
        <translation>create demo data without a window</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="60"/>
        <source>antal händelser</source>
        <translation>number of incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="66"/>
        <source>slumpfrö (samma frö, samma data)</source>
        <translation>random seed (same seed, same data)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="71"/>
        <source>ersätt ett demolager som redan har data</source>
        <translation>replace a demo store that already has data</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="75"/>
        <source>skriv en sammanfattning som PDF utan fönster</source>
        <translation>write a summary as PDF without a window</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="76"/>
        <source>Skriv distriktssammanfattningen, veckans lägesbild eller återkopplingen till personalen som PDF, utan att visa något fönster.</source>
        <translation>Write the district summary, the weekly overview or the feedback to the staff as PDF, without showing any window.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="86"/>
        <source>summary: distriktssammanfattning (standard); weekly: veckans lägesbild; feedback: återkoppling till personalen</source>
        <translation>summary: district summary (default); weekly: weekly overview; feedback: feedback to the staff</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="96"/>
        <source>distriktets kod, t.ex. hulta (kan upprepas; utan: alla distrikt)</source>
        <translation>the district&apos;s code, e.g. hulta (may be repeated; without: all districts)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="101"/>
        <location filename="../../est_desktop/cli_parser.py" line="164"/>
        <source>första dag, ÅÅÅÅ-MM-DD</source>
        <translation>first day, YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="107"/>
        <source>sista dag, ÅÅÅÅ-MM-DD (standard: i går)</source>
        <translation>last day, YYYY-MM-DD (default: yesterday)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="110"/>
        <source>PDF-filen som skrivs</source>
        <translation>the PDF file to write</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="115"/>
        <source>textfil med analytikerns bedömning</source>
        <translation>text file with the analyst&apos;s assessment</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="120"/>
        <source>vem som sammanställt (standard: användarnamnet)</source>
        <translation>who compiled it (default: the user name)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="217"/>
        <source>demolagret</source>
        <translation>the demo store</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="125"/>
        <source>importera polisens data utan fönster</source>
        <translation>import the police&apos;s data without a window</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="126"/>
        <source>Läs en brottsexport (CSV) eller polisens händelser (JSON) in i datalagret. Slutstatus 0: klart, 1: några rader avvisades (övriga importerades), 2: filen kunde inte läsas.</source>
        <translation>Read a crime export (CSV) or the police&apos;s events (JSON) into the data store. Exit status 0: done, 1: some rows were rejected (the others were imported), 2: the file could not be read.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="133"/>
        <source>filen som importeras</source>
        <translation>the file to import</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="139"/>
        <source>filens format (standard: avgörs av innehållet)</source>
        <translation>the file&apos;s format (default: decided by its content)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="144"/>
        <source>exportera som CSV eller GeoJSON utan fönster</source>
        <translation>export as CSV or GeoJSON without a window</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="145"/>
        <source>Aggregerad export (antal per distrikt eller ruta och månad eller vecka, små antal dolda) för spridning utanför parterna, eller händelserna i urvalet.</source>
        <translation>Aggregated export (counts per district or grid cell and month or week, small counts hidden) for sharing beyond the partners, or the incidents in the selection.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="155"/>
        <source>aggregated: antal med små tal dolda (standard); incidents: händelserna</source>
        <translation>aggregated: counts with small numbers hidden (default); incidents: the incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="161"/>
        <source>filen som skrivs</source>
        <translation>the file to write</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="167"/>
        <source>sista dag, ÅÅÅÅ-MM-DD</source>
        <translation>last day, YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="173"/>
        <source>distriktskod (kan upprepas)</source>
        <translation>district code (may be repeated)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="181"/>
        <source>rutans sida i meter</source>
        <translation>side of a grid cell in metres</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="185"/>
        <source>antal per kategorigrupp</source>
        <translation>counts per category group</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="191"/>
        <source>antal under detta visas som &lt;N (minst 3)</source>
        <translation>counts below this are shown as &lt;N (at least 3)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="196"/>
        <source>ta med platsnamn och beskrivning</source>
        <translation>include place names and descriptions</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="201"/>
        <source>ta med polisens händelser</source>
        <translation>include the police&apos;s events</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="225"/>
        <source>säkerhetskopiera datalagret (går bra medan programmet är öppet)</source>
        <translation>back up the data store (fine while the program is open)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="228"/>
        <source>Skriv en kontrollerad säkerhetskopia av datalagret och gallra de gamla (de 3 senaste, den senaste per dag i 7 dagar och per vecka i 4 veckor sparas).</source>
        <translation>Write a verified backup of the data store and prune the old ones (the 3 latest, the latest per day for 7 days and per week for 4 weeks are kept).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="238"/>
        <source>mappen kopian skrivs i (standard: DATAMAPP/backups)</source>
        <translation>folder the backup is written to (default: DATA_FOLDER/backups)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="243"/>
        <source>visa kopiorna i mappen i stället</source>
        <translation>list the backups in the folder instead</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="247"/>
        <source>återställ datalagret från en säkerhetskopia</source>
        <translation>restore the data store from a backup</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="248"/>
        <source>Ersätt datalagret med en säkerhetskopia. Säger först vad som går förlorat och frågar; utan terminal krävs --yes. Datalagret som det var sparas först i DATAMAPP/backups. Vägrar medan EST Desktop har datalagret öppet.</source>
        <translation>Replace the data store with a backup. First says what will be lost and asks; without a terminal --yes is required. The data store as it was is first saved in DATA_FOLDER/backups. Refuses while EST Desktop has the data store open.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="259"/>
        <source>säkerhetskopians fil</source>
        <translation>the backup file</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="262"/>
        <source>återställ utan att fråga</source>
        <translation>restore without asking</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli_parser.py" line="270"/>
        <source>{text} är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-31</source>
        <translation>{text} is not a date: write YYYY-MM-DD, e.g. 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli.py" line="114"/>
        <source>--count måste vara minst 1.</source>
        <translation>--count must be at least 1.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli.py" line="121"/>
        <source>Demolagret {path} har redan {count} händelser. Använd --replace för att skapa det på nytt.</source>
        <translation>The demo store {path} already has {count} incidents. Use --replace to make it anew.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/cli.py" line="137"/>
        <source>{count} demohändelser skrivna till {path}</source>
        <translation>{count} demo incidents written to {path}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="75"/>
        <source>Tröskeln måste vara minst {least} (angiven: {given}): med lägre tröskel avslöjar ”&lt;2” att det är exakt en händelse.</source>
        <translation>The threshold must be at least {least} (given: {given}): with a lower threshold, “&lt;2” reveals that there is exactly one incident.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="82"/>
        <source>Rutorna måste vara minst {least} m (angivet: {given} m) så att platserna blir grövre än analysens 100-metersrutor.</source>
        <translation>The cells must be at least {least} m (given: {given} m), so that places are coarser than the analysis&apos;s 100-metre cells.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="89"/>
        <source>Den aggregerade exporten innehåller aldrig fritext; ta bort --include-free-text eller välj --kind incidents.</source>
        <translation>The aggregated export never contains free text; remove --include-free-text or choose --kind incidents.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="100"/>
        <source>Startdagen ({first}) ligger efter slutdagen ({last}).</source>
        <translation>The first day ({first}) is after the last day ({last}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="103"/>
        <source>Mappen {folder} finns inte; skapa den eller välj en annan fil.</source>
        <translation>The folder {folder} does not exist; create it or choose another file.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="111"/>
        <location filename="../../est_desktop/report_command.py" line="75"/>
        <source>Okänt distrikt: {unknown}. Välj bland: {known}.</source>
        <translation>Unknown district: {unknown}. Choose from: {known}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="115"/>
        <location filename="../../est_desktop/report_command.py" line="88"/>
        <source>Det finns inget datalager i {path}.</source>
        <translation>There is no data store at {path}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="150"/>
        <location filename="../../est_desktop/report_command.py" line="115"/>
        <source>{path} kunde inte skrivas: {error}</source>
        <translation>{path} could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="153"/>
        <source>{path} skrevs, men exporten kunde inte noteras för loggen: {error}</source>
        <translation>{path} was written, but the export could not be noted for the log: {error}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="145"/>
        <source>Perioden {problem}; den aggregerade exporten räknar bara hela perioder.</source>
        <translation>The period {problem}; the aggregated export counts whole periods only.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="167"/>
        <source>Skrev {path}: {rows} rader, {first}–{last}, antal under {threshold} visas som ”&lt;{threshold}”.</source>
        <translation>Wrote {path}: {rows} rows, {first}–{last}, counts below {threshold} shown as “&lt;{threshold}”.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="180"/>
        <source>{count} händelser med bara kommunen som plats räknas inte.</source>
        <translation>{count} incidents placed only at the municipality are not counted.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="186"/>
        <source>Skrev {path}: {rows} händelser.</source>
        <translation>Wrote {path}: {rows} incidents.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="190"/>
        <source>Utan fritext (platsnamn, beskrivning) och polisens händelser.</source>
        <translation>Without free text (place names, descriptions) and police records.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="194"/>
        <source>Utan fritext (platsnamn, beskrivning).</source>
        <translation>Without free text (place names, descriptions).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="196"/>
        <source>Utan polisens händelser.</source>
        <translation>Without police records.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/export_command.py" line="201"/>
        <source>Okänt val {given}: välj bland {choices}.</source>
        <translation>Unknown choice {given}: choose from {choices}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/import_command.py" line="36"/>
        <source>{path} kan inte läsas: {error}.</source>
        <translation>{path} cannot be read: {error}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/import_command.py" line="40"/>
        <source>Okänt format {format}: välj {first} eller {second}.</source>
        <translation>Unknown format {format}: choose {first} or {second}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/import_command.py" line="57"/>
        <source>Importerade: {added}</source>
        <translation>Imported: {added}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/import_command.py" line="59"/>
        <source>, uppdaterade: {updated}</source>
        <translation>, updated: {updated}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/report_command.py" line="69"/>
        <source>--from ({first}) ligger efter --to ({last}).</source>
        <translation>--from ({first}) is after --to ({last}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/report_command.py" line="82"/>
        <source>Bedömningen i {path} kunde inte läsas: {error}</source>
        <translation>The assessment in {path} could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/report_command.py" line="124"/>
        <source>Skrev {path} (1 sida).</source>
        <translation>Wrote {path} (1 page).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/report_command.py" line="126"/>
        <source>Skrev {path} ({pages} sidor).</source>
        <translation>Wrote {path} ({pages} pages).</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="57"/>
        <source>{current} mot {reference}</source>
        <translation>{current} vs {reference}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="61"/>
        <source>inga händelser ({counts})</source>
        <translation>no incidents ({counts})</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="65"/>
        <source>nytt: {counts}, en tydlig ökning</source>
        <translation>new: {counts}, a clear increase</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="66"/>
        <source>nytt: {counts}</source>
        <translation>new: {counts}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="68"/>
        <source>för få händelser för att jämföra ({counts})</source>
        <translation>too few incidents to compare ({counts})</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="73"/>
        <source>oförändrat ({counts})</source>
        <translation>unchanged ({counts})</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="75"/>
        <source>i stort sett oförändrat ({counts})</source>
        <translation>largely unchanged ({counts})</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="78"/>
        <source>{change} % ({counts}), en tydlig ökning</source>
        <translation>{change}% ({counts}), a clear increase</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="80"/>
        <source>{change} % ({counts}), en tydlig minskning</source>
        <translation>{change}% ({counts}), a clear decrease</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="82"/>
        <source>{change} % ({counts}) – skillnaden kan vara slumpen</source>
        <translation>{change}% ({counts}) – the difference may be chance</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/comparison.py" line="158"/>
        <source>i snitt {mean}</source>
        <translation>an average of {mean}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="78"/>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="93"/>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="93"/>
        <source>Din version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="93"/>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="225"/>
        <source>Serverns version</source>
        <translation>Server&apos;s version</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="93"/>
        <source>Välj</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="105"/>
        <source>&amp;Behåll min version</source>
        <translation>&amp;Keep my version</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="107"/>
        <source>&amp;Ta serverns version</source>
        <translation>&amp;Take the server&apos;s version</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="109"/>
        <source>&amp;Spara valda</source>
        <translation>&amp;Save chosen</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="134"/>
        <source>De här händelserna har ändrats både här och på servern. Välj vilken version som ska gälla; ditt val skickas vid nästa synk.</source>
        <translation>These incidents have been changed both here and on the server. Choose which version applies; your choice is sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="193"/>
        <source>Inga konflikter: allt stämmer med servern.</source>
        <translation>No conflicts: everything matches the server.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="224"/>
        <source>Min version</source>
        <translation>My version</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="233"/>
        <source>Borttagen här</source>
        <translation>Deleted here</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="233"/>
        <source>Borttagen på servern</source>
        <translation>Deleted on the server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="235"/>
        <source>(okänd)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="244"/>
        <source>Borttagen på servern, men ändrad här. »Behåll min version« återställer den för alla; »Ta serverns version« tar bort den även här.</source>
        <translation>Deleted on the server, but changed here. “Keep my version” restores it for everyone; “Take the server&apos;s version” deletes it here too.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="249"/>
        <source>Du tog bort händelsen här, men den har ändrats på servern. »Behåll min version« tar bort den för alla; »Ta serverns version« behåller serverns ändring.</source>
        <translation>You deleted the incident here, but it has been changed on the server. “Keep my version” deletes it for everyone; “Take the server&apos;s version” keeps the server&apos;s change.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="253"/>
        <source>Fälten i fetstil skiljer sig. Välj för varje fält, eller hela versionen.</source>
        <translation>The fields in bold differ. Choose for each field, or the whole version.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="255"/>
        <source>Ändrad på servern av %1.</source>
        <translation>Changed on the server by %1.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/conflicts_dialog.py" line="279"/>
        <source>Konflikten kunde inte lösas</source>
        <translation>The conflict could not be resolved</translation>
    </message>
</context>
<context>
    <name>DistrictSummary</name>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="25"/>
        <source>Distriktssammanfattning</source>
        <translation>District summary</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="32"/>
        <source>Pågående åtgärder</source>
        <translation>Ongoing measures</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="34"/>
        <source>Bedömning</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="39"/>
        <source>Ingen bedömning har skrivits.</source>
        <translation>No assessment has been written.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="51"/>
        <source>Ingår inte i denna sammanställning.</source>
        <translation>Not included in this summary.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="56"/>
        <source>Anmälda brott, sammanställda.</source>
        <translation>Reported crimes, aggregated.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="58"/>
        <source>I korthet</source>
        <translation>In brief</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="62"/>
        <source>Händelser i perioden</source>
        <translation>Incidents in the period</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="67"/>
        <source>Perioden före</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="71"/>
        <source>Samma period i fjol</source>
        <translation>Same period last year</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="79"/>
        <source>Rapporterat av personalen</source>
        <translation>Reported by staff</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="81"/>
        <source>Händelser från EST-personalen.</source>
        <translation>Incidents from EST staff.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="84"/>
        <source>Från polisen</source>
        <translation>From the police</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="89"/>
        <source>Polisen underrättad</source>
        <translation>Police notified</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="91"/>
        <source>Händelser som polisen fick veta om.</source>
        <translation>Incidents the police were told about.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="101"/>
        <source>Urval: bara vissa kategorier av händelser ingår.</source>
        <translation>Selection: only some categories of incidents are included.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="115"/>
        <source>Över tid</source>
        <translation>Over time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="123"/>
        <source>Veckodag och tid på dygnet</source>
        <translation>Weekday and time of day</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="132"/>
        <source>Vad som hänt</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="140"/>
        <source>De vanligaste kategorierna</source>
        <translation>The most common categories</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="150"/>
        <source>Platser med flest händelser</source>
        <translation>Places with the most incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="152"/>
        <source>Karta</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="157"/>
        <source>Kartan kunde inte ritas.</source>
        <translation>The map could not be drawn.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/district_summary.py" line="165"/>
        <source>Inga händelser registrerades i {district} under {period}.</source>
        <translation>No incidents were recorded in {district} during {period}.</translation>
    </message>
</context>
<context>
    <name>Districts</name>
    <message>
        <location filename="../../est_desktop/geo/district_lookup.py" line="22"/>
        <source>Övriga Borås</source>
        <translation>Rest of Borås</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="79"/>
        <source>Ny händelse</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="80"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="81"/>
        <source>Rensa</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="105"/>
        <source>Ändra händelse</source>
        <translation>Edit incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="106"/>
        <source>Spara ändringar</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="107"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="188"/>
        <source>Skriv för att söka, t.ex. klotter eller brand</source>
        <translation>Type to search, e.g. graffiti or fire</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/location_fields.py" line="35"/>
        <source>Namngiven plats eller adress</source>
        <translation>Named place or address</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/location_fields.py" line="40"/>
        <source>Latitud, t.ex. 57,7402</source>
        <translation>Latitude, e.g. 57.7402</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/location_fields.py" line="44"/>
        <source>Longitud, t.ex. 12,9712</source>
        <translation>Longitude, e.g. 12.9712</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/location_fields.py" line="50"/>
        <source>Exakt plats</source>
        <translation>Exact place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/location_fields.py" line="51"/>
        <source>Ungefärlig plats (några hundra meter)</source>
        <translation>Approximate place (a few hundred metres)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/location_fields.py" line="52"/>
        <source>Bara kommunen är känd</source>
        <translation>Only the municipality is known</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="200"/>
        <source>Vad hände och var? Beskriv händelsen och platsen, inte personer.</source>
        <translation>What happened and where? Describe the incident and the place, not people.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="211"/>
        <source>Polisen är &amp;underrättad</source>
        <translation>Police &amp;notified</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="237"/>
        <source>Koordina&amp;ter</source>
        <translation>Coordina&amp;tes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="215"/>
        <source>Spara (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="227"/>
        <source>&amp;När</source>
        <translation>W&amp;hen</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="230"/>
        <source>&amp;Kategori</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="232"/>
        <source>&amp;Plats</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="241"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/entry_form.py" line="242"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/location_fields.py" line="98"/>
        <source>Hela kommunen</source>
        <translation>The whole municipality</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../est_desktop/exports/aggregated.py" line="165"/>
        <source>{first}–{last} rymmer ingen hel månad</source>
        <translation>{first}–{last} holds no whole month</translation>
    </message>
    <message>
        <location filename="../../est_desktop/exports/aggregated.py" line="167"/>
        <source>{first}–{last} rymmer ingen hel vecka (måndag–söndag)</source>
        <translation>{first}–{last} holds no whole week (Monday–Sunday)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="63"/>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="73"/>
        <source>&amp;Antal för spridning utanför parterna</source>
        <translation>&amp;Counts for sharing beyond the partners</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="74"/>
        <source>&amp;Händelserna i urvalet</source>
        <translation>The &amp;incidents in the selection</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="81"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="82"/>
        <source>Rutor</source>
        <translation>Grid cells</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="89"/>
        <source>Månad</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="90"/>
        <source>Vecka</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="94"/>
        <source>Lägre antal än så visas som ”&lt;3”. Minst 3: ”&lt;2” vore exakt en händelse.</source>
        <translation>Lower counts than this are shown as “&lt;3”. At least 3: “&lt;2” would mean exactly one incident.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="96"/>
        <source>Dela upp per &amp;kategorigrupp</source>
        <translation>Split by category &amp;group</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="98"/>
        <source>&amp;Indelning</source>
        <translation>&amp;Division</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="99"/>
        <source>R&amp;utans sida</source>
        <translation>C&amp;ell side</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="100"/>
        <source>&amp;Tidsenhet</source>
        <translation>&amp;Time unit</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="101"/>
        <source>&amp;Lägsta antal som visas</source>
        <translation>&amp;Lowest count shown</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="107"/>
        <source>Ta med &amp;platsnamn och beskrivning</source>
        <translation>Include &amp;place names and descriptions</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="108"/>
        <source>Ta med p&amp;olisens händelser</source>
        <translation>Include p&amp;olice incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="111"/>
        <source>Bara för användare som får se polisens händelser.</source>
        <translation>Only for users who may see police incidents.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="120"/>
        <source>CSV för Excel</source>
        <translation>CSV for Excel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="121"/>
        <source>GeoJSON för GIS</source>
        <translation>GeoJSON for GIS</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="123"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="144"/>
        <source>&amp;Spara…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="147"/>
        <location filename="../../est_desktop/ui/export_dialog.py" line="245"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="198"/>
        <source>Sparar…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="201"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="221"/>
        <source>CSV för Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="223"/>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="225"/>
        <source>Spara export</source>
        <translation>Save export</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="235"/>
        <source>Sparar… %1 av %2 händelser</source>
        <translation>Saving… %1 of %2 incidents</translation>
    </message>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/export_dialog.py" line="250"/>
        <source>Sparad: %1 (%Ln rader)</source>
        <translation>
            <numerusform>Saved: %1 (%Ln row)</numerusform>
            <numerusform>Saved: %1 (%Ln rows)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="256"/>
        <source>Exporten avbröts; ingen fil sparades.</source>
        <translation>The export was cancelled; no file was saved.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="258"/>
        <source>Perioden %1; den aggregerade exporten räknar bara hela perioder.</source>
        <translation>The period %1; the aggregated export counts whole periods only.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="260"/>
        <source>Filen kunde inte skrivas: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="262"/>
        <source>Exporten misslyckades: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_dialog.py" line="275"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="20"/>
        <source>Perioden %1: välj en längre period i listans filter.</source>
        <translation>The period %1: choose a longer period in the list&apos;s filter.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="24"/>
        <source>distrikt</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="26"/>
        <source>ruta på %1 m</source>
        <translation>%1 m grid cell</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="30"/>
        <source>månad</source>
        <translation>month</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="32"/>
        <source>vecka</source>
        <translation>week</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="35"/>
        <source> och kategorigrupp</source>
        <translation> and category group</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="37"/>
        <source>Mottagaren ser antal händelser per %1 och %2%3, %4 – %5. Antal under %6 visas som ”&lt;%6”. Mottagaren ser inga enskilda händelser: inga exakta platser eller tider, ingen fritext och inga polisens händelser.</source>
        <translation>The recipient sees the number of incidents per %1 and %2%3, %4 – %5. Counts below %6 are shown as “&lt;%6”. The recipient sees no individual incidents: no exact places or times, no free text and no police incidents.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="58"/>
        <source>v. %1 %2</source>
        <translation>wk %1 %2</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="66"/>
        <source>Mottagaren ser varje händelse i listans urval med tid, kategori, distrikt och exakt läge. Bara för parternas egna analytiker.</source>
        <translation>The recipient sees every incident in the list&apos;s selection with time, category, district and exact location. Only for the partners&apos; own analysts.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="72"/>
        <source>Platsnamn och beskrivning följer med: de kan innehålla namn på personer.</source>
        <translation>Place names and descriptions are included: they may contain people&apos;s names.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="77"/>
        <source>Platsnamn och beskrivning följer inte med.</source>
        <translation>Place names and descriptions are not included.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="81"/>
        <source>Polisens händelser följer med.</source>
        <translation>Police incidents are included.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/export_notes.py" line="83"/>
        <source>Polisens händelser följer inte med.</source>
        <translation>Police incidents are not included.</translation>
    </message>
</context>
<context>
    <name>FieldProblem</name>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="88"/>
        <source>Ogiltigt datum: ange ÅÅÅÅ-MM-DD, t.ex. 2026-03-14.</source>
        <translation>Invalid date: enter YYYY-MM-DD, e.g. 2026-03-14.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="91"/>
        <source>Fältet krävs för en ny åtgärd.</source>
        <translation>This field is required for a new measure.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="92"/>
        <source>Ange en rubrik.</source>
        <translation>Enter a title.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="93"/>
        <source>Ange startdatum.</source>
        <translation>Enter a start date.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="94"/>
        <source>Slutdatumet ligger före startdatumet.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="95"/>
        <source>Ange både latitud och longitud, eller ingen av dem.</source>
        <translation>Enter both latitude and longitude, or neither.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="98"/>
        <source>Radien ska vara större än 0 meter.</source>
        <translation>The radius must be greater than 0 metres.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="99"/>
        <source>Ytan ska vara en GeoJSON-polygon: slutna ringar av minst fyra [lon, lat]-punkter.</source>
        <translation>The area must be a GeoJSON polygon: closed rings of at least four [lon, lat] points.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/measure.py" line="104"/>
        <source>Okänt område: {code}.</source>
        <translation>Unknown area: {code}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="29"/>
        <source>Ange när det hände.</source>
        <translation>Enter when it happened.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="30"/>
        <source>Tiden saknar tidszon.</source>
        <translation>The time has no time zone.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="31"/>
        <source>Tiden ligger i framtiden. Ange när det hände.</source>
        <translation>The time is in the future. Enter when it happened.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="34"/>
        <source>Sluttiden ligger före starttiden.</source>
        <translation>The end time is before the start time.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="35"/>
        <source>Välj en kategori.</source>
        <translation>Choose a category.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="36"/>
        <source>Okänd kategori: {code}.</source>
        <translation>Unknown category: {code}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="37"/>
        <source>Kategorin {code} används inte längre. Välj en annan.</source>
        <translation>The category {code} is no longer used. Choose another.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="40"/>
        <source>Ange plats: välj en namngiven plats, klicka i kartan eller skriv koordinater.</source>
        <translation>Enter a place: choose a named place, click on the map or type coordinates.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="44"/>
        <source>Ange ett tal.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="45"/>
        <source>Latituden ligger utanför Borås kommun ({low}–{high}).</source>
        <translation>The latitude is outside Borås municipality ({low}–{high}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="48"/>
        <source>Longituden ligger utanför Borås kommun ({low}–{high}).</source>
        <translation>The longitude is outside Borås municipality ({low}–{high}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/validation.py" line="51"/>
        <source>Högst {limit} tecken (nu {length}).</source>
        <translation>At most {limit} characters (now {length}).</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="151"/>
        <source>Kom igång med EST Desktop</source>
        <translation>Get started with EST Desktop</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="155"/>
        <source>&amp;Hoppa över</source>
        <translation>&amp;Skip</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="156"/>
        <source>Nä&amp;sta &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="157"/>
        <source>&lt; &amp;Tillbaka</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="158"/>
        <source>&amp;Börja registrera</source>
        <translation>&amp;Start recording</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="13"/>
        <source>För få händelser för att säga något</source>
        <translation>Too few incidents to say anything</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up.py" line="90"/>
        <source>{text} (utan kontrollområde)</source>
        <translation>{text} (no control area)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up.py" line="91"/>
        <source>{text} (jämfört med {control})</source>
        <translation>{text} (compared with {control})</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up.py" line="216"/>
        <source>Åtgärden saknar startdatum och kan inte följas upp.</source>
        <translation>The measure has no start date and cannot be followed up.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up.py" line="221"/>
        <source>Åtgärden har inte pågått en hel dag än: uppföljningen kan göras från dagen efter startdatumet.</source>
        <translation>The measure has not been running for a whole day yet: it can be followed up from the day after its start date.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up.py" line="230"/>
        <source>Perioden före åtgärden måste vara minst en dag, inte {days}.</source>
        <translation>The period before the measure must be at least one day, not {days}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_areas.py" line="53"/>
        <source>Åtgärden har varken yta, punkt eller område: det finns inget att räkna.</source>
        <translation>The measure has no area, point or district: there is nothing to count.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_areas.py" line="75"/>
        <source>Åtgärden hör inte till något område: välj ett kontrollområde på kartan.</source>
        <translation>The measure belongs to no district: choose a control area on the map.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_areas.py" line="82"/>
        <source>Åtgärden gäller hela området, så det finns ingen rest av området att jämföra med: välj ett kontrollområde på kartan.</source>
        <translation>The measure covers the whole district, so there is no rest of the district to compare with: choose a control area on the map.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_areas.py" line="89"/>
        <source>resten av {district}</source>
        <translation>the rest of {district}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_areas.py" line="92"/>
        <source>valt kontrollområde</source>
        <translation>chosen control area</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_areas.py" line="149"/>
        <source>Ytan ska vara en GeoJSON-polygon: slutna ringar av minst fyra [lon, lat]-punkter.</source>
        <translation>The area must be a GeoJSON polygon: closed rings of at least four [lon, lat] points.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="27"/>
        <source>Ingen säker förändring jämfört med kontrollområdet: {interval}, skillnaden kan vara slumpen</source>
        <translation>No certain change compared with the control area: {interval}, the difference may be chance</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="38"/>
        <source>{headline}; räknat mot kontrollområdet, som också minskade ({change} %)</source>
        <translation>{headline}; counted against the control area, which also decreased ({change}%)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="43"/>
        <source>{headline}; räknat mot kontrollområdet, som minskade ({change} %)</source>
        <translation>{headline}; counted against the control area, which decreased ({change}%)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="49"/>
        <source>{headline}; räknat mot kontrollområdet, som också ökade ({change} %)</source>
        <translation>{headline}; counted against the control area, which also increased ({change}%)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="54"/>
        <source>{headline}; räknat mot kontrollområdet, som ökade ({change} %)</source>
        <translation>{headline}; counted against the control area, which increased ({change}%)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="59"/>
        <source>{headline}; ingen motsvarande förändring i kontrollområdet</source>
        <translation>{headline}; no matching change in the control area</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="72"/>
        <source>Ingen säker förändring: {interval}, skillnaden kan vara slumpen</source>
        <translation>No certain change: {interval}, the difference may be chance</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="77"/>
        <source>{headline}; utan kontrollområde kan förändringen ha andra orsaker</source>
        <translation>{headline}; without a control area the change may have other causes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="87"/>
        <source>Minskning med {size} % (95 % KI {near}–{far} %)</source>
        <translation>Decrease of {size}% (95% CI {near}–{far}%)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="90"/>
        <source>Ökning med {size} % (95 % KI {near}–{far} %)</source>
        <translation>Increase of {size}% (95% CI {near}–{far}%)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/analysis/follow_up_text.py" line="96"/>
        <source>{change} % (95 % KI {low} till {high} %)</source>
        <translation>{change}% (95% CI {low} to {high}%)</translation>
    </message>
</context>
<context>
    <name>GeneralSettingsTab</name>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="60"/>
        <source>Tomt = standardmappen för EST Desktop.</source>
        <translation>Empty = EST Desktop&apos;s standard folder.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="62"/>
        <source>&amp;Välj…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="65"/>
        <source>&amp;Kopiera datalagret dit vid nästa start</source>
        <translation>Co&amp;py the data store there at the next start</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="71"/>
        <source>Gärna en annan disk eller en nätverksmapp: då skyddar kopian mot diskfel.</source>
        <translation>Preferably another disk or a network folder: then the copy protects against disk failure.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="74"/>
        <source>Väl&amp;j…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="86"/>
        <source>S&amp;pråk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="88"/>
        <source>&amp;Datamapp</source>
        <translation>&amp;Data folder</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="92"/>
        <source>Mapp för säkerhets&amp;kopior</source>
        <translation>&amp;Backup folder</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="119"/>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="138"/>
        <source>Gäller efter omstart.</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="134"/>
        <source>Inget flyttas eller tas bort: det som finns i %1 ligger kvar där.</source>
        <translation>Nothing is moved or deleted: what is in %1 stays there.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="136"/>
        <source>%2 har redan ett datalager. Det öppnas efter omstart.</source>
        <translation>%2 already has a data store. It is opened after a restart.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="141"/>
        <source>Gäller efter omstart: ett nytt datalager skapas i %2.</source>
        <translation>Takes effect after a restart: a new data store is created in %2.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_general_tab.py" line="152"/>
        <source>Välj mapp</source>
        <translation>Choose folder</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="62"/>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="190"/>
        <source>Snabbguide</source>
        <translation>Quick guide</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="63"/>
        <source>Ny händelse</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="64"/>
        <source>Spara händelsen</source>
        <translation>Save the incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="67"/>
        <source>Avbryt en ändring i formuläret, stäng en dialog</source>
        <translation>Cancel a change in the form, close a dialog</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="70"/>
        <source>understruken bokstav</source>
        <translation>underlined letter</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="71"/>
        <source>Gå till fältet eller knappen</source>
        <translation>Go to the field or button</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="73"/>
        <source>Sök i listan</source>
        <translation>Search the list</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="74"/>
        <source>Ändra vald händelse</source>
        <translation>Edit the selected incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="75"/>
        <source>Ta bort vald händelse (i listan)</source>
        <translation>Delete the selected incident (in the list)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="76"/>
        <source>Uppdatera listan</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="77"/>
        <source>Synka nu</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="78"/>
        <source>Visa eller dölj analysen</source>
        <translation>Show or hide the analysis</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="79"/>
        <source>Skriv ut sammanfattning</source>
        <translation>Print summary</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="80"/>
        <source>Veckans lägesbild</source>
        <translation>Weekly overview</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="81"/>
        <source>Visa alla kategorier i kategorifältet</source>
        <translation>Show all categories in the category field</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="82"/>
        <source>Nästa flik i en dialog</source>
        <translation>Next tab in a dialog</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="89"/>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="98"/>
        <source>ingen – arbetar lokalt</source>
        <translation>none – working locally</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="108"/>
        <source>Kartdata © OpenStreetMap contributors, tillgängliga under Open Database License (ODbL) 1.0: %1. Kartbitarna från OpenStreetMaps servrar används enligt deras användarvillkor (%2): programmet sparar dem lokalt och hämtar dem inte i mängd.</source>
        <translation>Map data © OpenStreetMap contributors, available under the Open Database License (ODbL) 1.0: %1. Map tiles from OpenStreetMap&apos;s servers are used under their terms of use (%2): the program stores them locally and does not download them in bulk.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="116"/>
        <source>policy för kartbitar</source>
        <translation>tile usage policy</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="119"/>
        <source>Qt och PySide6 används under GNU LGPL v3: källkoden finns hos The Qt Company och Qt-biblioteken i programmets mapp får bytas mot andra versioner.</source>
        <translation>Qt and PySide6 are used under the GNU LGPL v3: the source code is available from The Qt Company, and the Qt libraries in the program&apos;s folder may be replaced with other versions.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="125"/>
        <source>Datalager</source>
        <translation>Data store</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="126"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="129"/>
        <source>EST Desktop är fri programvara under European Union Public Licence (EUPL) 1.2: %1.</source>
        <translation>EST Desktop is free software under the European Union Public Licence (EUPL) 1.2: %1.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="132"/>
        <source>Effektiv samordning för trygghet: Borås Stad, Polisen och Bostäder i Borås registrerar och följer upp otrygghetsskapande händelser.</source>
        <translation>Effective coordination for safety: the City of Borås, the Police and Bostäder i Borås record and follow up incidents that make places feel unsafe.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="137"/>
        <source>Licens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="138"/>
        <source>Komponenter från andra</source>
        <translation>Third-party components</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="172"/>
        <source>Om EST Desktop</source>
        <translation>About EST Desktop</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../est_desktop/importers/errors.py" line="25"/>
        <source>Kolumnerna känns inte igen: {columns} saknas. Ange vilka kolumner som avses.</source>
        <translation>The columns are not recognised: {columns} missing. Say which columns are meant.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="114"/>
        <source>Filen är ingen läsbar CSV-fil: {error}.</source>
        <translation>The file is not a readable CSV file: {error}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="118"/>
        <source>Filen är tom: den första raden ska ha kolumnnamn.</source>
        <translation>The file is empty: the first row must hold the column names.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="130"/>
        <source>Rad {line} går inte att läsa: {error}.</source>
        <translation>Row {line} cannot be read: {error}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="176"/>
        <source>Ärendenummer saknas.</source>
        <translation>The case number is missing.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="179"/>
        <source>Ärende {case}: brottskod och brottsbenämning saknas.</source>
        <translation>Case {case}: crime code and crime name are missing.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="183"/>
        <source>Ärende {case}: {problem}</source>
        <translation>Case {case}: {problem}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="190"/>
        <source>Ärende {case}: koordinater saknas.</source>
        <translation>Case {case}: coordinates are missing.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="194"/>
        <source>Ärende {case}: koordinaterna {north}, {east} är inga tal.</source>
        <translation>Case {case}: the coordinates {north}, {east} are not numbers.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="200"/>
        <source>Ärende {case}: koordinaterna {north}, {east} är varken SWEREF 99 TM, RT90 eller WGS84 inom Sverige.</source>
        <translation>Case {case}: the coordinates {north}, {east} are neither SWEREF 99 TM, RT90 nor WGS84 within Sweden.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="236"/>
        <source>datumet {date} känns inte igen (skriv ÅÅÅÅ-MM-DD).</source>
        <translation>the date {date} is not recognised (write YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="238"/>
        <source>datum saknas.</source>
        <translation>the date is missing.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="246"/>
        <source>slutdatumet {date} känns inte igen (skriv ÅÅÅÅ-MM-DD).</source>
        <translation>the end date {date} is not recognised (write YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_csv.py" line="269"/>
        <source>klockslaget {time} känns inte igen (skriv TT:MM).</source>
        <translation>the time {time} is not recognised (write HH:MM).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_events.py" line="72"/>
        <source>Filen är ingen JSON-fil från polisens händelser: {error}.</source>
        <translation>The file is not a JSON file of police events: {error}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_events.py" line="80"/>
        <source>Filen ska innehålla en lista med händelser (polisens JSON).</source>
        <translation>The file must hold a list of events (the police&apos;s JSON).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_events.py" line="112"/>
        <source>Händelsen är inget JSON-objekt.</source>
        <translation>The event is not a JSON object.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_events.py" line="116"/>
        <source>Händelse {id}</source>
        <translation>Event {id}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_events.py" line="118"/>
        <source>Händelsen saknar id.</source>
        <translation>The event has no id.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_events.py" line="121"/>
        <location filename="../../est_desktop/importers/police_events.py" line="136"/>
        <source>{event}: tiden {time} känns inte igen.</source>
        <translation>{event}: the time {time} is not recognised.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_events.py" line="129"/>
        <source>{event}: namnet {name} saknar tid, typ och ort.</source>
        <translation>{event}: the name {name} lacks time, type and place.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="228"/>
        <source>Lästa: {count}</source>
        <translation>Read: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="229"/>
        <source>Nya: {count}</source>
        <translation>New: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="230"/>
        <source>Redan importerade: {count}</source>
        <translation>Already imported: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="231"/>
        <source>Utanför kommunen: {count}</source>
        <translation>Outside the municipality: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="232"/>
        <source>Avvisade: {count}</source>
        <translation>Rejected: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="233"/>
        <source>Omappad kategori: {count}</source>
        <translation>Unmapped category: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="236"/>
        <source>Uppdaterade: {count}</source>
        <translation>Updated: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="237"/>
        <source>Dubbletter i filen: {count}</source>
        <translation>Duplicates in the file: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="238"/>
        <source>Äldre versioner i filen: {count}</source>
        <translation>Older versions in the file: {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="239"/>
        <source>Sammanfattningar (inga händelser): {count}</source>
        <translation>Summaries (no incidents): {count}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="242"/>
        <source>  rad {line}: {reason}</source>
        <translation>  row {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/police_import.py" line="271"/>
        <source>Importen avbröts; inget sparades.</source>
        <translation>The import was cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/values.py" line="34"/>
        <source>Filen går inte att läsa som text (varken UTF-8 eller Windows-1252). Spara den som CSV (UTF-8) och försök igen.</source>
        <translation>The file cannot be read as text (neither UTF-8 nor Windows-1252). Save it as CSV (UTF-8) and try again.</translation>
    </message>
</context>
<context>
    <name>ImportColumns</name>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="15"/>
        <source>Ärendenummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="16"/>
        <source>Brottskod</source>
        <translation>Crime code</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="17"/>
        <source>Brottsbenämning</source>
        <translation>Crime name</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="18"/>
        <source>Datum från</source>
        <translation>Date from</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="19"/>
        <source>Klockslag från</source>
        <translation>Time from</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="20"/>
        <source>Datum till</source>
        <translation>Date to</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="21"/>
        <source>Klockslag till</source>
        <translation>Time to</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="22"/>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="23"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="24"/>
        <source>Nordkoordinat / latitud</source>
        <translation>Northing / latitude</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="25"/>
        <source>Ostkoordinat / longitud</source>
        <translation>Easting / longitude</translation>
    </message>
    <message>
        <location filename="../../est_desktop/importers/columns.py" line="26"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="73"/>
        <source>Importera polisdata</source>
        <translation>Import police data</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="88"/>
        <source>Ingen fil vald.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="90"/>
        <source>Välj &amp;fil…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="97"/>
        <source>Välj en brottsexport (CSV) eller en sparad händelselista (JSON) från polisen.</source>
        <translation>Choose a crime export (CSV) or a saved event list (JSON) from the police.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="118"/>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="121"/>
        <location filename="../../est_desktop/ui/import_dialog.py" line="313"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_mapping.py" line="35"/>
        <source>Välj vilken kolumn i filen som innehåller vad. Ärendenummer, datum och brottskod eller brottsbenämning krävs. Valet sparas för filer med samma kolumner.</source>
        <translation>Choose which column of the file holds what. Case number, date and crime code or crime name are required. The choice is remembered for files with the same columns.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_mapping.py" line="49"/>
        <source>&amp;Läs med dessa kolumner</source>
        <translation>&amp;Read with these columns</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_preview.py" line="43"/>
        <source>&amp;Avvisade rader och varför:</source>
        <translation>Re&amp;jected rows and why:</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="144"/>
        <source>Välj fil från polisen</source>
        <translation>Choose a file from the police</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="146"/>
        <source>Polisdata (*.csv *.txt *.json);;Alla filer (*)</source>
        <translation>Police data (*.csv *.txt *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="163"/>
        <source>Läser filen…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_preview.py" line="59"/>
        <source>Rad %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="183"/>
        <source>Så här blir importen. Inget har sparats ännu.</source>
        <translation>This is what the import will do. Nothing has been saved yet.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="185"/>
        <source>Det finns inget nytt att importera i filen.</source>
        <translation>There is nothing new to import in the file.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="203"/>
        <source>Filen kan inte läsas: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="205"/>
        <source>Filen kunde inte läsas in: %1</source>
        <translation>The file could not be read in: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_mapping.py" line="65"/>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="224"/>
        <source>Kolumnerna i filen känns inte igen.</source>
        <translation>The file&apos;s columns are not recognised.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="234"/>
        <source>Välj en kolumn för: %1.</source>
        <translation>Choose a column for: %1.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="260"/>
        <source>Importerar…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="282"/>
        <source>1 händelse importerad.</source>
        <translation>1 incident imported.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="284"/>
        <source>%1 händelser importerade.</source>
        <translation>%1 incidents imported.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="287"/>
        <source>%1 uppdaterade.</source>
        <translation>%1 updated.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="289"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="296"/>
        <source>Importen avbröts; inget sparades.</source>
        <translation>The import was cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="300"/>
        <source>Importen misslyckades; inget sparades. %1</source>
        <translation>The import failed; nothing was saved. %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/import_dialog.py" line="324"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>IncidentDetail</name>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="48"/>
        <source>Välj en händelse i listan för att se detaljer.</source>
        <translation>Select an incident in the list to see its details.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="55"/>
        <source>(ungefärlig tid)</source>
        <translation>(approximate time)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="56"/>
        <source>(ingen namngiven plats)</source>
        <translation>(no named place)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="58"/>
        <source>Bara kommunen är känd</source>
        <translation>Only the municipality is known</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="59"/>
        <source>Hela kommunen</source>
        <translation>The whole municipality</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="63"/>
        <source>(ungefärlig plats)</source>
        <translation>(approximate place)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="67"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="68"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="69"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="70"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="71"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="72"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="74"/>
        <source>Polisen underrättad</source>
        <translation>Police notified</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="75"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="75"/>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="77"/>
        <source>Registrerad</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="78"/>
        <source>Senast ändrad</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="82"/>
        <source>Externt id</source>
        <translation>External id</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="87"/>
        <source>Serverns skäl: %1</source>
        <translation>The server&apos;s reason: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_detail.py" line="94"/>
        <source>(ingen beskrivning)</source>
        <translation>(no description)</translation>
    </message>
</context>
<context>
    <name>IncidentFilterBar</name>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="36"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="38"/>
        <source>All tid</source>
        <translation>All time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="39"/>
        <source>Senaste 7 dagarna</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="40"/>
        <source>Senaste 30 dagarna</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="41"/>
        <source>Denna månad</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="42"/>
        <source>Förra månaden</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="43"/>
        <source>I år</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="44"/>
        <source>I fjol</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="45"/>
        <source>Välj datum…</source>
        <translation>Choose dates…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="57"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="58"/>
        <source>Alla distrikt</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="63"/>
        <source>Kategori eller grupp</source>
        <translation>Category or group</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="64"/>
        <source>Alla kategorier</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="66"/>
        <source>(alla)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="71"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="72"/>
        <source>Alla källor</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="73"/>
        <source>Personal</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="74"/>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="77"/>
        <source>Sök i plats och beskrivning (Ctrl+F)</source>
        <translation>Search place and description (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="84"/>
        <source>Rensa filter</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_filter_bar.py" line="94"/>
        <source>Visa alla händelser som filtret ovan väljer igen</source>
        <translation>Show all the incidents the filter above selects again</translation>
    </message>
</context>
<context>
    <name>IncidentListPanel</name>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="82"/>
        <source>Än&amp;dra</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="84"/>
        <source>Ta b&amp;ort…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="164"/>
        <source>Kunde inte ta bort</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="173"/>
        <source>Ta bort händelse</source>
        <translation>Delete incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="174"/>
        <source>Ta bort händelsen »%1«? Den tas bort för alla när datorn synkar.</source>
        <translation>Delete the incident “%1”? It is deleted for everyone when this computer syncs.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="208"/>
        <source>1 händelse visas</source>
        <translation>1 incident shown</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="210"/>
        <source>%1 händelser visas</source>
        <translation>%1 incidents shown</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_list_panel.py" line="214"/>
        <source>Hela kommunen</source>
        <translation>The whole municipality</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="31"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="32"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="33"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="34"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="35"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="36"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="37"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="40"/>
        <source>Personal</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="41"/>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="45"/>
        <source>Sparad på datorn</source>
        <translation>Saved locally</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="46"/>
        <source>Skickad</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="47"/>
        <source>Bekräftad av servern</source>
        <translation>Confirmed by the server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="48"/>
        <source>Konflikt</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="49"/>
        <source>Avvisad</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="52"/>
        <source>Sparad på den här datorn; skickas till servern vid nästa synk.</source>
        <translation>Saved on this computer; sent to the server at the next sync.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="55"/>
        <source>Skickad till servern; servern har inte bekräftat den än.</source>
        <translation>Sent to the server; the server has not confirmed it yet.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="58"/>
        <source>Servern har tagit emot och sparat just den här versionen.</source>
        <translation>The server has received and saved exactly this version.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="61"/>
        <source>Ändrad både här och på servern. Välj version under Synk › Visa konflikter.</source>
        <translation>Changed both here and on the server. Choose a version under Sync › Show conflicts.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="65"/>
        <source>Servern tog inte emot händelsen. Rätta den och spara igen.</source>
        <translation>The server did not accept the incident. Correct it and save again.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="84"/>
        <source>ca %1</source>
        <translation>approx. %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/incident_table_model.py" line="236"/>
        <source>polis underrättad</source>
        <translation>police notified</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="52"/>
        <source>Logga in på servern</source>
        <translation>Sign in to the server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="68"/>
        <source>Logga in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="71"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="78"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="79"/>
        <source>&amp;Användarnamn</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="80"/>
        <source>&amp;Lösenord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="114"/>
        <source>Fyll i server, användarnamn och lösenord.</source>
        <translation>Fill in the server, user name and password.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="141"/>
        <source>Fel användarnamn eller lösenord.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="143"/>
        <source>Servern går inte att nå: %1</source>
        <translation>The server cannot be reached: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="148"/>
        <source>För många försök. Vänta 1 minut.</source>
        <translation>Too many attempts. Wait 1 minute.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="150"/>
        <source>För många försök. Vänta %1 minuter.</source>
        <translation>Too many attempts. Wait %1 minutes.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="153"/>
        <source>Servern är upptagen. Försök igen om en stund.</source>
        <translation>The server is busy. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="154"/>
        <source>Inloggningen misslyckades: %1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/login_dialog.py" line="167"/>
        <source>Loggar in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="70"/>
        <source>EST Desktop</source>
        <translation>EST Desktop</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="71"/>
        <source>demodata</source>
        <translation>demo data</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="105"/>
        <source>Åtgärder</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="128"/>
        <source>Analys</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="31"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="46"/>
        <source>&amp;Ny händelse</source>
        <translation>&amp;New incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="53"/>
        <source>&amp;Spara händelse</source>
        <translation>&amp;Save incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="62"/>
        <source>Skriv ut samman&amp;fattning…</source>
        <translation>&amp;Print summary…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="69"/>
        <source>Veckans &amp;lägesbild…</source>
        <translation>&amp;Weekly overview…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="77"/>
        <source>Importera &amp;polisdata…</source>
        <translation>&amp;Import police data…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="84"/>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="94"/>
        <source>&amp;Inställningar…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="102"/>
        <source>A&amp;vsluta</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="33"/>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="113"/>
        <source>&amp;Ändra vald händelse</source>
        <translation>&amp;Edit selected incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="120"/>
        <source>&amp;Ta bort vald händelse…</source>
        <translation>&amp;Delete selected incident…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="131"/>
        <source>&amp;Sök…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="35"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="141"/>
        <source>&amp;Uppdatera listan</source>
        <translation>&amp;Refresh list</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="148"/>
        <source>&amp;Rensa filter</source>
        <translation>&amp;Clear filter</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="157"/>
        <source>&amp;Analys</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="162"/>
        <source>Å&amp;tgärder</source>
        <translation>&amp;Measures</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="37"/>
        <source>S&amp;ynk</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="38"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="172"/>
        <source>&amp;Snabbguide</source>
        <translation>&amp;Quick guide</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="179"/>
        <source>&amp;Kortkommandon</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_menus.py" line="187"/>
        <source>&amp;Om EST Desktop</source>
        <translation>&amp;About EST Desktop</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="154"/>
        <source>Demodata – inte de riktiga uppgifterna</source>
        <translation>Demo data – not the real records</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="156"/>
        <source>Sparas på denna dator</source>
        <translation>Stored on this computer</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="165"/>
        <source>(ingen användare)</source>
        <translation>(no user)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="174"/>
        <source>Sparad: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="180"/>
        <source>Ändringen sparad: %1</source>
        <translation>Change saved: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/main_window.py" line="188"/>
        <source>Händelsen är borttagen.</source>
        <translation>The incident has been deleted.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/main_window.py" line="243"/>
        <source>%Ln händelser importerade.</source>
        <translation>
            <numerusform>%Ln incident imported.</numerusform>
            <numerusform>%Ln incidents imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="25"/>
        <source>Kategorigrupper</source>
        <translation>Category groups</translation>
    </message>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="26"/>
        <source>Hotspot, 99 % säkerhet</source>
        <translation>Hotspot, 99% confidence</translation>
    </message>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="27"/>
        <source>Hotspot, 95 % säkerhet</source>
        <translation>Hotspot, 95% confidence</translation>
    </message>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="28"/>
        <source>Här och runt omkring finns fler händelser än slumpen skulle ge. 99 %: mindre än 1 % risk att mönstret är en slump; 95 %: mindre än 5 %.</source>
        <translation>Here and around it there are more incidents than chance would give. 99%: less than 1% risk that the pattern is chance; 95%: less than 5%.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="33"/>
        <source>Bakgrundskartan kan inte visas utan nätverk. Distrikt och händelser visas ändå.</source>
        <translation>The background map cannot be shown without a network. Districts and incidents are shown anyway.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="36"/>
        <source>Hämtar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="37"/>
        <source>Händelsen finns inte längre.</source>
        <translation>The incident no longer exists.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/maps/content.py" line="38"/>
        <source>Den nya händelsens plats – dra för att flytta</source>
        <translation>The new incident&apos;s place – drag to move</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="109"/>
        <source>Kartan laddas…</source>
        <translation>The map is loading…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="266"/>
        <source>Kartans händelser kunde inte läsas: %1</source>
        <translation>The map&apos;s incidents could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="271"/>
        <source>Kartan ritas…</source>
        <translation>Drawing the map…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="280"/>
        <source>1 händelse på kartan</source>
        <translation>1 incident on the map</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="282"/>
        <source>%1 händelser på kartan</source>
        <translation>%1 incidents on the map</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="284"/>
        <source>(%1 med bara kommunen som plats visas inte)</source>
        <translation>(%1 with only the municipality as their place are not shown)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="294"/>
        <source>planerad</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="295"/>
        <source>pågår</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="296"/>
        <source>avslutad</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="301"/>
        <source>Åtgärd: %1</source>
        <translation>Measure: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="334"/>
        <source>&amp;Karta</source>
        <translation>Ma&amp;p</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="335"/>
        <source>Karta</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="339"/>
        <source>&amp;Händelser</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="340"/>
        <source>Hot&amp;spots</source>
        <translation>Hot&amp;spots</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="341"/>
        <source>Åt&amp;gärder</source>
        <translation>&amp;Measures</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="342"/>
        <source>&amp;Distriktsgränser</source>
        <translation>&amp;District boundaries</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="353"/>
        <source>&amp;Zooma till distrikt</source>
        <translation>&amp;Zoom to district</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="354"/>
        <source>&amp;Alla distrikt</source>
        <translation>&amp;All districts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="362"/>
        <source>Zooma till distrikt</source>
        <translation>Zoom to district</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="367"/>
        <source>Spara området för &amp;offline…</source>
        <translation>Save the area for &amp;offline use…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/map_panel.py" line="369"/>
        <source>Spara bakgrundskartan för det här området, så att den syns utan nätverk.</source>
        <translation>Save the background map of this area, so that it shows without a network.</translation>
    </message>
</context>
<context>
    <name>MapSettingsTab</name>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="33"/>
        <source>Tomt = OpenStreetMaps karta.</source>
        <translation>Empty = the OpenStreetMap map.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="38"/>
        <source>&amp;Importera MBTiles-fil…</source>
        <translation>&amp;Import MBTiles file…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="40"/>
        <source>En kartfil från kommunens GIS-avdelning: fungerar helt utan nätverk.</source>
        <translation>A map file from the municipality&apos;s GIS department: works entirely without a network.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="48"/>
        <source>Kartan du har sett finns kvar utan nätverk. Ett helt område sparar du i menyn Visa › Karta › Spara området för offline…</source>
        <translation>The map you have seen stays available without a network. To save a whole area, use View › Map › Save the area for offline use…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="56"/>
        <source>&amp;Adress till kartbitar</source>
        <translation>Tile &amp;address</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="57"/>
        <source>Kartans &amp;upphov</source>
        <translation>Map a&amp;ttribution</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="81"/>
        <source>t.ex. © Lantmäteriet</source>
        <translation>e.g. © Lantmäteriet</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="93"/>
        <source>Importera MBTiles-fil</source>
        <translation>Import MBTiles file</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="95"/>
        <source>MBTiles-filer (*.mbtiles);;Alla filer (*)</source>
        <translation>MBTiles files (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="107"/>
        <source>Importerar kartbitar från %1…</source>
        <translation>Importing map tiles from %1…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="115"/>
        <source>%1 kartbitar importerade.</source>
        <translation>%1 map tiles imported.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="121"/>
        <source>%1 är ingen MBTiles-fil. Välj en kartfil i MBTiles-format, t.ex. från kommunens GIS-avdelning.</source>
        <translation>%1 is not an MBTiles file. Choose a map file in MBTiles format, e.g. from the municipality&apos;s GIS department.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_map_tab.py" line="125"/>
        <source>Kunde inte läsa %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <location filename="../../est_desktop/ui/measure_choices.py" line="17"/>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_choices.py" line="18"/>
        <source>Pågår</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_choices.py" line="19"/>
        <source>Avslutad</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="41"/>
        <source>Ange ett tal, t.ex. 57,72.</source>
        <translation>Enter a number, e.g. 57.72.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="81"/>
        <source>Ny åtgärd</source>
        <translation>New measure</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="81"/>
        <source>Ändra åtgärd</source>
        <translation>Edit measure</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="96"/>
        <source>(inget område)</source>
        <translation>(no district)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="100"/>
        <source>t.ex. 57,7203</source>
        <translation>e.g. 57.7203</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="102"/>
        <source>t.ex. 12,9690</source>
        <translation>e.g. 12.9690</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="104"/>
        <source>meter (valfritt)</source>
        <translation>metres (optional)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="106"/>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="108"/>
        <source>ÅÅÅÅ-MM-DD (valfritt)</source>
        <translation>YYYY-MM-DD (optional)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="122"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="124"/>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="144"/>
        <source>L&amp;ongitud</source>
        <translation>L&amp;ongitude</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="148"/>
        <source>&amp;Slutdatum</source>
        <translation>&amp;End date</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="151"/>
        <source>&amp;Rubrik</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="153"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="158"/>
        <source>&amp;Område</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="159"/>
        <source>&amp;Latitud</source>
        <translation>&amp;Latitude</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="160"/>
        <source>Ra&amp;die</source>
        <translation>Rad&amp;ius</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="161"/>
        <source>&amp;Yta</source>
        <translation>&amp;Area</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="162"/>
        <source>Star&amp;tdatum</source>
        <translation>S&amp;tart date</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="163"/>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="165"/>
        <source>&amp;Ansvarig organisation</source>
        <translation>Res&amp;ponsible organisation</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="170"/>
        <source>&amp;Kategorier</source>
        <translation>&amp;Categories</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_dialog.py" line="171"/>
        <source>&amp;Uppföljning</source>
        <translation>&amp;Follow-up</translation>
    </message>
</context>
<context>
    <name>MeasureFields</name>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="20"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="21"/>
        <source>Radie (m)</source>
        <translation>Radius (m)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="22"/>
        <source>Yta</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="23"/>
        <source>Startdatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="24"/>
        <source>Slutdatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="25"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="26"/>
        <source>Ansvarig organisation</source>
        <translation>Responsible organisation</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="27"/>
        <source>Kategorier</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="28"/>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="31"/>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="32"/>
        <source>Pågår</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="33"/>
        <source>Avslutad</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="47"/>
        <source>Åtgärd: %1</source>
        <translation>Measure: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measure_fields.py" line="59"/>
        <source>alla</source>
        <translation>all</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="77"/>
        <source>Åtgärd</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="78"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="80"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="81"/>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="98"/>
        <source>&amp;Ny åtgärd…</source>
        <translation>&amp;New measure…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="100"/>
        <source>Ä&amp;ndra åtgärd…</source>
        <translation>&amp;Edit measure…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="107"/>
        <source>Rita &amp;kontrollområde…</source>
        <translation>Draw &amp;control area…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="109"/>
        <source>Rita på kartan det område som åtgärdens område ska jämföras med.</source>
        <translation>Draw on the map the area the measure&apos;s area is to be compared with.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="112"/>
        <source>Jämför med &amp;resten av distriktet</source>
        <translation>Compare with the &amp;rest of the district</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="169"/>
        <source>Inga åtgärder ännu. Åtgärder beslutas av analytikerna och kommer hit när datorn synkar.</source>
        <translation>No measures yet. Measures are decided by the analysts and arrive here when this computer syncs.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="210"/>
        <source>väntar på synk</source>
        <translation>waiting to sync</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="211"/>
        <source>konflikt – se Synk › Konflikter</source>
        <translation>conflict – see Sync › Conflicts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="212"/>
        <source>ändringen avvisades av servern</source>
        <translation>the change was rejected by the server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="265"/>
        <source>Kontrollområde: resten av distriktet.</source>
        <translation>Control area: the rest of the district.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="268"/>
        <source>Kontrollområde: ritat på kartan (%1).</source>
        <translation>Control area: drawn on the map (%1).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="277"/>
        <source>Servern tog inte emot den senaste ändringen%1. Den finns kvar här.</source>
        <translation>The server did not accept the latest change%1. It is kept here.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="298"/>
        <source>Följer upp…</source>
        <translation>Following up…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="335"/>
        <source>Före</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="337"/>
        <source>Under och efter</source>
        <translation>During and after</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="343"/>
        <source>ingen kontroll</source>
        <translation>no control</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="344"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/measures_panel.py" line="345"/>
        <source>I åtgärdens område</source>
        <translation>In the measure&apos;s area</translation>
    </message>
</context>
<context>
    <name>Months</name>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="57"/>
        <source>jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="58"/>
        <source>feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="59"/>
        <source>mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="60"/>
        <source>apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="61"/>
        <source>maj</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="62"/>
        <source>jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="63"/>
        <source>jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="64"/>
        <source>aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="65"/>
        <source>sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="66"/>
        <source>okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="67"/>
        <source>nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/language.py" line="68"/>
        <source>dec</source>
        <translation>Dec</translation>
    </message>
</context>
<context>
    <name>OfflineAreaDialog</name>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="54"/>
        <source>Spara kartan för användning utan nätverk</source>
        <translation>Save the map for use without a network</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="69"/>
        <source>Kartbitarna för området som syns nu sparas på datorn, så att kartan fungerar även utan nätverk.</source>
        <translation>The map tiles for the area shown now are saved on this computer, so that the map works without a network too.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="76"/>
        <source>Högre zoomnivå: mer detaljer, fler kartbitar.</source>
        <translation>Higher zoom level: more detail, more map tiles.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="91"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="93"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="98"/>
        <source>Spara ned till &amp;zoomnivå</source>
        <translation>Save down to &amp;zoom level</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="99"/>
        <source>Kartbitar som behövs</source>
        <translation>Map tiles needed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="126"/>
        <source>Området är för stort: %1 kartbitar, men högst %2 kan sparas härifrån (kartans tjänst tillåter inte stora nedladdningar). Zooma in eller välj en lägre zoomnivå, eller importera en MBTiles-fil från kommunens GIS-avdelning (Inställningar → Karta).</source>
        <translation>The area is too large: %1 map tiles, but at most %2 can be saved from here (the map service does not allow large downloads). Zoom in or choose a lower zoom level, or import an MBTiles file from the municipality&apos;s GIS department (Settings → Map).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="169"/>
        <source>Sparade %1 av %2 kartbitar för användning utan nätverk.</source>
        <translation>Saved %1 of %2 map tiles for use without a network.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="174"/>
        <source>Avbrutet.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="177"/>
        <source>%1 kunde inte hämtas: kontrollera nätverket och försök igen senare.</source>
        <translation>%1 could not be downloaded: check the network and try again later.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="183"/>
        <source>Kartbitarna kunde inte sparas: %1</source>
        <translation>The map tiles could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="191"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/offline_area_dialog.py" line="201"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Organisations</name>
    <message>
        <location filename="../../est_desktop/domain/organisations.py" line="15"/>
        <source>Borås Stad</source>
        <translation>City of Borås</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/organisations.py" line="16"/>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/organisations.py" line="17"/>
        <source>Bostäder i Borås</source>
        <translation>Bostäder i Borås</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <location filename="../../est_desktop/domain/privacy.py" line="24"/>
        <source>Beskriv händelsen och platsen, inte personer</source>
        <translation>Describe the incident and the place, not people</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/privacy.py" line="45"/>
        <source>ser ut som ett personnummer</source>
        <translation>looks like a personal identity number</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/privacy.py" line="48"/>
        <source>ser ut som ett telefonnummer</source>
        <translation>looks like a phone number</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/privacy.py" line="49"/>
        <source>ser ut som en e-postadress</source>
        <translation>looks like an e-mail address</translation>
    </message>
    <message>
        <location filename="../../est_desktop/domain/privacy.py" line="50"/>
        <source>ser ut som ett namn på en person</source>
        <translation>looks like a person&apos;s name</translation>
    </message>
</context>
<context>
    <name>PrivacyWarning</name>
    <message>
        <location filename="../../est_desktop/ui/privacy_warning.py" line="27"/>
        <source>Spara ändå</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/privacy_warning.py" line="38"/>
        <source>»%1« %2</source>
        <translation>“%1” %2</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/privacy_warning.py" line="46"/>
        <source>Beskriv händelsen och platsen, inte personer.</source>
        <translation>Describe the incident and the place, not people.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/privacy_warning.py" line="48"/>
        <source>Ändra texten, eller spara ändå om uppgiften behövs.</source>
        <translation>Change the text, or save anyway if the detail is needed.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="39"/>
        <source>Måndag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="40"/>
        <source>Tisdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="41"/>
        <source>Onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="42"/>
        <source>Torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="43"/>
        <source>Fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="44"/>
        <source>Lördag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="45"/>
        <source>Söndag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="147"/>
        <source>Händelser per månad</source>
        <translation>Incidents per month</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="149"/>
        <source>Händelser per vecka</source>
        <translation>Incidents per week</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="166"/>
        <source>Antal händelser</source>
        <translation>Number of incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="211"/>
        <source>Kl.</source>
        <translation>Hour</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="215"/>
        <source>Summa</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="259"/>
        <source>Händelser per ruta:</source>
        <translation>Incidents per cell:</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="274"/>
        <source>1 händelse med bara datum, utan klockslag, ingår inte.</source>
        <translation>1 incident with only a date, no time of day, is not included.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/charts.py" line="278"/>
        <source>{count} händelser med bara datum, utan klockslag, ingår inte.</source>
        <translation>{count} incidents with only a date, no time of day, are not included.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="58"/>
        <source>Skriv ut sammanfattning</source>
        <translation>Print summary</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="69"/>
        <source>&amp;Distriktssammanfattning</source>
        <translation>&amp;District summary</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="70"/>
        <source>Nyckeltal, utveckling, veckodag och tid, kategorier, platser, karta</source>
        <translation>Key figures, trend, weekday and time, categories, places, map</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="74"/>
        <source>&amp;Veckans lägesbild</source>
        <translation>&amp;Weekly overview</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="75"/>
        <source>De sju dagarna fram till sista dagen mot snittet av fyra veckor före</source>
        <translation>The seven days up to the last day against the average of the four weeks before</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="79"/>
        <source>&amp;Återkoppling till personalen</source>
        <translation>Feed&amp;back to the staff</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="80"/>
        <source>En sida med stor text: vad som rapporterats och vad som görs</source>
        <translation>One page in large print: what has been reported and what is being done</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="94"/>
        <source>Alla distrikt</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="100"/>
        <source>Analytikerns bedömning: vad siffrorna betyder och vad som föreslås.</source>
        <translation>The analyst&apos;s assessment: what the figures mean and what is proposed.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="105"/>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="106"/>
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="107"/>
        <source>&amp;Till</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="108"/>
        <source>D&amp;istrikt</source>
        <translation>D&amp;istrict</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="109"/>
        <source>&amp;Bedömning</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="113"/>
        <source>Förhands&amp;granska…</source>
        <translation>Pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="115"/>
        <source>Skriv &amp;ut…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="117"/>
        <source>Spara som &amp;PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="119"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="180"/>
        <source>Spara som PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="180"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="190"/>
        <source>Kunde inte spara</source>
        <translation>Could not save</translation>
    </message>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/report_dialog.py" line="193"/>
        <source>Sparad: %1 (%n sidor).</source>
        <translation>
            <numerusform>Saved: %1 (%n page).</numerusform>
            <numerusform>Saved: %1 (%n pages).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="207"/>
        <source>Sammanställer</source>
        <translation>Compiling</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="207"/>
        <source>Läser och analyserar händelserna…</source>
        <translation>Reading and analysing the incidents…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="221"/>
        <source>Ritar kartan…</source>
        <translation>Drawing the map…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="224"/>
        <source>Avbrutet; inget sammanställdes.</source>
        <translation>Cancelled; nothing was compiled.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="227"/>
        <source>Kunde inte sammanställa</source>
        <translation>Could not compile</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/report_dialog.py" line="233"/>
        <source>Kartan kunde inte ritas.</source>
        <translation>The map could not be drawn.</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <location filename="../../est_desktop/reports/document.py" line="261"/>
        <source>EST · Effektiv samordning för trygghet</source>
        <translation>EST · Effective coordination for safety</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/document.py" line="307"/>
        <source>Sammanställd av {who}, {day}</source>
        <translation>Compiled by {who}, {day}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/document.py" line="311"/>
        <source>Sammanställd {day}</source>
        <translation>Compiled {day}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/document.py" line="316"/>
        <source>Uppgifter t.o.m. {day}.</source>
        <translation>Data up to and including {day}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/document.py" line="319"/>
        <source>Polisens uppgifter redovisas sammanställda.</source>
        <translation>Police data are shown aggregated.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/document.py" line="324"/>
        <source>Sida {number} av {count}</source>
        <translation>Page {number} of {count}</translation>
    </message>
</context>
<context>
    <name>ReportSections</name>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="33"/>
        <source>Inga pågående åtgärder registrerade.</source>
        <translation>No ongoing measures recorded.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="38"/>
        <source>Åtgärd</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="39"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="40"/>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="42"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="56"/>
        <source>… och {count} till.</source>
        <translation>… and {count} more.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="60"/>
        <source>Uppföljning hittills</source>
        <translation>Follow-up so far</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="71"/>
        <source>Inga platser med händelser i perioden.</source>
        <translation>No places with incidents in the period.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="79"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="80"/>
        <location filename="../../est_desktop/reports/sections.py" line="110"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="81"/>
        <location filename="../../est_desktop/reports/sections.py" line="111"/>
        <source>Andel</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="89"/>
        <source>Händelser utan namngiven plats räknas i rutor om 100 × 100 meter.</source>
        <translation>Incidents without a named place are counted in cells of 100 × 100 metres.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="108"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/sections.py" line="109"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
</context>
<context>
    <name>ReportWording</name>
    <message>
        <location filename="../../est_desktop/reports/wording.py" line="15"/>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/wording.py" line="16"/>
        <source>Pågår</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/wording.py" line="17"/>
        <source>Avslutad</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/wording.py" line="57"/>
        <source>från {day}</source>
        <translation>from {day}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/wording.py" line="59"/>
        <source>till {day}</source>
        <translation>until {day}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="62"/>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="152"/>
        <source>Återställ från säkerhetskopia</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="73"/>
        <source>Välj den säkerhetskopia som datalagret ska återställas till. Innan något ersätts får du se vad som försvinner, och datalagret som det är nu sparas som en egen säkerhetskopia.</source>
        <translation>Choose the backup to restore the data store to. Before anything is replaced you see what would be lost, and the data store as it is now is saved as a backup of its own.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="82"/>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="83"/>
        <source>Slag</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="84"/>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="85"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="86"/>
        <source>Ej synkade ändringar</source>
        <translation>Unsynced changes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="100"/>
        <source>Mapp: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="102"/>
        <source>Det finns inga säkerhetskopior i %1 ännu.</source>
        <translation>There are no backups in %1 yet.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="113"/>
        <source>&amp;Återställ…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="117"/>
        <source>Öppna &amp;mappen</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="141"/>
        <source>Jämför säkerhetskopian med datalagret…</source>
        <translation>Comparing the backup with the data store…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="153"/>
        <source>Återställa datalagret till säkerhetskopian från %1?</source>
        <translation>Restore the data store to the backup from %1?</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="159"/>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="168"/>
        <source>Händelser sparade efter säkerhetskopian: %1</source>
        <translation>Incidents saved after the backup: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="173"/>
        <source>(%1 av dem finns på servern och hämtas igen vid nästa synk)</source>
        <translation>(%1 of them are on the server and are fetched again at the next sync)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="179"/>
        <source>Ändringar som ännu inte har synkats till servern: %1</source>
        <translation>Changes not yet synced to the server: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="184"/>
        <source>Detta försvinner ur datalagret:</source>
        <translation>This will be lost from the data store:</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="186"/>
        <source>Datalagret har inget som saknas i säkerhetskopian.</source>
        <translation>The data store holds nothing that the backup lacks.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="189"/>
        <source>Datalagret som det är nu sparas först som en säkerhetskopia (»före återställning«), så återställningen kan ångras.</source>
        <translation>The data store as it is now is first saved as a backup (“before restore”), so the restore can be undone.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="200"/>
        <source>Före återställning</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="202"/>
        <source>Automatisk</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="223"/>
        <source>oläslig</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="233"/>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="261"/>
        <source>Inget har ändrats.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="235"/>
        <source>Återställer… Med ett stort datalager kan det ta någon minut.</source>
        <translation>Restoring… With a large data store this may take a minute or so.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/restore_dialog.py" line="262"/>
        <source>Återställningen gick inte</source>
        <translation>The restore failed</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../est_desktop/self_test.py" line="63"/>
        <source>EST Desktop %1 självtest (%2)</source>
        <translation>EST Desktop %1 self-test (%2)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="69"/>
        <source>%1 av %2 kontroller gick igenom.</source>
        <translation>%1 of %2 checks passed.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="101"/>
        <source>fryst</source>
        <translation>frozen</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="130"/>
        <source>datalagret öppnat</source>
        <translation>data store opened</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="131"/>
        <source>migreringarna körda</source>
        <translation>migrations run</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="132"/>
        <source>händelse sparad och läst</source>
        <translation>incident saved and read</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="133"/>
        <source>kartsidan redo utan nätverk</source>
        <translation>map page ready without a network</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="134"/>
        <source>PDF-sammanfattning skriven</source>
        <translation>PDF summary written</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="135"/>
        <source>översättningar hittade</source>
        <translation>translations found</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="136"/>
        <source>koordinater omräknade</source>
        <translation>coordinates converted</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="170"/>
        <location filename="../../est_desktop/self_test.py" line="195"/>
        <source>datalagret</source>
        <translation>the data store</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="179"/>
        <source>datalagret har version %1, programmet %2</source>
        <translation>the data store has version %1, the program %2</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="185"/>
        <source>version %1 (%2 migreringar)</source>
        <translation>version %1 (%2 migrations)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="206"/>
        <source>Självtest: klotter på elskåpet</source>
        <translation>Self-test: graffiti on the electrical cabinet</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="212"/>
        <source>den sparade händelsen finns inte i datalagret</source>
        <translation>the saved incident is not in the data store</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="215"/>
        <source>händelsen lästes tillbaka ändrad</source>
        <translation>the incident was read back changed</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="226"/>
        <location filename="../../est_desktop/self_test.py" line="301"/>
        <source>händelsen</source>
        <translation>the incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="257"/>
        <source>sidan kunde inte laddas</source>
        <translation>the page could not be loaded</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="261"/>
        <source>webbprocessen avslutades (%1)</source>
        <translation>the web process ended (%1)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="279"/>
        <source>sidan var inte redo efter %1 s</source>
        <translation>the page was not ready after %1 s</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="285"/>
        <source>%1 händelser på kartan, väntade 1</source>
        <translation>%1 incidents on the map, expected 1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="291"/>
        <source>sidan ville hämta %1</source>
        <translation>the page tried to fetch %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="293"/>
        <source>1 händelse på kartan, inget hämtat utanför datorn</source>
        <translation>1 incident on the map, nothing fetched from outside this computer</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="313"/>
        <source>ingen PDF-fil skrevs</source>
        <translation>no PDF file was written</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="316"/>
        <source>%1 sidor, väntade 1</source>
        <translation>%1 pages, expected 1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="319"/>
        <source>1 sida, %1 kB</source>
        <translation>1 page, %1 kB</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="337"/>
        <source>%1: bara %2</source>
        <translation>%1: only %2</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="351"/>
        <source>SWEREF 99 TM känns inte igen</source>
        <translation>SWEREF 99 TM is not recognised</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="356"/>
        <source>fel läge: %1</source>
        <translation>wrong position: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/self_test.py" line="364"/>
        <source>kördes inte: %1 saknas</source>
        <translation>not run: %1 is missing</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="83"/>
        <source>Dela med de andra</source>
        <translation>Share with the others</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="86"/>
        <source>Med en server ser Borås Stad, Polisen och Bostäder i Borås samma händelser. Utan server sparas allt bara på den här datorn.</source>
        <translation>With a server, the City of Borås, the Police and Bostäder i Borås see the same incidents. Without a server everything is saved on this computer only.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="90"/>
        <source>Arbeta &amp;lokalt tills vidare</source>
        <translation>Work &amp;locally for now</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="91"/>
        <source>S&amp;ynka med en server</source>
        <translation>S&amp;ync with a server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="103"/>
        <source>Server&amp;adress</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="109"/>
        <source>Adressen får du av den som administrerar EST hos er. Lösenordet frågas efter första gången programmet synkar.</source>
        <translation>You get the address from whoever administers EST in your organisation. The password is asked for the first time the program syncs.</translation>
    </message>
</context>
<context>
    <name>ServerSettingsTab</name>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="50"/>
        <source>https://… (tomt = arbeta lokalt)</source>
        <translation>https://… (empty = work locally)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="52"/>
        <source>Arbeta &amp;lokalt</source>
        <translation>Work &amp;locally</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="53"/>
        <source>Ingen server: allt sparas bara på den här datorn.</source>
        <translation>No server: everything is saved on this computer only.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="59"/>
        <source>(systemets certifikat)</source>
        <translation>(the system&apos;s certificates)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="61"/>
        <source>Behövs bara när kommunens nät har ett eget CA: en PEM-fil från IT.</source>
        <translation>Only needed when the municipality&apos;s network has its own CA: a PEM file from IT.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="64"/>
        <source>&amp;Välj…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="69"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="71"/>
        <source>Logga &amp;in…</source>
        <translation>Sign &amp;in…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="86"/>
        <source>Server&amp;adress</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="88"/>
        <source>Användar&amp;namn på servern</source>
        <translation>User &amp;name on the server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="89"/>
        <source>&amp;CA-certifikat</source>
        <translation>CA certi&amp;ficate</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="91"/>
        <source>S&amp;ynka var</source>
        <translation>S&amp;ync every</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="127"/>
        <source>Välj CA-certifikat</source>
        <translation>Choose CA certificate</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_server_tab.py" line="129"/>
        <source>Certifikat (*.pem *.crt *.cer);;Alla filer (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="29"/>
        <source>Arbetar lokalt: inget skickas från datorn.</source>
        <translation>Working locally: nothing is sent from this computer.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="34"/>
        <source>Ange en adress som börjar med https://, t.ex. https://est.boras.se.</source>
        <translation>Enter an address starting with https://, e.g. https://est.boras.se.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="38"/>
        <source>Varning: http är okrypterat. Använd det bara för test mot en server på samma dator; annars https.</source>
        <translation>Warning: http is unencrypted. Use it only for testing against a server on the same computer; otherwise use https.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="57"/>
        <source>Filen finns inte: %1</source>
        <translation>The file does not exist: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="63"/>
        <source>Filen går inte att läsa: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="67"/>
        <source>Filen är inget certifikat i PEM-format. Exportera CA-certifikatet som ”Base-64-kodad X.509” (PEM) och välj den filen.</source>
        <translation>The file is not a certificate in PEM format. Export the CA certificate as “Base-64 encoded X.509” (PEM) and choose that file.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="75"/>
        <source>Certifikatet i filen går inte att läsa: filen är skadad eller ofullständig.</source>
        <translation>The certificate in the file cannot be read: the file is damaged or incomplete.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="89"/>
        <source>Ange en adress som börjar med https://, t.ex. %1.</source>
        <translation>Enter an address starting with https://, e.g. %1.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="93"/>
        <source>Adressen måste innehålla {z}, {x} och {y}: där sätts kartbitens zoomnivå och nummer in.</source>
        <translation>The address must contain {z}, {x} and {y}: that is where the tile&apos;s zoom level and numbers go.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="101"/>
        <source>Inom klammerparenteser får adressen bara ha {z}, {x}, {y} och {s}.</source>
        <translation>Within braces the address may only have {z}, {x}, {y} and {s}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="110"/>
        <source>Ange vems kartan är (visas på kartan), t.ex. © Lantmäteriet.</source>
        <translation>Enter whose map it is (shown on the map), e.g. © Lantmäteriet.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="127"/>
        <source>Ange hela sökvägen till mappen, t.ex. %1.</source>
        <translation>Enter the full path of the folder, e.g. %1.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="134"/>
        <source>%1 är en fil, inte en mapp.</source>
        <translation>%1 is a file, not a folder.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_checks.py" line="138"/>
        <source>Du får inte skriva i %1. Välj en mapp du får skriva i.</source>
        <translation>You may not write in %1. Choose a folder you may write in.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="56"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="64"/>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="65"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="67"/>
        <source>Allmänt</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="71"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="72"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="92"/>
        <source>Står som den som registrerat händelserna du sparar.</source>
        <translation>Shown as the person who recorded the incidents you save.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="95"/>
        <source>t.ex. Områdesteam Hulta</source>
        <translation>e.g. Områdesteam Hulta</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="98"/>
        <source>Namn och organisation står på händelserna du sparar. När du loggar in på servern används de uppgifter servern har om dig.</source>
        <translation>Your name and organisation are stored with the incidents you save. When you sign in to the server, the details the server holds about you are used.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="107"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="108"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="109"/>
        <source>&amp;Enhet</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="38"/>
        <source>(ingen vald)</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/settings_dialog.py" line="66"/>
        <source>Karta</source>
        <translation>Map</translation>
    </message>
</context>
<context>
    <name>StaffFeedback</name>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="24"/>
        <source>Återkoppling till personalen</source>
        <translation>Feedback to the staff</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="27"/>
        <source>Det här rapporterades</source>
        <translation>This was reported</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="29"/>
        <source>Det här görs</source>
        <translation>This is being done</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="32"/>
        <source>Tack för era rapporter!</source>
        <translation>Thank you for your reports!</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="38"/>
        <source>Varje rapport hjälper oss att se var och när det behövs insatser. Fortsätt att rapportera det ni ser – också det som verkar litet.</source>
        <translation>Every report helps us see where and when action is needed. Keep reporting what you see – even what seems small.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="50"/>
        <source>Inga händelser rapporterades i {district} under {period}.</source>
        <translation>No incidents were reported in {district} during {period}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="60"/>
        <source>Händelser i perioden</source>
        <translation>Incidents in the period</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="64"/>
        <source>Varav rapporterade av er</source>
        <translation>Of which reported by you</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="69"/>
        <source>Vanligaste händelserna</source>
        <translation>Most common incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="71"/>
        <source>Händelse</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="78"/>
        <source>Platser med flest händelser</source>
        <translation>Places with the most incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="82"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="92"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="99"/>
        <source>Inga pågående åtgärder registrerade.</source>
        <translation>No ongoing measures recorded.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="113"/>
        <source>… och 1 åtgärd till.</source>
        <translation>… and 1 more measure.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/feedback.py" line="115"/>
        <source>… och {count} åtgärder till.</source>
        <translation>… and {count} more measures.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../est_desktop/store/conflicts.py" line="102"/>
        <source>Händelsen {id} är inte i konflikt (längre).</source>
        <translation>The incident {id} is not (or no longer) in conflict.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="74"/>
        <source>Mappen {folder} kan inte skapas: {reason}. Välj en annan mapp.</source>
        <translation>The folder {folder} cannot be created: {reason}. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="84"/>
        <source>Datalagret {path} används redan av ett annat EST-fönster. Stäng det andra fönstret och försök igen.</source>
        <translation>The data store {path} is already in use by another EST window. Close the other window and try again.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="91"/>
        <source>Datalagret {path} kan inte öppnas: {reason}. Kontrollera att mappen är skrivbar och att disken inte är full.</source>
        <translation>The data store {path} cannot be opened: {reason}. Check that the folder is writable and that the disk is not full.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="208"/>
        <source>Datalagret {path} är skapat av en nyare version av EST Desktop (version {version}). Uppdatera programmet; filen lämnas orörd.</source>
        <translation>The data store {path} was created by a newer version of EST Desktop (version {version}). Update the program; the file is left untouched.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="277"/>
        <source>Filen {path} är inte ett EST-datalager. Välj en annan mapp med --data-dir; filen lämnas orörd.</source>
        <translation>The file {path} is not an EST data store. Choose another folder with --data-dir; the file is left untouched.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="294"/>
        <source>Datalagret {path} kan inte öppnas: mappen {folder} är skrivskyddad. Välj en skrivbar mapp; filen lämnas orörd.</source>
        <translation>The data store {path} cannot be opened: the folder {folder} is read-only. Choose a writable folder; the file is left untouched.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="302"/>
        <source>Filen {path} är en databas från ett annat program, inte ett EST-datalager. Välj en annan mapp med --data-dir; filen lämnas orörd.</source>
        <translation>The file {path} is a database from another program, not an EST data store. Choose another folder with --data-dir; the file is left untouched.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="313"/>
        <source>Datalagret {path} är skadat och kan inte öppnas. Filen lämnas orörd; kontakta support eller återställ en säkerhetskopia.</source>
        <translation>The data store {path} is damaged and cannot be opened. The file is left untouched; contact support or restore a backup.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="324"/>
        <source>Disken är full. Frigör utrymme och spara igen.</source>
        <translation>The disk is full. Free up some space and save again.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="326"/>
        <source>Disken eller mappen är skrivskyddad. Välj en skrivbar mapp.</source>
        <translation>The disk or folder is read-only. Choose a writable folder.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="328"/>
        <source>Datalagret är upptaget just nu. Försök igen om en stund.</source>
        <translation>The data store is busy right now. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="330"/>
        <source>Skrivfel ({error}). Försök igen; kvarstår felet, kontakta support.</source>
        <translation>Write error ({error}). Try again; if the error persists, contact support.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/database.py" line="334"/>
        <source>Inget sparades. {reason}</source>
        <translation>Nothing was saved. {reason}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/incident_service.py" line="115"/>
        <location filename="../../est_desktop/store/incidents.py" line="81"/>
        <location filename="../../est_desktop/store/incidents.py" line="122"/>
        <source>Händelsen {id} finns inte (längre).</source>
        <translation>The incident {id} does not exist (any more).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/store/measures.py" line="226"/>
        <source>Åtgärden {id} finns inte (längre).</source>
        <translation>The measure {id} does not exist (any more).</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../est_desktop/analysis/summary.py" line="34"/>
        <source>Alla distrikt</source>
        <translation>All districts</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="201"/>
        <source>Servern svarade på sändningen i ett okänt format ({error}).</source>
        <translation>The server answered the upload in an unknown format ({error}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="242"/>
        <source>Servern säger att det finns mer att hämta men skickar inget.</source>
        <translation>The server says there is more to fetch but sends nothing.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="288"/>
        <source>Servern svarade inte med ett resultat per ändring.</source>
        <translation>The server did not answer with one result per change.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="292"/>
        <source>Servern svarade med resultat som inte hör till ändringarna.</source>
        <translation>The server answered with results that do not belong to the changes.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="297"/>
        <source>Servern svarade med okänd status {status}.</source>
        <translation>The server answered with an unknown status {status}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="305"/>
        <source>Servern bekräftade en ändring utan revision.</source>
        <translation>The server confirmed a change without a revision.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="307"/>
        <source>Servern svarade med en post i okänt format.</source>
        <translation>The server answered with a record in an unknown format.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="309"/>
        <source>Servern avvisade en ändring utan läsbara skäl.</source>
        <translation>The server rejected a change without readable reasons.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="314"/>
        <source>Servern svarade på hämtningen i ett okänt format.</source>
        <translation>The server answered the download in an unknown format.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/engine.py" line="323"/>
        <source>Servern svarade på hämtningen utan ändringar, markör eller has_more.</source>
        <translation>The server answered the download without changes, cursor or has_more.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="80"/>
        <source>Fel användarnamn eller lösenord.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="93"/>
        <source>Servern svarade på inloggningen i ett okänt format ({error}).</source>
        <translation>The server answered the sign-in in an unknown format ({error}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="109"/>
        <source>Servern skickade referensdata i ett okänt format.</source>
        <translation>The server sent reference data in an unknown format.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="118"/>
        <source>Servern svarade på sändningen utan resultatlista.</source>
        <translation>The server answered the upload without a list of results.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="139"/>
        <source>Inloggningen har gått ut. Logga in igen.</source>
        <translation>The sign-in has expired. Sign in again.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="145"/>
        <source>Inte inloggad. Logga in för att synka.</source>
        <translation>Not signed in. Sign in to sync.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="173"/>
        <source>Servern är upptagen ({status}).</source>
        <translation>The server is busy ({status}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="175"/>
        <source>Försök igen om {seconds} s.</source>
        <translation>Try again in {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="184"/>
        <source>Servern svarade med fel {status}: {message}</source>
        <translation>The server answered with error {status}: {message}</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="188"/>
        <source>Servern svarade inte med JSON. Kontrollera serveradressen.</source>
        <translation>The server did not answer with JSON. Check the server address.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="223"/>
        <source>TLS-fel: serverns certifikat kunde inte verifieras. Ange rätt CA-fil i inställningarna om nätverket har en egen certifikatutfärdare.</source>
        <translation>TLS error: the server&apos;s certificate could not be verified. Set the right CA file in the settings if the network has its own certificate authority.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="229"/>
        <source>Proxyservern svarar inte eller nekade anslutningen.</source>
        <translation>The proxy server does not answer or refused the connection.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="231"/>
        <source>Servern svarade inte inom tidsgränsen för anslutning.</source>
        <translation>The server did not answer within the connection time limit.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="233"/>
        <source>Servern svarade inte i tid.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="235"/>
        <source>Serverns namn kunde inte slås upp (DNS). Kontrollera adressen och nätverket.</source>
        <translation>The server&apos;s name could not be looked up (DNS). Check the address and the network.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="239"/>
        <source>Servern tar inte emot anslutningar (anslutningen nekades).</source>
        <translation>The server does not accept connections (connection refused).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="243"/>
        <source>Anslutningen till servern bröts.</source>
        <translation>The connection to the server was broken.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="245"/>
        <source>Begäran kunde inte skickas ({error}).</source>
        <translation>The request could not be sent ({error}).</translation>
    </message>
    <message>
        <location filename="../../est_desktop/sync/transport.py" line="249"/>
        <source>Ingen kontakt med {server}. {reason}</source>
        <translation>No contact with {server}. {reason}</translation>
    </message>
</context>
<context>
    <name>SyncDetailsDialog</name>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="197"/>
        <source>Synkronisering</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="203"/>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="204"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="205"/>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="206"/>
        <source>Senast synkad</source>
        <translation>Last synced</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="207"/>
        <source>Ändringar som väntar</source>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="208"/>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="209"/>
        <source>Avvisade av servern</source>
        <translation>Rejected by the server</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="210"/>
        <source>Senaste fel</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="211"/>
        <source>Nästa försök</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="218"/>
        <source>Visa &amp;konflikter…</source>
        <translation>Show &amp;conflicts…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="220"/>
        <source>&amp;Logga in…</source>
        <translation>Sign &amp;in…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="222"/>
        <source>&amp;Synka nu</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="225"/>
        <source>&amp;Avbryt synken</source>
        <translation>&amp;Cancel sync</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="227"/>
        <source>Stannar efter den del som skickas eller hämtas nu; inget går förlorat.</source>
        <translation>Stops after the part being sent or fetched now; nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="260"/>
        <source>Ingen server inställd: allt sparas på datorn.</source>
        <translation>No server set: everything is saved on this computer.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="267"/>
        <source>(inget användarnamn)</source>
        <translation>(no user name)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="270"/>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="276"/>
        <source>inga</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="287"/>
        <source>pågår nu</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="289"/>
        <source>efter inloggning</source>
        <translation>after signing in</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="291"/>
        <source>vid nästa ändring eller inom några minuter</source>
        <translation>at the next change or within a few minutes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="292"/>
        <source>om %1 s</source>
        <translation>in %1 s</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="15"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="16"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="17"/>
        <source>Tidens noggrannhet</source>
        <translation>Time precision</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="18"/>
        <source>Till och med</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="19"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="20"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="21"/>
        <source>Latitud</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="22"/>
        <source>Longitud</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="23"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="24"/>
        <source>Platsens noggrannhet</source>
        <translation>Location precision</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="25"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="26"/>
        <source>Polisen underrättad</source>
        <translation>Police notified</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="27"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="28"/>
        <source>Externt id</source>
        <translation>External id</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="29"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="30"/>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="34"/>
        <source>Exakt</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="35"/>
        <source>Ungefärlig</source>
        <translation>Approximate</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="36"/>
        <source>Bara dagen</source>
        <translation>Day only</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="37"/>
        <source>Bara kommunen</source>
        <translation>Municipality only</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="41"/>
        <source>jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="42"/>
        <source>feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="43"/>
        <source>mars</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="44"/>
        <source>apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="45"/>
        <source>maj</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="46"/>
        <source>juni</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="47"/>
        <source>juli</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="48"/>
        <source>aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="49"/>
        <source>sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="50"/>
        <source>okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="51"/>
        <source>nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="52"/>
        <source>dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="56"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="56"/>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="86"/>
        <location filename="../../est_desktop/ui/sync_labels.py" line="101"/>
        <source>aldrig</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="105"/>
        <source>%1 kl. %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="119"/>
        <source>1 ändring väntar</source>
        <translation>1 change waiting</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="120"/>
        <source>%1 ändringar väntar</source>
        <translation>%1 changes waiting</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="127"/>
        <source>1 konflikt</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_labels.py" line="128"/>
        <source>%1 konflikter</source>
        <translation>%1 conflicts</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="41"/>
        <source>Lokalt läge</source>
        <translation>Local mode</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="77"/>
        <source>Synkar…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="49"/>
        <source>Inloggning krävs</source>
        <translation>Sign-in required</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="51"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="54"/>
        <source>Synkfel – försöker igen</source>
        <translation>Sync error – retrying</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="58"/>
        <source>Synken avbröts</source>
        <translation>Sync cancelled</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="63"/>
        <source>Synkad %1</source>
        <translation>Synced %1</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="68"/>
        <source>Inte synkad än</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="81"/>
        <source>Synkar… %1 av %2 ändringar skickade</source>
        <translation>Syncing… %1 of %2 changes sent</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="84"/>
        <source>Synkar… skickar ändringar</source>
        <translation>Syncing… sending changes</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="85"/>
        <source>Synkar… %1 poster hämtade</source>
        <translation>Syncing… %1 records fetched</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="101"/>
        <source>Logga in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_status.py" line="111"/>
        <source>Klicka för detaljer om synkningen</source>
        <translation>Click for details of the sync</translation>
    </message>
</context>
<context>
    <name>SyncWiring</name>
    <message>
        <location filename="../../est_desktop/ui/sync_wiring.py" line="82"/>
        <source>&amp;Synka nu</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_wiring.py" line="83"/>
        <source>&amp;Avbryt synken</source>
        <translation>&amp;Cancel sync</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_wiring.py" line="85"/>
        <source>Visa &amp;konflikter…</source>
        <translation>Show &amp;conflicts…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_wiring.py" line="86"/>
        <source>&amp;Logga in…</source>
        <translation>Sign &amp;in…</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/sync_wiring.py" line="88"/>
        <source>Synkstat&amp;us…</source>
        <translation>Sync stat&amp;us…</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../est_desktop/ui/help_dialogs.py" line="159"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="28"/>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="29"/>
        <source>Sätt tiden till nu</source>
        <translation>Set the time to now</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="32"/>
        <source>Tidigare</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="33"/>
        <source>Tidigare i dag eller i går kväll</source>
        <translation>Earlier today or last night</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="38"/>
        <source>Exakt tid</source>
        <translation>Exact time</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="39"/>
        <source>Ungefärlig tid (± 1 timme)</source>
        <translation>Approximate time (± 1 hour)</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="40"/>
        <source>Bara dagen är känd</source>
        <translation>Only the day is known</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="81"/>
        <source>För 15 minuter sedan</source>
        <translation>15 minutes ago</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="82"/>
        <source>För 30 minuter sedan</source>
        <translation>30 minutes ago</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="83"/>
        <source>För en timme sedan</source>
        <translation>An hour ago</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="84"/>
        <source>För två timmar sedan</source>
        <translation>Two hours ago</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="89"/>
        <source>I morse kl. 07</source>
        <translation>This morning at 07</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="90"/>
        <source>I eftermiddags kl. 14</source>
        <translation>This afternoon at 14</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="91"/>
        <source>I går kväll kl. 21</source>
        <translation>Last night at 21</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/time_field.py" line="92"/>
        <source>I natt kl. 02</source>
        <translation>Last night at 02</translation>
    </message>
</context>
<context>
    <name>WeeklyPicture</name>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="21"/>
        <source>Veckans lägesbild</source>
        <translation>Weekly overview</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="22"/>
        <source>Alla distrikt</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="28"/>
        <source>Distrikt för distrikt</source>
        <translation>District by district</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="30"/>
        <source>Nya platser med många händelser</source>
        <translation>New places with many incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="32"/>
        <location filename="../../est_desktop/reports/weekly.py" line="60"/>
        <source>Polisen underrättad</source>
        <translation>Police notified</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="34"/>
        <source>Pågående åtgärder</source>
        <translation>Ongoing measures</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="42"/>
        <source>Jämförelsen görs med snittet för de fyra veckorna {period}.</source>
        <translation>The comparison is with the average of the four weeks {period}.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="46"/>
        <source>Veckan i korthet</source>
        <translation>The week in brief</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="50"/>
        <source>Händelser senaste 7 dagarna</source>
        <translation>Incidents in the last 7 days</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="55"/>
        <source>Snitt per vecka, 4 veckor före</source>
        <translation>Average per week, the 4 weeks before</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="62"/>
        <source>Händelser under veckan.</source>
        <translation>Incidents during the week.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="72"/>
        <location filename="../../est_desktop/reports/weekly.py" line="116"/>
        <source>Distrikt</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="73"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="74"/>
        <source>Mot snittet för 4 veckor</source>
        <translation>Against the 4-week average</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="75"/>
        <source>Vanligast i veckan</source>
        <translation>Most common this week</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="92"/>
        <source>Inga nya platser med många händelser den här veckan.</source>
        <translation>No new places with many incidents this week.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="98"/>
        <source>Platser med många händelser i veckan som inte hade det de fyra veckorna före.</source>
        <translation>Places with many incidents this week that did not have them in the four weeks before.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="109"/>
        <source>Polisen underrättades inte om någon händelse den här veckan.</source>
        <translation>The police were not notified of any incident this week.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="114"/>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="115"/>
        <source>Händelse</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../est_desktop/reports/weekly.py" line="117"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
</context>
<context>
    <name>WhoPage</name>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="49"/>
        <source>Välkommen till EST Desktop</source>
        <translation>Welcome to EST Desktop</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="51"/>
        <source>Två frågor innan du börjar. Allt går att ändra senare under Inställningar.</source>
        <translation>Two questions before you start. Everything can be changed later under Settings.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="54"/>
        <source>Står som den som registrerat händelserna du sparar.</source>
        <translation>Shown as the person who recorded the incidents you save.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="57"/>
        <source>t.ex. Områdesteam Hulta</source>
        <translation>e.g. Områdesteam Hulta</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="64"/>
        <source>EST Desktop är verktyget för att registrera otrygghetsskapande händelser i Hässleholmen, Hulta och Norrby och följa upp dem tillsammans.</source>
        <translation>EST Desktop is the tool for recording incidents that make places feel unsafe in Hässleholmen, Hulta and Norrby, and for following them up together.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="71"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="72"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/first_run.py" line="73"/>
        <source>&amp;Enhet (valfritt)</source>
        <translation>&amp;Unit (optional)</translation>
    </message>
</context>
<context>
    <name>WorkProgressDialog</name>
    <message>
        <location filename="../../est_desktop/ui/work_progress.py" line="40"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../est_desktop/ui/work_progress.py" line="90"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../est_desktop/app.py" line="164"/>
        <source>EST Desktop kan inte starta</source>
        <translation>EST Desktop cannot start</translation>
    </message>
    <message>
        <location filename="../../est_desktop/app.py" line="207"/>
        <source>Datalagret kunde inte kopieras från %1 till %2 (%3). EST Desktop använder %1 tills vidare; allt finns kvar där.</source>
        <translation>The data store could not be copied from %1 to %2 (%3). EST Desktop uses %1 for now; everything is still there.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/app.py" line="213"/>
        <source>Datamapp</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../est_desktop/app.py" line="229"/>
        <source>Demodata</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../est_desktop/app.py" line="230"/>
        <source>Skapar demodata… Avbryt behåller det som redan finns.</source>
        <translation>Creating demo data… Cancel keeps what is already there.</translation>
    </message>
    <message>
        <location filename="../../est_desktop/app.py" line="276"/>
        <source>Oväntat fel</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../est_desktop/app.py" line="277"/>
        <source>Något gick fel i EST Desktop. Det du redan sparat finns kvar. Felet är loggat; berätta gärna vad du gjorde för support.</source>
        <translation>Something went wrong in EST Desktop. What you have already saved is still there. The error has been logged; please tell support what you were doing.</translation>
    </message>
</context>
</TS>
