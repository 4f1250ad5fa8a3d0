"""Run every mutant and alternative of the catalog over many seeds (slow; not part of the suite).

    python -m tests.variants.sweep [--seeds 15]

The test suite runs each variant once, on a random seed. This checks that no
seed lets a mutant through, names the wrong mistake, or fails a valid variant.
"""

import argparse
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from checker.manifest import BY_NAME
from tests.checker_run import edited_copy, run_checker
from tests.variants.catalog import ALTERNATIVES, MUTANTS


def verdict(job):
    variant, seed = job
    with tempfile.TemporaryDirectory() as tmp:
        target = edited_copy(Path(tmp), BY_NAME[variant.section].file, variant.edits)
        code, report, _ = run_checker(target, [variant.section], "--seed", str(seed))
    section = report["checker"]["sections"][variant.section]
    if variant.message:  # a mutant: rejected, with the right message (of its test, if named)
        caught = section
        if variant.test:
            found = [t["metadata"] for t in report["tests"] if t["nodeid"].endswith(variant.test)]
            caught = found[0] if len(found) == 1 else {"message": ""}
        ok = code == 1 and variant.message in caught["message"]
    else:
        ok = code == 0 and section["status"] == "passed"
    return ok, variant.name, seed, section["message"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=15)
    args = parser.parse_args(argv)
    jobs = [(v, seed) for v in MUTANTS + ALTERNATIVES for seed in range(args.seeds)]
    bad = 0
    with ThreadPoolExecutor(2) as pool:
        for ok, name, seed, message in pool.map(verdict, jobs):
            if not ok:
                bad += 1
                print(f"unexpected: {name} seed {seed}: {message}")
    print(f"{len(jobs)} runs, {bad} unexpected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
