"""Run `python -m checker` on a folder, as a student or CI would, and read its report."""

import json
import os
import re
import shutil
import subprocess
import sys

from tests.conftest import REPO

SOLUTIONS = REPO / "solutions"
BOOK = REPO / "tests" / "variants" / "book"
CJK = re.compile(r"[\u4e00-\u9fff]")
# In Chinese, and in strict mode: prose that does not come from the catalog is a checker error.
CHINESE = {"BACKPROP_KATA_I18N_STRICT": "1", "BACKPROP_KATA_LANG": "zh"}


def expect_chinese(report, output):
    """Every message of the run is Chinese, from the catalog, with its English beside it."""
    assert "Traceback" not in output
    for test in report["tests"]:
        meta = test.get("metadata", {})
        if not meta.get("message"):
            continue
        message, english, verdict = meta["message"], meta["english_message"], meta["verdict"]
        assert verdict != "checker_error", english  # strict mode: prose from outside the catalog
        assert re.fullmatch("[a-z_]+", verdict)  # the report's schema stays English
        assert CJK.search(message), message
        assert english and not english.startswith(message)  # the English is there, and differs


def run_cli(*args, cwd=REPO, env=None):
    """`python -m checker ARGS` as a subprocess, text output captured."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def run_checker(target, sections=(), *extra, time_limit=5.0, timeout=300, env=None):
    """(exit code, report dict, stdout) of one checker run."""
    report_path = os.path.join(str(target), os.pardir, f"report-{os.path.basename(target)}.json")
    args = [sys.executable, "-m", "checker", "--target", str(target), "--json", report_path]
    for section in sections:
        args += ["--section", section]
    args += ["--time-limit", str(time_limit), *extra]
    result = subprocess.run(
        args,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    return result.returncode, report, result.stdout + result.stderr


def copy_of(source, tmp_path, name="target"):
    target = tmp_path / name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def edited_copy(tmp_path, file, edits, source=SOLUTIONS, name="target"):
    """A copy of `source` with text edits applied to one file; every edit must apply."""
    target = copy_of(source, tmp_path, name)
    path = target / file
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"edit does not apply to {file}: {old!r}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return target


class WatchSession:
    """`python -m checker --watch` on a folder, its output read line by line as it comes.

    Used by tests/test_watch.py and benchmarks/bench_watch.py."""

    def __init__(self, target, *args, cwd=REPO, env=None):
        import queue
        import threading

        self.lines = queue.Queue()
        self.seen = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "checker", "--watch", "--target", str(target), *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "80", **(env or {})},
        )

        def read():
            for line in self.process.stdout:
                self.lines.put(line.rstrip("\n"))
            self.lines.put(None)

        threading.Thread(target=read, daemon=True).start()

    def wait_for(self, predicate, timeout=60):
        """Read lines until one satisfies `predicate`; returns (it, time.monotonic() then)."""
        import queue
        import time

        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                output = "\n".join(self.seen)
                raise AssertionError(f"waited {timeout} s; output so far:\n{output}") from None
            if line is None:
                raise AssertionError("the watch ended; output:\n" + "\n".join(self.seen))
            self.seen.append(line)
            if predicate(line):
                return line, time.monotonic()

    def stop(self, timeout=30):
        """Ctrl-C, then the rest of the output and the exit code."""
        import signal

        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=timeout)
        while True:
            line = self.lines.get(timeout=timeout)
            if line is None:
                return code
            self.seen.append(line)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def run_in_terminal(command, cwd, env, columns=80):
    """(exit code, output without escape sequences) of a command run in a pseudo-terminal
    `columns` wide, as a student's terminal is. Used by tests and benchmarks/bench_train.py."""
    import pty

    leader, follower = pty.openpty()
    env = {**env, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm"}
    process = subprocess.Popen(command, cwd=cwd, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    text = b"".join(chunks).decode("utf-8", errors="replace")
    return process.wait(timeout=600), re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)
