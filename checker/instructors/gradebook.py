"""Collect many checker reports into one table, for instructors, and check what they say.

    python -m checker.instructors.gradebook reports/*.json [--csv grades.csv]
        [--require-isolation bwrap|uid|process] [--checker SHA256]
    python -m checker.instructors.gradebook --regrade SUBMISSIONS... [--out DIR]

Each report is one submission, named after its file. The table has the total and every
section's score; a report that cannot be read is listed as such, never skipped. The `flags`
column marks a report that this checker would not vouch for: made by a checker whose files
differ from the one installed here (or from --checker), graded at an isolation level below
--require-isolation, or of a submission identical to another one. --regrade ignores any
report and grades the submissions from source with this checker (checker.instructors.batch):
the answer to any doubt.
"""

import argparse
import csv
import json
import sys
from pathlib import Path

from checker.channel import inert
from checker.manifest import SECTIONS
from checker.report import checker_digest

ISOLATION_ORDER = ("process", "uid", "bwrap")  # weakest first


def flags_for(rows, summaries, checker, required=None):
    """Set each row's `flags`: what makes its report doubtful."""
    by_content = {}
    for row, summary in zip(rows, summaries, strict=True):
        if summary and summary.get("submission_sha256"):
            by_content.setdefault(summary["submission_sha256"], []).append(row["submission"])
    for row, summary in zip(rows, summaries, strict=True):
        flags = []
        if summary is not None:
            if summary.get("checker_sha256") != checker:
                flags.append("checker differs from this one")
            level = summary.get("isolation")
            if required and (
                level not in ISOLATION_ORDER
                or ISOLATION_ORDER.index(level) < ISOLATION_ORDER.index(required)
            ):
                flags.append(f"isolation {level or 'unknown'} below {required}")
            twins = [
                n
                for n in by_content.get(summary.get("submission_sha256"), ())
                if n != row["submission"]
            ]
            if twins:
                flags.append(f"identical to {', '.join(twins)}")
        row["flags"] = "; ".join(flags)


def read_report(path):
    """(report, None), or (None, why it cannot be read)."""
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return None, error
    if not isinstance(report, dict) or not isinstance(report.get("checker"), dict):
        return None, 'no "checker" object'
    return report, None


def row_from(name, report, error=None):
    """The row of one submission, from its report (None when it could not be read)."""
    if report is None:
        return {"submission": name, "score": "", "max_score": "", "problem": f"unreadable: {error}"}
    try:
        summary = report["checker"]
        row = {"submission": name, "score": summary["score"], "max_score": summary["max_score"]}
        for section in SECTIONS:
            result = summary["sections"].get(section.name)
            row[section.name] = result["score"] if result else ""
            row[f"{section.name}_status"] = result["status"] if result else "not_run"
        row["problem"] = ""
    except (KeyError, TypeError, AttributeError) as failure:
        row = {
            "submission": name,
            "score": "",
            "max_score": "",
            "problem": f"unreadable: {failure}",
        }
    return row


def row_for(path):
    """(name, dict of columns) for one report file."""
    return row_from(Path(path).stem, *read_report(path))


# A cell that starts with one of these is a formula to a spreadsheet (CSV injection): a folder
# named "-2-3" or "=HYPERLINK(...)", or a student's exception message.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(row):
    """The row with every text cell that a spreadsheet would read as a formula prefixed with
    an apostrophe, which spreadsheets take as "this is text" (numbers stay numbers)."""
    return {
        key: f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value
        for key, value in row.items()
    }


def columns():
    names = ["submission", "score", "max_score"]
    names += [section.name for section in SECTIONS]
    names += [f"{section.name}_status" for section in SECTIONS]
    return [*names, "flags", "problem"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--csv", type=Path, help="also write the table as CSV")
    parser.add_argument("--require-isolation", choices=ISOLATION_ORDER)
    parser.add_argument("--checker", metavar="SHA256", help="the checker hash to expect")
    parser.add_argument("--regrade", nargs="+", type=Path, metavar="SUBMISSION")
    parser.add_argument("--out", type=Path, default=Path("regrade"), help="for --regrade")
    args = parser.parse_args(argv)
    if args.regrade:
        from checker.instructors import batch

        code = batch.main([*map(str, args.regrade), "--out", str(args.out), "--force"])
        args.reports = sorted((args.out / "reports").glob("*.json"))
        if not args.reports:
            return code
    if not args.reports:
        parser.error("give reports, or --regrade SUBMISSIONS")

    loaded = [read_report(path) for path in args.reports]
    rows = [row_from(path.stem, *read) for path, read in zip(args.reports, loaded, strict=True)]
    summaries = [report["checker"] if report else None for report, _ in loaded]
    flags_for(rows, summaries, args.checker or checker_digest(), args.require_isolation)
    # A report file may have been edited: every cell is shown and written as inert text.
    rows = [{k: inert(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
    header = ["submission", "score", *[section.name for section in SECTIONS]]
    width = max(len(r["submission"]) for r in [*rows, {"submission": "submission"}]) + 2
    print("".join(f"{h:<{width if i == 0 else 15}}" for i, h in enumerate(header)))
    for row in rows:
        cells = [row["submission"], row["score"], *[row.get(s.name, "") for s in SECTIONS]]
        line = "".join(f"{str(c):<{width if i == 0 else 15}}" for i, c in enumerate(cells))
        notes = [note for note in (row["problem"], row["flags"]) if note]
        print(line + (f"  {' | '.join(notes)}" if notes else ""))
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=columns(), restval="")
            writer.writeheader()
            writer.writerows(map(spreadsheet_safe, rows))
    return 1 if any(row["problem"] or row["flags"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
