"""What the student sees: live progress per section, then a table, the first problems and what next.

In a terminal this is a live rich view. When stdout is not a terminal or
NO_COLOR is set (CI logs), it is plain text without colour or cursor tricks.
"""

import os
import sys

from rich import box
from rich.console import Console
from rich.live import Live
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from checker.i18n import Message, command, t
from checker.manifest import SECTIONS

# How student code ran, at the levels below bwrap (checker/isolation.py).
STATUS_STYLE = {"passed": "green", "failed": "red", "not_started": "yellow", "error": "magenta"}


def make_console():
    terminal = Console().is_terminal
    plain = bool(os.environ.get("NO_COLOR")) or not terminal
    # file= pins the real stdout: the runner redirects sys.stdout while pytest runs.
    console = Console(
        file=sys.stdout,
        no_color=plain,
        highlight=False,
        emoji=False,
        soft_wrap=not terminal,  # in a terminal, rich wraps between words
        # Logs have no width: keep table rows on one line. A terminal (NO_COLOR) has its own.
        width=None if terminal else 120,
    )
    return console, plain


def status_text(section):
    status = section["status"]
    if status in ("passed", "not_started", "error"):
        return t(f"ui.status.{status}")
    return t("ui.status.failed", failed=section["failed"], total=section["total"])


class Progress:
    """Receives (section, done, total, passed) from the plugin and shows it."""

    def __init__(self, console, plain, sections):
        self.console = console
        self.plain = plain
        self.sections = sections
        self.state = {s.name: (0, 0, None, 0) for s in sections}
        self.live = None

    def __enter__(self):
        if not self.plain:
            self.live = Live(
                self._table(), console=self.console, refresh_per_second=12, transient=True
            )
            self.live.__enter__()
        return self

    def __exit__(self, *exc):
        if self.live is not None:
            self.live.__exit__(*exc)

    def update(self, name, done, total, passed, not_started=0):
        """not_started: how many of the done tests met a stub (NotImplementedError)."""
        if name not in self.state:  # the integration check has no row of its own
            return
        self.state[name] = (done, total, passed, not_started)
        if self.live is not None:
            self.live.update(self._table())
        elif total and done == total:
            self.console.print(t("ui.live.checked", section=name, passed=passed, total=total))

    def _table(self):
        table = Table(box=box.SIMPLE, show_header=False, pad_edge=False)
        for section in self.sections:
            done, total, passed, not_started = self.state[section.name]
            width = 20
            filled = int(width * done / total) if total else 0
            bar = Text("━" * filled, style="cyan") + Text("━" * (width - filled), style="grey30")
            counts = f"{done}/{total}" if total else t("ui.live.waiting")
            failed = done - (passed or 0)
            if failed and failed == not_started:  # nothing wrong yet: the stubs are untouched
                note = Text(t("ui.status.not_started"), style="yellow")
            else:
                note = Text(t("ui.live.failed", count=failed), style="red") if failed else Text("")
            table.add_row(section.title, bar, counts, note)
        return table


