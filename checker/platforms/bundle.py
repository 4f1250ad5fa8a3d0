"""The checker's own source, copied for a platform bundle: never the student's copy.

A bundle holds what `pip install` needs (pyproject.toml, README.md), the checker, the MNIST
sample, the examples and the exercise stubs (whose given files, such as functions.py, fill in
what a submission leaves out). Never solutions/ or tests/.
"""

import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = ("checker", "dataset", "examples", "exercises")
SOURCE_FILES = ("pyproject.toml", "README.md")
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", "calibration", ".checker")


def copy_source(destination):
    """Copy the checker's source tree into `destination` (a new folder); return its path."""
    destination = Path(destination)
    destination.mkdir(parents=True)
    for name in SOURCE_FILES:
        shutil.copy2(REPO_ROOT / name, destination / name)
    for name in SOURCE_FOLDERS:
        shutil.copytree(REPO_ROOT / name, destination / name, ignore=LEFT_OUT)
    return destination
