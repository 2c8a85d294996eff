"""The sync wire's JSON: orjson's speed, the json module's meaning."""

from __future__ import annotations

import json
import math

import pytest

from est_desktop.domain.wire import dumps_json, loads_json

AWKWARD = [
    '{"a": 1, "a": 2}',  # the last of duplicate keys wins
    '{"n": 123456789012345678901}',  # beyond 64 bits: orjson would read a float
    '{"n": -99999999999999999999}',
    '{"n": 18446744073709551615, "m": 1e400}',
    '"\\ud800"',  # an escaped lone surrogate: orjson refuses it
    '"\\ud83d\\ude00 \\u00e5"',
    '{"x": [1.5e-7, -0.0, 57.730382]}',
    '"telefon 070123456789012345678"',  # 20 digits inside text: read alike either way
]


@pytest.mark.parametrize("text", AWKWARD)
def test_json_text_means_what_the_json_module_reads(text: str) -> None:
    expected = json.loads(text)
    for data in (text, text.encode("utf-8", "surrogatepass")):
        value = loads_json(data)
        assert value == expected or (math.isnan(value) and math.isnan(expected))
        assert type(value) is type(expected)
        if isinstance(expected, dict):
            assert {k: type(v) for k, v in value.items()} == {
                k: type(v) for k, v in expected.items()
            }


def test_what_is_not_json_is_a_value_error_or_goes_to_the_fallback() -> None:
    for bad in ("", "{", "[1,]", b"\xff"):
        with pytest.raises(ValueError):
            loads_json(bad)

    def refuse_all(data: object) -> object:
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        loads_json("NaN", fallback=refuse_all)  # orjson refuses NaN; json would read it
    assert loads_json('{"ok": 1}', fallback=refuse_all) == {"ok": 1}


def test_json_is_written_compact_in_utf8_and_reads_back_the_same() -> None:
    record = {"place_name": "Norrby Långgata", "lat": 57.730382, "n": None, "ok": True}
    text = dumps_json(record)
    assert text == '{"place_name":"Norrby Långgata","lat":57.730382,"n":null,"ok":true}'
    assert json.loads(text) == record


def test_what_orjson_cannot_write_is_written_by_json_with_ascii_escapes() -> None:
    assert dumps_json({"n": 2**70, "t": "å"}) == '{"n":1180591620717411303424,"t":"\\u00e5"}'
    assert dumps_json("a\ud800b") == '"a\\ud800b"'  # encodable as UTF-8 afterwards
