"""Write targets that together hold every valid alternative of the catalog, for calibration.

    python -m tests.variants.composites DEST

Target k takes the k-th alternative of each section (where a section has one), applied to a
copy of solutions/, so every alternative is calibrated over the same seeds as solutions/ in
len(longest section's list) targets. Prints the targets' paths, one per line.
"""

import sys
from collections import defaultdict
from pathlib import Path

from checker.manifest import BY_NAME
from tests.checker_run import SOLUTIONS, copy_of
from tests.variants.catalog import ALTERNATIVES


def write_composites(dest):
    by_section = defaultdict(list)
    for variant in ALTERNATIVES:
        by_section[variant.section].append(variant)
    targets = []
    for k in range(max(len(v) for v in by_section.values())):
        target = copy_of(SOLUTIONS, Path(dest), f"alternatives_{k + 1}")
        for section, variants in by_section.items():
            if k < len(variants):
                path = target / BY_NAME[section].file
                text = path.read_text(encoding="utf-8")
                for old, new in variants[k].edits:
                    assert old in text, f"{variants[k].name}: edit does not apply"
                    text = text.replace(old, new)
                path.write_text(text, encoding="utf-8")
        targets.append(target)
    return targets


if __name__ == "__main__":
    for target in write_composites(sys.argv[1]):
        print(target)
