"""Many reports into one table: every submission listed, unreadable ones flagged."""

import csv
import shutil

from checker.instructors import gradebook
from checker.manifest import SECTIONS
from tests.checker_run import SOLUTIONS, copy_of, run_checker
from tests.conftest import REPO


def test_gradebook_lists_every_report(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, source in (("alice", SOLUTIONS), ("bob", REPO / "exercises")):
        _, report, _ = run_checker(copy_of(source, tmp_path, name), ["relu", "affine"])
        shutil.copy(tmp_path / f"report-{name}.json", reports / f"{name}.json")
    (reports / "carol.json").write_text("{not json")

    code = gradebook.main([*sorted(map(str, reports.iterdir())), "--csv", str(tmp_path / "g.csv")])
    assert code == 1  # carol's report is unreadable
    rows = {row["submission"]: row for row in csv.DictReader(open(tmp_path / "g.csv"))}
    assert float(rows["alice"]["score"]) == 35 and rows["alice"]["relu_status"] == "passed"
    assert rows["alice"]["mul_layer_status"] == "not_run"
    assert float(rows["bob"]["score"]) == 0 and rows["bob"]["affine_status"] == "not_started"
    assert rows["carol"]["problem"].startswith("unreadable")
    printed = capsys.readouterr().out
    assert all(name in printed for name in ("alice", "bob", "carol"))
    assert list(rows["alice"])[: 3 + len(SECTIONS)][-1] == SECTIONS[-1].name
