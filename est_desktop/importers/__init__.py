"""Police data into EST: crime exports (CSV) and the public events feed (JSON).

Parsing is pure (bytes in, `ImportRow`s out); `preview` and `commit` in `police_import` are the
only part that touches the store.
"""
