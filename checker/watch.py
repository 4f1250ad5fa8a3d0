"""`python -m checker --watch`: check again on every save, with the judge kept warm.

The first run checks the selected sections. Then the target's .py files are polled; when one
changes, only the sections it can affect are checked again, and the table shows the latest
result of every section. Between runs the next run's sandbox and zygote (numpy imported) are
already started, so a re-check pays only for forking workers and running the tests.
"""

import os
import re
import secrets
import time
from pathlib import Path

import pytest

from checker import i18n, stand_ins, ui
from checker.i18n import t
from checker.manifest import SECTIONS
from checker.plugin import WorkerPool
from checker.runner import grade

POLL_SECONDS = 0.05  # a stat of ten files: no measurable CPU
SETTLE_SECONDS = 0.03  # editors may write a file in several steps
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


# `from .functions import sigmoid`, `from . import relu`, `import relu`: the target's own files.
IMPORT = re.compile(r"^\s*(?:from\s+\.?(\w*)\s+import\s+([\w ,]+)|import\s+([\w ,]+))", re.M)


def imported_files(target, name):
    """The target's .py files that the file `name` names in an import (one level)."""
    try:
        text = (Path(target) / name).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    names = set()
    for module, imported, plain in IMPORT.findall(text):
        names.update([module] if module else [])
        names.update(part.strip() for part in (imported or plain).split(","))
    files = {f"{module}.py" for module in names if module}
    return {file for file in files if (Path(target) / file).is_file()}


def sections_for(changed, sections, target=None):
    """Those of `sections` that the changed files can affect: a section's own file, any file
    it imports, directly or through other files of the target (read from the files, so a
    sigmoid.py that imports functions.py is checked again when functions.py changes), and for
    TwoLayerNet every file that is neither a section's own nor replaced by a stand-in."""
    own = {section.file for section in SECTIONS}
    # The two_layer_net section runs on the checker's stand-ins in place of these files.
    stand_in_files = {f"{module}.py" for module in stand_ins.MODULES}
    affected = []
    for section in sections:
        skipped = stand_in_files if section.name == NET_SECTION else set()
        reached, todo = {section.file}, [section.file]
        while todo and target is not None:  # the files this section's file imports, transitively
            for name in imported_files(target, todo.pop()) - reached - skipped:
                reached.add(name)
                todo.append(name)
        if section.name == NET_SECTION:  # a helper file of the student's own, however imported
            reached |= {name for name in changed if name not in own | stand_in_files}
        if reached & set(changed):
            affected.append(section)
    return affected


def folder_identity(target):
    """(device, inode) of the target folder, or None when it is gone."""
    try:
        info = os.stat(target)
    except OSError:
        return None
    return info.st_dev, info.st_ino


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
        self.warm_folder = None  # folder_identity of the target when it was started
        self.unchecked = []  # sections a Ctrl-C stopped before their check ended

    def warm_up(self):
        """Start the next run's sandbox and zygote now, so the re-check after a save is quick.
        The sandbox binds the target folder as it is now: folder_identity tells whether it is
        still the same folder when the check comes."""
        if self.warm is not None:
            return
        self.warm = WorkerPool(str(self.target), self.limits, self.isolation)
        self.warm_folder = folder_identity(self.target)
        self.warm.start_zygote()

    def check(self, sections):
        """Grade `sections` with the warm pool, show the merged table; returns the summary."""
        pool, self.warm = self.warm, None
        if pool is not None and self.warm_folder != folder_identity(self.target):
            pool.close()  # the folder was replaced since: a new sandbox must bind the new one
            pool = None
        seed = self.seed if self.seed is not None else secrets.randbelow(2**31)
        try:
            with ui.Progress(self.console, self.plain, sections) as progress:
                report, _ = grade(
                    self.target, self.label, sections, seed, self.report_path, self.limits,
                    progress.update, self.isolation, pool=pool,
                )  # fmt: skip
        except BaseException:
            if pool is not None:
                pool.close()  # a Ctrl-C before pytest's session began: nobody else will
            self.unchecked = sections
            raise
        if report.get("exitcode") == pytest.ExitCode.INTERRUPTED:  # pytest caught the Ctrl-C
            self.unchecked = sections
            raise KeyboardInterrupt
        self.unchecked = []
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
                affected = sections_for(changed, SECTIONS, self.target)
                if not affected:
                    continue
                # Not checked until its check ends: a Ctrl-C from here on claims no result for it
                # (even one that lands while the line below is printed).
                self.unchecked = affected
                names = ", ".join(sorted(changed))
                checking = ", ".join(section.name for section in affected)
                changed_line = t("watch.changed", files=names, sections=checking)
                self.console.print(f"\n{changed_line}", markup=False)
                self.check(affected)
        except KeyboardInterrupt:
            self.console.print(f"\n{t('watch.stopped')}", markup=False)
            if self.unchecked:  # the last save was never checked: no stale "passed" for it
                names = ", ".join(section.name for section in self.unchecked)
                again = i18n.command("python -m checker")
                line = t("watch.unchecked", sections=names, command=again)
                self.console.print(line, markup=False)
                self.summary = None
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
