"""The one result every platform shows: integer points per section, from the checker's report.

A section earns round(points × passed / total), as Classroom 50's Python tests do, so partial
credit survives on every platform and no total reads 99.99999999999999.

What students read comes from the catalogs (checker/i18n/, standard library only) in the run's
language: BACKPROP_KATA_LANG, which `python -m checker` inherits, or the locale. The report's
keys and the graders' machine-readable fields stay English.
"""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checker.i18n import Message, choose, set_language, t
from checker.manifest import SECTIONS

# Markdown and HTML that student text must not carry into a job summary or a release body:
# emphasis, code, links and images, tables, headings, strikethrough, entities and tags.
MARKDOWN_SPECIAL = set("\\`*_[]|#!~&")


@dataclass(frozen=True)
class SectionResult:
    name: str
    title: str
    status: str  # passed, failed, not_started or error, as in the report
    passed: int  # tests
    total: int
    score: int  # points
    max_score: int
    message: str  # the first failing test's message, for the learner; "" when it passes
    # (a Message: in the report's language, with its English beside it)


@dataclass(frozen=True)
class Result:
    sections: list
    checker_fault: bool  # the checker could not grade: not the student's fault
    problem: str = ""  # why nothing was graded: a fault, or a submission without the files

    @property
    def score(self):
        return sum(s.score for s in self.sections)

    @property
    def max_score(self):
        return sum(s.max_score for s in self.sections)


def speak():
    """The language of what students read: $BACKPROP_KATA_LANG, else the locale, else English.
    The checker run as a subprocess inherits it."""
    set_language(choose())


def section_points(points, passed, total):
    return round(points * passed / total) if total else 0


def from_report(report):
    """The Result of a checker report (the dict written by `python -m checker --json`)."""
    summary = report["checker"]
    sections = []
    for section in SECTIONS:
        graded = summary["sections"].get(section.name)
        if graded is None:
            continue
        sections.append(
            SectionResult(
                name=section.name,
                title=section.title,
                status=graded["status"],
                passed=int(graded["passed"]),
                total=int(graded["total"]),
                score=section_points(section.points, graded["passed"], graded["total"]),
                max_score=section.points,
                message=report_message(graded),
            )
        )
    fault = bool(summary.get("checker_fault"))
    problem = next((s.message for s in sections if fault and s.status == "error"), "")
    return Result(sections, fault, problem)


def report_message(graded):
    """A section's message from the report, in the language it was graded in (as a Message)."""
    message = graded.get("message") or ""
    return Message(message, graded.get("english_message") or message)


def read_report(path):
    return from_report(json.loads(Path(path).read_text(encoding="utf-8")))


def run_checker(target, report_path, label="exercises", python=sys.executable, extra=()):
    """Run `python -m checker` once over every section of `target`; the Result of its report.

    It runs in a folder of its own, where `label` is a link to the target: messages name
    `exercises/affine.py`, not a temporary path, and Python never imports a checker/ that lies
    beside the student's files."""
    report_path = Path(report_path).resolve()  # the checker runs in another folder
    report_path.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="backprop-kata-") as place:
        os.symlink(Path(target).resolve(), Path(place) / label)
        command = [python, "-m", "checker", "--target", label, "--json", str(report_path)]
        completed = subprocess.run([*command, *extra], cwd=place, check=False)
    try:
        return read_report(report_path)
    except (OSError, ValueError, KeyError, TypeError):
        return not_graded(t("platform.no_report", code=completed.returncode))


def not_graded(problem, checker_fault=True):
    """The Result when nothing could be graded: the checker could not run (its installation
    failed, say), or, with checker_fault=False, the submission holds nothing to grade."""
    sections = [
        SectionResult(s.name, s.title, "error", 0, 0, 0, s.points, problem) for s in SECTIONS
    ]
    return Result(sections, checker_fault, problem)


# Autolinks and @mentions (which notify people in a release body) are broken up with a
# zero-width space: the text reads the same.
UNLINKED = (("@", "@\u200b"), ("://", ":\u200b//"), ("www.", "www\u200b."))


def markdown_text(text):
    """Plain text, shown as such in Markdown: every special character escaped, no links or
    mentions, one line."""
    escaped = "".join(
        "&lt;" if c == "<" else "&gt;" if c == ">" else "\\" + c if c in MARKDOWN_SPECIAL else c
        for c in text
    )
    for found, shown in UNLINKED:
        escaped = escaped.replace(found, shown)
    return " ".join(escaped.split())


def markdown_message(message):
    """A Message as Markdown-safe text, in both of its languages."""
    message = as_message(message)
    return Message(markdown_text(message), markdown_text(message.english))


def markdown_table(result, heading="Backprop kata"):
    """The section table and each failing section's first message, in Markdown."""
    columns = (t("ui.column.section"), t("ui.column.status"), t("ui.column.tests"))
    lines = [
        "### " + total_line(result, heading),
        "",
        f"| {' | '.join(columns)} | {t('ui.column.points')} |",
        "|---|---|---|---|",
    ]
    for s in result.sections:
        status = status_text(s.status)
        lines.append(
            f"| {markdown_text(s.title)} | {status} | {s.passed}/{s.total} "
            f"| {s.score}/{s.max_score} |"
        )
    if result.checker_fault:
        lines += ["", t("platform.fault_heading")]
        lines += ["", markdown_text(result.problem or t("platform.see_log"))]
    elif result.problem:
        lines += ["", markdown_text(result.problem)]
    failing = [s for s in result.sections if s.status != "passed" and s.message]
    if failing and not result.checker_fault:
        lines += ["", t("platform.what_to_look_at")]
        lines += [
            t("platform.look_at", name=markdown_text(s.name), message=markdown_message(s.message))
            for s in failing
        ]
    return "\n".join(lines) + "\n"


def text_summary(result):
    """A few plain lines: the total, then each section with its points."""
    lines = [total_line(result, "Backprop kata")]
    if result.checker_fault:
        lines.append(t("platform.fault", problem=as_message(result.problem)))
    elif result.problem:
        lines.append(result.problem)
    for s in result.sections:
        lines.append(
            t(
                "platform.section_line",
                title=s.title,
                score=s.score,
                max_score=s.max_score,
                passed=s.passed,
                total=s.total,
            )
        )
    return "\n".join(lines) + "\n"


def total_line(result, heading):
    return t("platform.total", heading=heading, score=result.score, max_score=result.max_score)


def status_text(status):
    """A section's status in a summary: passed, failed, not started or error."""
    if status == "failed":
        return t("platform.status.failed")
    keys = {"passed": "ui.status.passed", "not_started": "ui.status.not_started"}
    return t(keys.get(status, "ui.status.error"))


def as_message(text):
    """A problem as a Message: it is one already, or it came from a report (a str)."""
    return text if isinstance(text, Message) else Message(text, text)
