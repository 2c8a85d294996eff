"""`est-desktop --self-test`, run from the source tree as an IT department would run the app.

The full runs go in a subprocess: the self-test makes its own QApplication, with the map's URL
scheme registered first, which a test process that may already hold one cannot do again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from est_desktop.self_test import RESULT_FILE, CheckResult, SelfTest, exit_status

CHECKS = [
    "datalagret öppnat",
    "migreringarna körda",
    "händelse sparad och läst",
    "kartsidan redo utan nätverk",
    "PDF-sammanfattning skriven",
    "översättningar hittade",
    "koordinater omräknade",
]
TIMEOUT_S = 240  # Chromium's first start on a busy machine


def run_in_subprocess(*code_or_args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")  # as the map tests
    return subprocess.run(
        [sys.executable, *code_or_args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
        cwd=Path(__file__).resolve().parent.parent,
    )


def check_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("OK ", "FAIL "))]


def test_every_check_passes_on_this_installation_with_one_ok_line_each(tmp_path):
    data_dir = tmp_path / "data"
    done = run_in_subprocess("-m", "est_desktop", "--self-test", "--data-dir", str(data_dir))
    lines = check_lines(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line.split(" (")[0] for line in lines] == [f"OK {label}" for label in CHECKS]
    assert "1 händelse på kartan, inget hämtat utanför datorn" in lines[3]
    assert "1 sida" in lines[4]
    assert done.stdout.rstrip().endswith("7 av 7 kontroller gick igenom.")
    assert not data_dir.exists()  # a temporary store: the user's data folder is never touched


def test_without_a_console_the_lines_go_to_a_file_in_the_data_folder(tmp_path):
    # The windowed Windows build runs with sys.stdout set to None.
    script = (
        "import sys; sys.stdout = None\n"
        "from est_desktop.cli import main\n"
        f"sys.exit(main(['--self-test', '--data-dir', {str(tmp_path)!r}]))\n"
    )
    done = run_in_subprocess("-c", script)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / RESULT_FILE).read_text(encoding="utf-8")
    assert len(check_lines(written)) == len(CHECKS)
    assert all(line.startswith("OK ") for line in check_lines(written))


def test_a_store_that_cannot_be_made_fails_with_its_reason_and_what_needs_it_says_so(
    tmp_path,
):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("in the way")
    reported: list[CheckResult] = []

    results = SelfTest(not_a_folder).run(reported.append)

    assert reported == results
    assert [r.label for r in results] == CHECKS
    store_and_after, independent = results[:5], results[5:]
    assert str(not_a_folder) in results[0].detail
    assert "kan inte skapas" in results[0].detail
    assert all("kördes inte" in r.detail for r in store_and_after[1:])
    assert all(r.line().startswith("FAIL ") and "\n" not in r.line() for r in store_and_after)
    assert all(r.ok for r in independent)  # translations, coordinates: no store needed
    assert exit_status(results) == 1


def test_the_exit_status_is_zero_only_when_every_check_passed():
    passed = CheckResult("a", True, "", 0.1)
    failed = CheckResult("b", False, "why", 0.1)
    assert exit_status([passed, passed]) == 0
    assert exit_status([passed, failed]) == 1
    assert exit_status([]) == 1
