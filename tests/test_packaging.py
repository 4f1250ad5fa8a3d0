"""A wheel built from the repository gives a working checker, from any working directory."""

import os
import site
import subprocess
import sys
import sysconfig
import venv
import zipfile

import pytest

from tests.checker_run import SOLUTIONS, copy_of
from tests.conftest import REPO


@pytest.fixture(scope="module")
def installed_checker(tmp_path_factory):
    """A fresh venv with the wheel installed, and this venv's dependencies visible to it."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if build.returncode != 0:
        pytest.fail(f"pip wheel failed: {build.stderr[-2000:]}")
    (wheel,) = tmp.glob("backprop_kata-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    own_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # numpy, pytest, rich and pytest-json-report from this environment; .pth files in it
    # (our own editable install among them) are not processed from a path added this way.
    deps = [*site.getsitepackages(), sysconfig.get_paths()["purelib"]]
    with open(os.path.join(own_site, "deps.pth"), "w", encoding="utf-8") as f:
        f.write("\n".join(dict.fromkeys(deps)) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
         str(wheel)],
        check=True,
        timeout=300,
    )  # fmt: skip
    return python


def test_the_wheel_builds_with_warnings_as_errors(tmp_path):
    # Every platform installs the kata with the newest setuptools the floor allows: a deprecation
    # (setuptools' own warnings derive from UserWarning) must fail here before it fails a class.
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert "deprecat" not in (build.stdout + build.stderr).lower()
    (wheel,) = tmp_path.glob("backprop_kata-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        assert "License-Expression: MIT" in archive.read(metadata).decode().splitlines()


def test_the_wheel_grades_solutions_from_another_folder(installed_checker, tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = subprocess.run(
        [str(installed_checker), "-m", "checker", "--target", str(target), "--json", "r.json"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6/6 sections passed, 100/100 points" in result.stdout
    where = subprocess.run(
        [str(installed_checker), "-c", "import checker; print(checker.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(REPO) not in where, where  # graded by the installed copy, not this checkout


def test_the_wheel_carries_the_platforms_and_instructors_tools(installed_checker, tmp_path):
    # A pinned checker (GitHub Actions), the Classroom 50 venv and Gradescope's venv install it.
    modules = "checker.platforms.github, checker.platforms.gradescope, checker.instructors.batch"
    subprocess.run(
        [str(installed_checker), "-c", f"import {modules}"],
        cwd=tmp_path,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": ""},
    )
