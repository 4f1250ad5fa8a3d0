"""`python -m checker --watch`: driven by writing files in a temp copy. Its latency is measured
in benchmarks/bench_watch.py, never asserted here."""

import json
import time

from checker.manifest import BY_NAME
from checker.watch import sections_for
from tests.checker_run import SOLUTIONS, WatchSession, copy_of

WATCHING = "Watching "


def names(sections):
    return [section.name for section in sections]


def test_a_change_rechecks_the_sections_it_can_affect(tmp_path):
    every = list(BY_NAME.values())
    target = copy_of(SOLUTIONS, tmp_path)
    assert names(sections_for({"relu.py"}, every, target)) == ["relu"]
    assert names(sections_for({"affine.py", "relu.py"}, every, target)) == ["relu", "affine"]
    # TwoLayerNet is graded on the stand-ins, not on relu.py or functions.py, but a helper file
    # of the student's own may be imported by it.
    assert names(sections_for({"functions.py"}, every, target)) == []
    assert names(sections_for({"helpers.py"}, every, target)) == ["two_layer_net"]
    assert names(sections_for({"two_layer_net.py"}, every, target)) == ["two_layer_net"]
    assert names(sections_for({"notes.py"}, [BY_NAME["relu"]], target)) == []
    # A section whose file imports another file of the target is checked when that changes.
    sigmoid = target / "sigmoid.py"
    sigmoid.write_text("from .functions import softmax\n" + sigmoid.read_text(encoding="utf-8"))
    assert names(sections_for({"functions.py"}, every, target)) == ["sigmoid"]


def test_a_replaced_target_folder_is_checked_as_it_is_now(tmp_path):
    """The warm sandbox binds the folder it started with: a folder moved into its place is
    checked in a new one."""
    target = copy_of(SOLUTIONS, tmp_path)
    broken = copy_of(SOLUTIONS, tmp_path, "broken")
    replace_in(broken / "relu.py", "dx[self.mask] = 0", "dx[~self.mask] = 0")
    session = WatchSession(target, "--section", "relu", "--json", str(tmp_path / "r.json"))
    try:
        session.wait_for(lambda line: line.startswith(WATCHING))
        target.rename(tmp_path / "old")
        broken.rename(target)
        session.wait_for(lambda line: line.startswith("relu: "))  # its failure, not a pass
        session.wait_for(lambda line: line.startswith(WATCHING))
    finally:
        session.kill()


def test_ctrl_c_during_a_check_claims_no_result_for_it(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    session = WatchSession(target, "--section", "relu", "--json", str(tmp_path / "r.json"))
    try:
        session.wait_for(lambda line: line.startswith(WATCHING))
        replace_in(
            target / "relu.py", "class Relu:", "import time\n\ntime.sleep(5)\n\n\nclass Relu:"
        )
        session.wait_for(lambda line: line == "relu.py changed: checking relu")
        code = session.stop()
    finally:
        session.kill()
    assert code == 1
    assert any(line.startswith("Your last save (relu) was stopped") for line in
               session.seen)  # fmt: skip
    assert not any(line.startswith("Last check: ") for line in session.seen)
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["checker"]["checker_fault"] is False  # the learner's Ctrl-C, not our fault


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_watch_rechecks_on_save_recovers_from_a_syntax_error_and_stops_on_ctrl_c(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    session = WatchSession(target, "--section", "relu", "--json", str(tmp_path / "r.json"))
    try:
        session.wait_for(lambda line: line.startswith(WATCHING))
        assert any("relu" in line and "passed" in line for line in session.seen)

        # A mistake in relu.py: only relu is checked again, and the mistake is named.
        replace_in(target / "relu.py", "dx[self.mask] = 0", "dx[~self.mask] = 0")
        session.wait_for(lambda line: line == "relu.py changed: checking relu")
        session.wait_for(lambda line: line.startswith("relu: "))
        session.wait_for(lambda line: line.startswith(WATCHING))

        # A syntax error in another section's file: it is checked too, the error is shown,
        # and the watch goes on.
        with open(target / "sigmoid.py", "a", encoding="utf-8") as f:
            f.write("\ndef broken(:\n")
        session.wait_for(lambda line: line == "sigmoid.py changed: checking sigmoid")
        session.wait_for(lambda line: "/sigmoid.py could not be imported" in line)
        session.wait_for(lambda line: line.startswith(WATCHING))

        # The fix: relu passes again, and the table keeps sigmoid's latest result.
        replace_in(target / "relu.py", "dx[~self.mask] = 0", "dx[self.mask] = 0")
        session.wait_for(lambda line: line == "relu.py changed: checking relu")
        first = len(session.seen)
        session.wait_for(lambda line: line.startswith(WATCHING))
        table = session.seen[first:]
        assert any(line.split()[:2] == ["3", "relu"] and "passed" in line for line in table)
        assert any(line.split()[:2] == ["4", "sigmoid"] and "error" in line for line in table)
        assert "Traceback" not in "\n".join(session.seen)

        last = len(session.seen)
        code = session.stop()
    finally:
        session.kill()
    after = session.seen[last:]
    assert "Stopped watching." in after
    assert code == 1  # the last summary still has a failing section
    assert "Traceback" not in "\n".join(after)


def test_no_sandbox_is_left_behind_by_changes_that_concern_no_section(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    runs = tmp_path / "tmp"
    runs.mkdir()
    session = WatchSession(
        target, "--section", "relu", "--json", str(tmp_path / "r.json"), env={"TMPDIR": str(runs)}
    )
    try:
        session.wait_for(lambda line: line.startswith(WATCHING))
        for _ in range(10):  # a file of no section comes and goes
            (target / "scratch.py").write_text("x = 1\n")
            time.sleep(0.1)
            (target / "scratch.py").unlink()
            time.sleep(0.1)
        assert len(list(runs.glob("checker-run-*"))) <= 1  # the one warm sandbox
        session.stop()
    finally:
        session.kill()
    assert not list(runs.glob("checker-run-*"))