def show_result(
    console, plain, sections, summary, target_label, report_path, watching=False, passed_before=()
):
    """The table, each failing section's first problem, and what to do next. watching: in
    --watch mode, where saving the file is the next command. passed_before: sections the
    previous report of this target had passed, which "Next:" skips."""
    results = summary["sections"]
    table = Table(box=None if plain else box.ROUNDED, title=None, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column(t("ui.column.section"))
    table.add_column(t("ui.column.status"))
    table.add_column(t("ui.column.tests"), justify="right")
    table.add_column(t("ui.column.points"), justify="right")
    for section in sections:
        i = SECTIONS.index(section) + 1  # the number --list and --section use
        s = results[section.name]
        style = STATUS_STYLE.get(s["status"], "")
        table.add_row(
            str(i),
            f"{section.name}  {section.title}",
            Text(status_text(s), style=style),
            f"{s['passed']}/{s['total']}",
            f"{s['score']:g}/{s['max_score']}",
        )
    console.print(table)

    problems = [(section, results[section.name]) for section in sections]
    problems = [(section, s) for section, s in problems if s["status"] != "passed"]
    for i, (section, s) in enumerate(problems):
        style = STATUS_STYLE.get(s["status"], "")
        if s["status"] == "not_started" and i > 0:  # one line: the student has not got there yet
            line = t(
                "ui.not_started_line", section=section.name, file=f"{target_label}/{section.file}"
            )
            console.print(Text(line, style=style))
            continue
        heading = t("ui.section_status", section=section.name, status=status_text(s))
        console.print(Text(f"\n{heading}", style=style))
        print_indented(console, s["message"])
        if s.get("hint"):  # the hint on this very mistake
            hint = f"{section.name} {s['hint']}"
            line = t("ui.hint_on_this", command=command(f"python -m checker --hint {hint}"))
        else:
            line = t("ui.hint", command=command(f"python -m checker --hint {section.name}"))
        console.print(f"  {line}", markup=False)

    show_integration(console, summary.get("integration"))
    passed = len(sections) - len(problems)
    total = t(
        "ui.total",
        passed=passed,
        count=len(sections),
        score=f"{summary['score']:g}",
        max_score=summary["max_score"],
    )
    console.print(f"\n{total}", markup=False)
    show_next(console, sections, problems, target_label, watching, passed_before)
    level = summary.get("isolation", "bwrap")
    if level != "bwrap":
        how = t(f"ui.isolation.{level if level in ('uid', 'process') else 'other'}")
        console.print(t("ui.isolation", level=level, how=how), markup=False, style="grey50")
    report = t("ui.report", path=report_path, seed=summary["seed"])
    console.print(report, markup=False, style="grey50")


def print_indented(console, text):
    """Two spaces in, on every line a terminal wraps it into; logs keep it on one line."""
    if console.is_terminal:
        console.print(Padding(Text(text), (0, 0, 0, 2)))
    else:
        console.print(f"  {text}", markup=False)


def show_integration(console, integration):
    """One line on the student's own network (checker/suites/test_integration.py)."""
    if integration is None:
        return
    title, status = integration["title"], integration["status"]
    if not integration["max_score"]:
        title = t("ui.integration.not_graded", title=title)
    if status == "passed":
        accuracy = f"{integration['accuracy']['test']:.0%}"
        line = t(
            "ui.integration.learns", title=title, accuracy=accuracy, steps=integration["steps"]
        )
        console.print(Text("\n" + line, style="green"))
    elif status == "skipped":
        # the report's reason, already rendered from the catalog (english_message beside it)
        reason = Message(integration["message"], integration.get("english_message") or "")
        line = t("ui.integration.skipped", title=title, reason=reason)
        console.print(Text("\n" + line, style="grey50"))
    else:
        shown = t("ui.status.error") if status == "error" else t("ui.integration.failed")
        line = t("ui.integration.status", title=title, status=shown)
        console.print(Text("\n" + line, style=STATUS_STYLE.get(status, "")))
        print_indented(console, integration["message"])


def show_next(console, sections, problems, target_label, watching=False, passed_before=()):
    """What to do next, after every run. The command has a line of its own: at 80 columns a
    wrap never cuts it in two."""
    if problems:
        section, _ = problems[0]
    else:
        checked = {s.name for s in sections}
        # A --section run that passed: the next section in the kata's order that was neither
        # checked now nor passed when last checked (wrapping around to the first ones).
        last = SECTIONS.index(sections[-1]) + 1
        order = [*SECTIONS[last:], *SECTIONS[:last]]
        later = [s for s in order if s.name not in checked and s.name not in passed_before]
        if later:
            section = later[0]
        else:
            everything = len(checked) == len(SECTIONS)
            console.print(t("ui.all_pass" if everything else "ui.all_pass_with_earlier"))
            console.print("  " + command("python -m checker train"), markup=False)
            return
        console.print(t("ui.selected_pass"))
    if watching:
        file = f"{target_label}/{section.file}"
        console.print(t("ui.next_watching", file=file, title=section.title), markup=False)
        return
    file = f"{target_label}/{section.file}"
    console.print(t("ui.next_run", file=file, title=section.title), markup=False)
    target = "" if target_label == "exercises" else f" --target {target_label}"
    next_command = command(f"python -m checker --section {section.name}{target}")
    console.print(f"  {next_command}", markup=False)


def show_hints(console, section, number=1):
    """One hint at a time: hint `number`, and how to get the next one."""
    hints = section.hints
    number = min(max(number, 1), len(hints))
    heading = t(
        "ui.hint_heading",
        section=section.name,
        title=section.title,
        file=section.file,
        number=number,
        count=len(hints),
    )
    console.print(heading, markup=False)
    console.print(f"  {hints[number - 1]}", markup=False)
    if number < len(hints):
        console.print(t("ui.next_hint"), markup=False)
        next_hint = command(f"python -m checker --hint {section.name} {number + 1}")
        console.print(f"  {next_hint}", markup=False)
