"""The "checker" object of the report, and writing the report atomically."""

import contextlib
import hashlib
import json
import os
import secrets
import tempfile
from pathlib import Path

from checker.manifest import INTEGRATION

# Faults that say something is broken beyond a wrong value.
ERROR_KINDS = {
    "import_error",
    "timeout",
    "crash",
    "exit",
    "sys_exit",
    "output_flood",
    "memory",
    "checker_error",
    "forged",
}


def checker_digest():
    """sha256 over the checker's own files (judge, suites, stand-ins, manifest, ...), so that a
    gradebook can tell reports of an unmodified checker from the rest. Taken before any
    student code runs."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted([*root.glob("*.py"), *root.glob("suites/*.py"), root / "suites" / "pytest.ini"])
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def section_status(verdicts):
    if not verdicts:
        return "error"
    kinds = [v["verdict"] for v in verdicts]
    if all(kind == "passed" for kind in kinds):
        return "passed"
    if all(kind == "not_implemented" for kind in kinds):
        return "not_started"
    if any(kind in ERROR_KINDS for kind in kinds):
        return "error"
    return "failed"


def summarize(sections, results, totals, version, target, seed):
    """{"version", "target", "seed", "score", "max_score", "sections": {...}} for the report."""
    summary = {}
    for section in sections:
        verdicts = [v for v in results.values() if v["section"] == section.name]
        total = totals.get(section.name, 0)
        passed = sum(v["verdict"] == "passed" for v in verdicts)
        first_failure = next((v for v in verdicts if v["verdict"] != "passed"), None)
        summary[section.name] = {
            "title": section.title,
            "status": section_status(verdicts) if total else "error",
            "passed": passed,
            "failed": total - passed,
            "total": total,
            "score": round(section.points * passed / total, 2) if total else 0.0,
            "max_score": section.points,
            "message": first_failure["message"] if first_failure else "",
            "english_message": first_failure.get("english_message", "") if first_failure else "",
            "hint": first_failure.get("hint") if first_failure else None,
        }
    return {
        "version": version,
        "target": target,
        "seed": seed,
        "score": round(sum(s["score"] for s in summary.values()), 2),
        "max_score": sum(s["max_score"] for s in summary.values()),
        "sections": summary,
    }


def summarize_integration(verdict):
    """The "integration" object of the report: the student's own network, end to end.

    status: passed, failed, skipped (an ingredient is missing or not started) or error.
    """
    details = verdict.get("details", {})
    kind = verdict["verdict"]
    if kind in ("passed", "skipped"):
        status = kind
    else:
        status = "error" if kind in ERROR_KINDS else "failed"
    points = INTEGRATION.points
    return {
        "title": INTEGRATION.title,
        "status": status,
        "accuracy": details.get("accuracy"),
        "steps": details.get("steps"),
        "seconds": details.get("seconds"),
        "culprit": details.get("culprit"),
        "score": points if status == "passed" else 0,
        "max_score": points,
        "message": verdict.get("message", ""),
        "english_message": verdict.get("english_message", ""),
    }


def failed_summary(sections, version, target, seed, message):
    """The report when grading could not run at all: every section is an error."""
    results = {
        f"{section.name}::checker": {
            "section": section.name,
            "verdict": "checker_error",
            "message": message,
            "english_message": getattr(message, "english", message),
        }
        for section in sections
    }
    totals = {section.name: 1 for section in sections}
    return summarize(sections, results, totals, version, target, seed)


def open_report_folder(path):
    """Make the report's folder and open it: write_atomically then writes through this
    descriptor, never through a path that student code could have turned into a link."""
    folder = Path(path).parent
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "nt":  # no descriptors of folders there
        return None
    return os.open(folder, os.O_RDONLY | os.O_DIRECTORY)


def write_atomically(path, report, folder_fd=None):
    """Write JSON to a new temporary file beside path, then rename it into place.

    folder_fd: the report's folder, opened by open_report_folder (POSIX only)."""
    path = Path(path)
    if folder_fd is None or os.name == "nt":
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        where = {}
    else:
        tmp = f".{path.name}.{secrets.token_hex(8)}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, 0o644, dir_fd=folder_fd)
        where = {"src_dir_fd": folder_fd, "dst_dir_fd": folder_fd}
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2, default=str)
            f.write("\n")
        os.replace(tmp, path.name if where else path, **where)
    except BaseException:
        with contextlib.suppress(OSError):
            if where:
                os.unlink(tmp, dir_fd=folder_fd)
            else:
                Path(tmp).unlink()
        raise
