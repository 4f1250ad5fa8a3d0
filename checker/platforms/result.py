"""The one result every platform shows: integer points per section, from the checker's report.

A section earns round(points × passed / total), as Classroom 50's Python tests do, so partial
credit survives on every platform and no total reads 99.99999999999999.
"""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

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
                message=graded["message"],
            )
        )
    fault = bool(summary.get("checker_fault"))
    problem = next((s.message for s in sections if fault and s.status == "error"), "")
    return Result(sections, fault, problem)


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
        return not_graded(
            f"the checker ended with exit code {completed.returncode} and wrote no report"
        )


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


def markdown_table(result, heading="Backprop kata"):
    """The section table and each failing section's first message, in Markdown."""
    lines = [
        f"### {heading}: {result.score}/{result.max_score} points",
        "",
        "| section | status | tests | points |",
        "|---|---|---|---|",
    ]
    for s in result.sections:
        status = s.status.replace("_", " ")
        lines.append(
            f"| {markdown_text(s.title)} | {status} | {s.passed}/{s.total} "
            f"| {s.score}/{s.max_score} |"
        )
    if result.checker_fault:
        lines += ["", "**The checker could not grade this submission** (not your code's fault):"]
        lines += ["", markdown_text(result.problem or "see the job log")]
    elif result.problem:
        lines += ["", markdown_text(result.problem)]
    failing = [s for s in result.sections if s.status != "passed" and s.message]
    if failing and not result.checker_fault:
        lines += ["", "#### What to look at"]
        lines += [f"- **{markdown_text(s.name)}**: {markdown_text(s.message)}" for s in failing]
    return "\n".join(lines) + "\n"


def text_summary(result):
    """A few plain lines: the total, then each section with its points."""
    lines = [f"Backprop kata: {result.score}/{result.max_score} points"]
    if result.checker_fault:
        lines.append(f"The checker could not grade this submission: {result.problem}")
    elif result.problem:
        lines.append(result.problem)
    for s in result.sections:
        lines.append(f"{s.title}: {s.score}/{s.max_score} ({s.passed}/{s.total} tests)")
    return "\n".join(lines) + "\n"
