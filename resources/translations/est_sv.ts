<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>AnalysisPanel</name>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/analysis_panel.py" line="274"/>
        <source>%1 kl. %2–%3: %Ln händelser</source>
        <translation>
            <numerusform>%1 kl. %2–%3: %Ln händelse</numerusform>
            <numerusform>%1 kl. %2–%3: %Ln händelser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/export_dialog.py" line="250"/>
        <source>Sparad: %1 (%Ln rader)</source>
        <translation>
            <numerusform>Sparad: %1 (%Ln rad)</numerusform>
            <numerusform>Sparad: %1 (%Ln rader)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/main_window.py" line="243"/>
        <source>%Ln händelser importerade.</source>
        <translation>
            <numerusform>%Ln händelse importerad.</numerusform>
            <numerusform>%Ln händelser importerade.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <location filename="../../est_desktop/ui/report_dialog.py" line="193"/>
        <source>Sparad: %1 (%n sidor).</source>
        <translation>
            <numerusform>Sparad: %1 (%n sida).</numerusform>
            <numerusform>Sparad: %1 (%n sidor).</numerusform>
        </translation>
    </message>
</context>
</TS>
