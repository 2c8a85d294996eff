"""The translation files keep up with the code: every text of the code is in `est_en.ts` with a
finished English translation, and the checked-in `.qm` files are what `make translations` builds.

When one of these fails after a change of texts: run `make translations`, translate what is new
in `resources/translations/est_en.ts` (e.g. with `pyside6-linguist`), and run it again.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "est_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
PLACEHOLDERS = re.compile(r"%\d|%L?n|\{[a-z_]*\}")

Message = tuple[str, str, bool]  # context, source, has plural forms


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: it comes with PySide6")
    return found


def _sources() -> list[str]:
    return sorted(str(path) for path in PACKAGE.rglob("*.py"))


def _messages(ts: Path) -> dict[Message, ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "", _plural(message)): (
            message
        )
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _plural(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    return [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]


def _fresh(tmp_path: Path, name: str, *options: str) -> dict[Message, ET.Element]:
    """What lupdate finds in the code today, as `make translations` runs it."""
    ts = tmp_path / name
    subprocess.run(
        [_tool("pyside6-lupdate"), *options, *_sources(), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return _messages(ts)


@pytest.mark.parametrize(("name", "options"), [("est_en.ts", ()), ("est_sv.ts", ("-pluralonly",))])
def test_the_ts_files_hold_exactly_the_texts_of_the_code(tmp_path, name, options) -> None:
    found = set(_fresh(tmp_path, name, *options))
    kept = set(_messages(TRANSLATIONS / name))
    new = [f"{context}: {source!r}" for context, source, _plural in sorted(found - kept)]
    gone = [f"{context}: {source!r}" for context, source, _plural in sorted(kept - found)]
    assert not new, f"not in {name} yet (make translations):\n" + "\n".join(new)
    assert not gone, f"no longer in the code, still in {name}:\n" + "\n".join(gone)


def test_every_text_has_a_finished_english_translation() -> None:
    unfinished = [
        f"{context}: {source!r}"
        for (context, source, _plural), message in _messages(TRANSLATIONS / "est_en.ts").items()
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not all(form.strip() for form in _forms(message))
    ]
    assert not unfinished, "\n".join(unfinished)


def test_swedish_plural_forms_are_written_out() -> None:
    for (context, source, _plural), message in _messages(TRANSLATIONS / "est_sv.ts").items():
        forms = _forms(message)
        assert len(forms) == 2 and all(forms), f"{context}: {source!r} needs its two forms"


def test_translations_keep_placeholders_and_mnemonics() -> None:
    wrong = []
    for (context, source, _plural), message in _messages(TRANSLATIONS / "est_en.ts").items():
        for form in _forms(message):
            if sorted(set(PLACEHOLDERS.findall(form))) != sorted(set(PLACEHOLDERS.findall(source))):
                wrong.append(f"{context}: {source!r} → {form!r} (placeholders)")
            if _has_mnemonic(form) != _has_mnemonic(source):
                wrong.append(f"{context}: {source!r} → {form!r} (the & of Alt+letter)")
    assert not wrong, "\n".join(wrong)


def _has_mnemonic(text: str) -> bool:
    return re.search(r"&(?!&|[a-z]+;|\s)", text.replace("&&", "")) is not None


def test_no_text_sits_in_a_context_no_code_asks_for() -> None:
    """`tr("…")` outside a class lands in an empty context, which is never looked up."""
    nameless = [
        source for (context, source, _p) in _messages(TRANSLATIONS / "est_en.ts") if not context
    ]
    assert not nameless, nameless


def test_no_helper_hides_a_text_from_lupdate() -> None:
    """A literal passed to a local wrapper of translate (`_tr("Spara")`) is never extracted:
    lupdate only sees tr, translate and QT_TRANSLATE_NOOP."""
    hidden = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = {
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef)
            and node.name not in ("tr", "translate")
            and any(
                isinstance(call, ast.Call)
                and getattr(call.func, "attr", getattr(call.func, "id", "")) == "translate"
                for call in ast.walk(node)
            )
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.args[0].value!r}")
    assert not hidden, "\n".join(hidden)


def test_lupdate_sees_every_text_the_code_translates() -> None:
    """lupdate's Python parser skips some calls (e.g. `translate(..., None, n)` over several
    lines): a text it misses would stay Swedish without any other test noticing."""
    known = {source for _context, source, _plural in _messages(TRANSLATIONS / "est_en.ts")}
    missed = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            position = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            text = node.args[position]
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if literal and text.value not in known:
                missed.append(f"{path.relative_to(ROOT)}:{node.lineno} {text.value!r}")
    assert not missed, "\n".join(missed)


def test_texts_translated_from_a_table_are_marked_for_lupdate() -> None:
    """`self.tr(LABELS[x])` finds a translation only when each text of LABELS is marked with
    QT_TRANSLATE_NOOP in the same context; a plain literal there is never extracted."""
    unmarked = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        plain = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign) and _holds_plain_text(node.value)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            text = node.args[position]
            table = text.value if isinstance(text, ast.Subscript) else text
            if isinstance(table, ast.Name) and table.id in plain:
                unmarked.append(f"{path.relative_to(ROOT)}:{node.lineno} {table.id}")
    assert not unmarked, "\n".join(unmarked)


def _holds_plain_text(value: ast.expr | None) -> bool:
    """A literal with words, or a dict, tuple or list of them: texts lupdate never sees."""
    if isinstance(value, ast.Constant):
        return _is_word(value.value)
    if isinstance(value, ast.Dict):
        items = value.values
    elif isinstance(value, ast.Tuple | ast.List):
        items = value.elts
    else:
        return False
    return bool(items) and all(
        isinstance(item, ast.Constant) and _is_word(item.value) for item in items
    )


def _is_word(value: object) -> bool:
    return isinstance(value, str) and re.search(r"[A-ZÅÄÖa-zåäö]{2}", value) is not None


@pytest.mark.parametrize("name", ["est_en", "est_sv"])
def test_the_checked_in_qm_is_built_from_the_ts(tmp_path, name) -> None:
    built = tmp_path / f"{name}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS / f"{name}.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == (TRANSLATIONS / f"{name}.qm").read_bytes(), "make translations"
