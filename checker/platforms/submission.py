"""Find a student's section files in whatever they handed in.

A submission may be the section files alone, an `exercises/` folder, or a whole repository.
The folder that holds the most section files wins; among equals, one named `exercises`, then
the shallowest. Folders that are never the student's work (the reference, our tests, virtual
environments, caches, `.git`) are not searched.
"""

import os
import shutil
from pathlib import Path

from checker.manifest import SECTIONS

SECTION_FILES = tuple(section.file for section in SECTIONS)
NEVER_SEARCHED = {".git", "solutions", "tests", "__pycache__", "node_modules", ".venv", "venv"}
MAX_DEPTH = 6


def find_section_folder(root):
    """The folder under `root` that holds the student's section files, or None."""
    root = Path(root)
    best, best_key = None, None
    for folder, subfolders, files in os.walk(root):
        depth = len(Path(folder).relative_to(root).parts)
        subfolders[:] = (
            []
            if depth >= MAX_DEPTH
            else sorted(
                name
                for name in subfolders
                if name not in NEVER_SEARCHED and not name.startswith(".")
            )
        )
        found = sum(name in files for name in SECTION_FILES)
        if not found:
            continue
        key = (found, Path(folder).name == "exercises", -depth)
        if best_key is None or key > best_key:
            best, best_key = Path(folder), key
    return best


def assemble_target(section_folder, stubs, destination):
    """A target folder: the kata's stubs and given files, with the student's section files
    in place of the stubs. Only regular files are taken from the submission."""
    destination = Path(destination)
    shutil.copytree(stubs, destination, ignore=shutil.ignore_patterns("__pycache__"))
    taken = []
    for name in SECTION_FILES:
        source = Path(section_folder) / name
        if source.is_file() and not source.is_symlink():
            shutil.copyfile(source, destination / name)
            taken.append(name)
    return taken
