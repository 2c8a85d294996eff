"""Exports to the tools analysts already use: Excel CSV and GeoJSON.

- `aggregated` + `aggregated_files`: counts per district or grid cell and month or week, with
  small counts suppressed (`suppression`), for sharing beyond the three partners.
- `incidents` (+ `collect`, which reads the store): the incidents of the current filter, free
  text and police records only on request.
- `excel_csv`, `geojson`: the file conventions both use.

No Qt. The UI and `export_command` (the `est-desktop export` command) call these.
"""
