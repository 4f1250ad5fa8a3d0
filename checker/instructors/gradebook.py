"""Collect many checker reports into one table, for instructors.

    python -m checker.instructors.gradebook reports/*.json [--csv grades.csv]

Each report is one submission, named after its file. The table has the total
and every section's score; a report that cannot be read is listed as such,
never skipped.
"""

import argparse
import csv
import json
import sys
from pathlib import Path

from checker.channel import inert
from checker.manifest import SECTIONS


def row_for(path):
    """(name, dict of columns) for one report file."""
    name = Path(path).stem
    try:
        summary = json.loads(Path(path).read_text(encoding="utf-8"))["checker"]
        row = {"submission": name, "score": summary["score"], "max_score": summary["max_score"]}
        for section in SECTIONS:
            result = summary["sections"].get(section.name)
            row[section.name] = result["score"] if result else ""
            row[f"{section.name}_status"] = result["status"] if result else "not_run"
        row["problem"] = ""
    except (OSError, ValueError, KeyError, TypeError) as error:
        row = {"submission": name, "score": "", "max_score": "", "problem": f"unreadable: {error}"}
    return row


def columns():
    names = ["submission", "score", "max_score"]
    names += [section.name for section in SECTIONS]
    names += [f"{section.name}_status" for section in SECTIONS]
    return [*names, "problem"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path)
    parser.add_argument("--csv", type=Path, help="also write the table as CSV")
    args = parser.parse_args(argv)

    # A report file may have been edited: every cell is shown and written as inert text.
    rows = [
        {k: inert(v) if isinstance(v, str) else v for k, v in row_for(p).items()}
        for p in args.reports
    ]
    header = ["submission", "score", *[section.name for section in SECTIONS]]
    width = max(len(r["submission"]) for r in [*rows, {"submission": "submission"}]) + 2
    print("".join(f"{h:<{width if i == 0 else 15}}" for i, h in enumerate(header)))
    for row in rows:
        cells = [row["submission"], row["score"], *[row.get(s.name, "") for s in SECTIONS]]
        line = "".join(f"{str(c):<{width if i == 0 else 15}}" for i, c in enumerate(cells))
        print(line + (f"  {row['problem']}" if row["problem"] else ""))
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=columns(), restval="")
            writer.writeheader()
            writer.writerows(rows)
    return 1 if any(row["problem"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
