"""Calibrate the checker's tolerances: run it on correct code over many seeds, record the margins.

    python -m checker.calibration.calibrate [--seeds 200] [--target solutions ...]

For every comparison a test makes, the report records what it measured
(a rel_error, or the test accuracy after training) and its limit. This runs
`python -m checker` for seeds 0..N-1 on each target, and writes, per check, the
worst value seen and how far it stays from the limit, to results.json beside
this file. Every run must pass: a correct implementation must never fail.
This is a slow measurement (minutes): it is not part of the test suite.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def run_once(target, seed, tmp):
    report_path = os.path.join(tmp, f"{Path(target).name}-{seed}.json")
    args = [sys.executable, "-m", "checker", "--target", str(target), "--seed", str(seed)]
    result = subprocess.run(
        [*args, "--json", report_path],
        cwd=REPO,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    with open(report_path) as f:
        report = json.load(f)
    os.unlink(report_path)
    return result.returncode, report


def check_name(test, measured):
    """'test_affine.py::test_backward[2d]' + 'Affine.backward: dW' -> a key without the case."""
    return f"{test['nodeid'].split('[')[0]} | {measured['what']}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--target", action="append", help="folder(s) to run (default: solutions)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    targets = args.target or [str(REPO / "solutions")]

    worst, failures, runs = {}, [], 0
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(args.jobs) as pool:
        jobs = [(t, s) for t in targets for s in range(args.seeds)]
        for (target, seed), (code, report) in zip(
            jobs, pool.map(lambda job: run_once(*job, tmp), jobs), strict=True
        ):
            runs += 1
            if code != 0:
                failures.append(
                    {"target": target, "seed": seed, "score": report["checker"]["score"]}
                )
            for test in report.get("tests", []):
                for measured in test["metadata"].get("measured", []):
                    key = check_name(test, measured)
                    entry = worst.setdefault(key, {"limit": measured["limit"], "values": []})
                    entry["values"].append(measured["value"])

    summary = {}
    for key, entry in sorted(worst.items()):
        values, limit = entry["values"], entry["limit"]
        is_accuracy = "accuracy" in key.split(" | ", 1)[1]  # higher is better
        extreme = min(values) if is_accuracy else max(values)
        summary[key] = {
            "limit": limit,
            "worst": extreme,
            "count": len(values),
            "margin": (extreme - limit) if is_accuracy else (limit / extreme if extreme else None),
        }
    results = {
        "targets": [
            str(Path(t).resolve().relative_to(REPO)) if REPO in Path(t).resolve().parents else t
            for t in targets
        ],
        "seeds": args.seeds,
        "runs": runs,
        "failed_runs": failures,
        "checks": summary,
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    width = max(len(k) for k in summary)
    for key, s in summary.items():
        margin = f"{s['margin']:.3g}" if s["margin"] is not None else "exact"
        print(f"{key:<{width}}  worst {s['worst']:.3g}  limit {s['limit']:.3g}  margin {margin}")
    print(f"{runs} runs, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
