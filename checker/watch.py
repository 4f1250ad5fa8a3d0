"""`python -m checker --watch`: check again on every save, with the judge kept warm.

The first run checks the selected sections. Then the target's .py files are polled; when one
changes, only the sections it can affect are checked again, and the table shows the latest
result of every section. Between runs the next run's sandbox and zygote (numpy imported) are
already started, so a re-check pays only for forking workers and running the tests.
"""

import os
import secrets
import time

from checker import ui
from checker.i18n import t
from checker.manifest import SECTIONS
from checker.plugin import WorkerPool
from checker.runner import grade

POLL_SECONDS = 0.05  # a stat of ten files: no measurable CPU
SETTLE_SECONDS = 0.03  # editors may write a file in several steps
INTERRUPTED = 2  # pytest.ExitCode.INTERRUPTED
NET_SECTION = "two_layer_net"  # imports the target's other files (functions.py, ...)


def file_states(target):
    """{file name: (mtime, size, inode)} of the target's .py files. Editors that save by
    renaming a new file into place change the inode, not always the mtime."""
    states = {}
    try:
        entries = list(os.scandir(target))
    except OSError:
        return states
    for entry in entries:
        if entry.name.endswith(".py"):
            try:
                info = entry.stat(follow_symlinks=True)
            except OSError:
                continue
            states[entry.name] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return states


def sections_for(changed, sections):
    """Those of `sections` that the changed files can affect: a section's own file, and for
    TwoLayerNet any file that is not another section's (functions.py, softmax_with_loss.py)."""
    files = {section.file: section.name for section in SECTIONS}
    names = {files[name] for name in changed if name in files}
    if any(name not in files for name in changed):
        names.add(NET_SECTION)
    return [section for section in sections if section.name in names]


def wait_for_change(target, before):
    """Block until a .py file of the target changes; returns (changed names, new states)."""
    while True:
        time.sleep(POLL_SECONDS)
        now = file_states(target)
        if now != before:
            time.sleep(SETTLE_SECONDS)
            now = file_states(target)
            changed = {
                name for name in before.keys() | now.keys() if before.get(name) != now.get(name)
            }
            return changed, now


class Watcher:
    """Runs the checker again and again in this process, keeping the latest result of each
    section for the table."""

    def __init__(
        self, console, plain, target, label, sections, seed, report_path, limits, isolation
    ):
        self.console, self.plain = console, plain
        self.target, self.label, self.sections = target, label, sections
        self.seed, self.report_path = seed, report_path
        self.limits, self.isolation = limits, isolation
        self.latest = {}  # section name -> its summary from the run that last checked it
        self.summary = None  # the merged summary shown last
        self.warm = None  # the next run's WorkerPool, started while the student edits

    def warm_up(self):
        """Start the next run's sandbox and zygote now, so the re-check after a save is quick."""
        self.warm = WorkerPool(str(self.target), self.limits, self.isolation)
        self.warm.start_zygote()

    def check(self, sections):
        """Grade `sections` with the warm pool, show the merged table; returns the summary."""
        pool, self.warm = self.warm, None
        seed = self.seed if self.seed is not None else secrets.randbelow(2**31)
        with ui.Progress(self.console, self.plain, sections) as progress:
            report, _ = grade(
                self.target, self.label, sections, seed, self.report_path, self.limits,
                progress.update, self.isolation, pool=pool,
            )  # fmt: skip
        if report.get("exitcode") == INTERRUPTED:  # pytest caught the Ctrl-C
            raise KeyboardInterrupt
        summary = report["checker"]
        for section in sections:
            self.latest[section.name] = summary["sections"][section.name]
        shown = [section for section in SECTIONS if section.name in self.latest]
        self.summary = {
            **summary,
            "sections": {s.name: self.latest[s.name] for s in shown},
            "score": sum(self.latest[s.name]["score"] for s in shown),
            "max_score": sum(self.latest[s.name]["max_score"] for s in shown),
        }
        if not self.plain:
            self.console.clear()
        ui.show_result(
            self.console, self.plain, shown, self.summary, self.label, self.report_path, True
        )
        return self.summary

    def close(self):
        if self.warm is not None:
            self.warm.close()
            self.warm = None

    def run(self):
        """Check, then check again after every save until Ctrl-C. Returns the last summary."""
        states = file_states(self.target)
        try:
            self.check(self.sections)
            while True:
                self.warm_up()
                watching = t("watch.watching", folder=self.label)
                self.console.print(f"\n{watching}", markup=False, style="grey50")
                changed, states = wait_for_change(self.target, states)
                # Any section's file, selected at the start or not: the student moves on.
                affected = sections_for(changed, SECTIONS)
                if not affected:
                    continue
                names = ", ".join(sorted(changed))
                checking = ", ".join(section.name for section in affected)
                changed_line = t("watch.changed", files=names, sections=checking)
                self.console.print(f"\n{changed_line}", markup=False)
                self.check(affected)
        except KeyboardInterrupt:
            self.console.print(f"\n{t('watch.stopped')}", markup=False)
            if self.summary is not None:
                sections = self.summary["sections"].values()
                passed = sum(section["status"] == "passed" for section in sections)
                last = t(
                    "watch.last",
                    passed=passed,
                    count=len(sections),
                    score=f"{self.summary['score']:g}",
                    max_score=self.summary["max_score"],
                )
                self.console.print(last, markup=False)
        finally:
            self.close()
        return self.summary
