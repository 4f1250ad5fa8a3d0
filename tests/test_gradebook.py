"""Many reports into one table: every submission listed, unreadable ones flagged."""

import csv
import json
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


def test_no_cell_of_the_gradebook_csv_is_a_formula(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    names = ['=HYPERLINK("https:evil.example","x")', "-2-3", "+1", "@SUM(A1)", "alice"]
    for name in names:
        section = {"score": 10, "status": "failed", "message": "-1 is wrong"}
        summary = {"score": 10, "max_score": 100, "sections": {"mul_layer": section}}
        (reports / f"{name}.json").write_text(json.dumps({"checker": summary}))
    (reports / "=1+1.json").write_text("{not json")
    table = tmp_path / "g.csv"
    gradebook.main([*sorted(map(str, reports.iterdir())), "--csv", str(table)])
    with open(table, newline="", encoding="utf-8") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    rows = {row["submission"]: row for row in csv.DictReader(open(table))}
    assert set(rows) == {"'" + name for name in names[:-1]} | {"alice", "'=1+1"}
    assert rows["alice"]["score"] == "10" and rows["alice"]["mul_layer"] == "10"


def test_regrade_shows_rich_markup_from_a_student_as_text(tmp_path, capsys):
    submissions = []
    for name, markup in (("s1", "[/bold] [link=https://evil.example]x[/link]"), ("s2", "[/]")):
        target = copy_of(SOLUTIONS, tmp_path, name)
        relu = target / "relu.py"
        text = relu.read_text().replace(
            "        self.mask = x <= 0\n", f"        raise RuntimeError({markup!r})\n"
        )
        relu.write_text(text)
        submissions.append(str(target))
    out = tmp_path / "regrade"
    table = tmp_path / "g.csv"
    code = gradebook.main(["--regrade", *submissions, "--out", str(out), "--csv", str(table)])
    assert code == 0  # graded by this checker, and not identical
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    assert "2 submissions" in printed.err
    rows = list(csv.DictReader(open(table)))
    assert [row["submission"] for row in rows] == ["s1", "s2"]
    assert all(row["relu_status"] == "failed" and row["score"] == "85.0" for row in rows), rows
