"""Calibrate the network test of relu and affine (checker/suites/network.py) on correct code.

    python -m checker.calibration.network [--seeds 300] [--only ALTERNATIVE...] [--out FILE]

For seeds 0..N-1 this draws the run's shared training request exactly as the plugin does
(its rng seeded by the seed and the name "network"), then trains, in this process with the
worker's own scenarios:
  - the student's own network (scenarios.integration) on solutions/ and on solutions/ with
    each valid alternative of relu and affine (tests/variants/catalog.py) in place;
  - the checker's network (scenarios.layer_network) with each of those layers in place of its
    own, and on its own layers alone.
Each must reach MIN_TEST_ACCURACY on every seed. It writes the distribution of the test
accuracies (min, 1st percentile, median) to network_results.json beside this file, every 25
seeds. A slow measurement (about 20 trainings per seed): not part of the test suite.
"""

import argparse
import functools
import json
import shutil
import sys
import tempfile
import time
import zlib
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from checker import scenarios
from checker.suites.network import accuracies, training_request
from checker.suites.test_two_layer_net import MIN_TEST_ACCURACY

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def targets(folder, only=None):
    """{name: (target folder, its layer file or None)}: solutions/, and a copy of it per valid
    alternative of relu and affine (only: these alternatives, and not solutions/)."""
    from tests.variants.catalog import ALTERNATIVES

    found = {} if only else {"solutions": (REPO / "solutions", None)}
    for variant in ALTERNATIVES:
        if variant.section not in scenarios.NETWORK_LAYERS:
            continue
        if only and variant.name not in only:
            continue
        target = folder / variant.name
        shutil.copytree(REPO / "solutions", target, ignore=shutil.ignore_patterns("__pycache__"))
        path = target / f"{variant.section}.py"
        text = path.read_text(encoding="utf-8")
        for old, new in variant.edits:
            assert old in text, f"{variant.name}: an edit does not apply"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
        found[variant.name] = (target, variant.section)
    return found


def trained(target, section, scenario, inputs, options):
    """The test accuracy a scenario's trained network reaches."""
    ctx = scenarios.Context(str(target), section, lambda step: None)
    results = scenarios.SCENARIOS[scenario](ctx, inputs, options)
    outputs = SimpleNamespace(arrays={k: np.asarray(v) for k, v in results.items()})
    return accuracies(outputs, "calibration")[0]


def runs(found, own_layers=True):
    """(check name, target, section, how) for every training of a seed: how is "own" (the
    student's own network), a layer file (the checker's network with that layer) or None (the
    checker's network on its own layers)."""
    if own_layers:
        yield "checker's network, its own layers", REPO / "solutions", "integration", None
    for name, (target, section) in found.items():
        yield f"own network: {name}", target, "integration", "own"
        layers = [section] if section else list(scenarios.NETWORK_LAYERS)
        for file in layers:
            yield f"checker's network with the {file} of {name}", target, file, file


def summary(values):
    values = np.asarray(values)
    return {
        "count": int(values.size),
        "min": float(values.min()),
        "p1": float(np.percentile(values, 1)),
        "median": float(np.median(values)),
        "below_limit": int(np.sum(values < MIN_TEST_ACCURACY)),
        "margin": float(values.min() - MIN_TEST_ACCURACY),
    }


def write(accuracies_by_check, seeds, started, out):
    every = [v for values in accuracies_by_check.values() for v in values]
    results = {
        "limit": MIN_TEST_ACCURACY,
        "seeds": seeds,
        "trainings": len(every),
        "minutes": round((time.monotonic() - started) / 60, 1),
        "all": summary(every),
        "checks": {name: summary(values) for name, values in accuracies_by_check.items()},
    }
    out.write_text(json.dumps(results, indent=2) + "\n")
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=300)
    parser.add_argument("--only", nargs="+", help="these alternatives alone (no solutions/)")
    parser.add_argument("--out", type=Path, default=HERE / "network_results.json")
    args = parser.parse_args(argv)
    started = time.monotonic()
    # Read the sample once, not twice per training: the same arrays, a third less CPU time.
    scenarios.shipped_sample = functools.cache(scenarios.shipped_sample)
    by_check = {}
    with tempfile.TemporaryDirectory(prefix="calibrate-network-") as folder:
        found = targets(Path(folder), args.only)
        for seed in range(args.seeds):
            rng = np.random.default_rng([seed, zlib.crc32(b"network")])  # plugin.named_rng
            scenario, inputs, options = training_request(rng)
            for name, target, section, how in runs(found, not args.only):
                if how == "own":
                    accuracy = trained(target, section, scenario, inputs, options)
                else:
                    layer = scenarios.NETWORK_LAYERS[how] if how else None
                    extra = {**options, "layer": layer}
                    accuracy = trained(target, section, "layer_network", inputs, extra)
                by_check.setdefault(name, []).append(accuracy)
            if (seed + 1) % 25 == 0 or seed + 1 == args.seeds:
                write(by_check, seed + 1, started, args.out)
                print(f"{seed + 1} seeds", flush=True)
    results = write(by_check, args.seeds, started, args.out)
    for name, s in results["checks"].items():
        print(f"{name:<70} min {s['min']:.3f}  median {s['median']:.3f}  below {s['below_limit']}")
    return 1 if results["all"]["below_limit"] else 0


if __name__ == "__main__":
    sys.exit(main())
