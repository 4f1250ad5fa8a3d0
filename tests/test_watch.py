"""`python -m checker --watch`: driven by writing files in a temp copy. Its latency is measured
in benchmarks/bench_watch.py, never asserted here."""

from checker.manifest import BY_NAME
from checker.watch import sections_for
from tests.checker_run import SOLUTIONS, WatchSession, copy_of

WATCHING = "Watching "


def names(sections):
    return [section.name for section in sections]


def test_a_change_rechecks_the_sections_it_can_affect():
    every = list(BY_NAME.values())
    assert names(sections_for({"relu.py"}, every)) == ["relu"]
    assert names(sections_for({"affine.py", "relu.py"}, every)) == ["relu", "affine"]
    # TwoLayerNet imports the files that are no section's own.
    assert names(sections_for({"functions.py"}, every)) == ["two_layer_net"]
    assert names(sections_for({"two_layer_net.py"}, every)) == ["two_layer_net"]
    assert names(sections_for({"notes.py"}, [BY_NAME["relu"]])) == []


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
