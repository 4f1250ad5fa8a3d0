"""How far student code is kept from the judge: a bubblewrap sandbox, or plain processes.

    bwrap    Linux with bubblewrap (`apt-get install bubblewrap`): one sandbox per run holds
             the zygote and every worker. The whole filesystem is read-only but for the run's
             own folder; /tmp is private; pid, network, IPC and user namespaces are its own;
             no capabilities; it dies with the judge. Student code cannot see or signal the
             judge or another run, cannot write the checker, the venv or the report, and
             cannot outlive the run.
    process  Separate processes with resource limits, under the judge's own user: what
             student code can still do is listed in checker/README.md.

`auto` takes bwrap when it works here (probed once per run) and process otherwise. Asking
for bwrap where it cannot run is an error, never a silent downgrade.
"""

import shutil
import subprocess
import sys
from pathlib import Path

LEVELS = ("bwrap", "process")


class Unavailable(Exception):
    """The isolation level asked for cannot be had on this machine."""


def bwrap_command(run_dir, readable, hidden=()):
    """The command prefix that runs a program in the run's sandbox.

    readable: folders the sandbox must see (the target, the checker, Python) even where they
    lie under /tmp, which is private inside. hidden: folders it must not see (the reference
    solutions and our tests beside the checker), covered by an empty folder.
    """
    command = [
        shutil.which("bwrap") or "bwrap",
        "--ro-bind", "/", "/",
        "--dev", "/dev",
        "--proc", "/proc",
        "--ro-bind", "/proc/sys", "/proc/sys",  # kernel settings: read-only even for root
        "--tmpfs", "/tmp",
    ]  # fmt: skip
    for folder in ("/run", "/var/tmp"):  # where services keep their sockets
        if Path(folder).is_dir() and not Path(folder).is_symlink():
            command += ["--tmpfs", folder]
    for path in sorted({str(Path(p).resolve()) for p in readable}):
        if path.startswith("/tmp/") and Path(path).exists():
            command += ["--ro-bind", path, path]
    for path in hidden:
        if Path(path).is_dir():
            command += ["--tmpfs", str(Path(path).resolve())]
    command += [
        "--bind", str(run_dir), str(run_dir),
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--cap-drop", "ALL",
        "--",
    ]  # fmt: skip
    return command


def python_folders():
    """Where this Python and its packages live: the sandbox must be able to read them."""
    return [sys.prefix, sys.base_prefix, sys.exec_prefix, *(p for p in sys.path if p)]


def bwrap_works():
    if not sys.platform.startswith("linux") or shutil.which("bwrap") is None:
        return False
    try:
        probe = subprocess.run(
            [*bwrap_command("/tmp", []), "true"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def choose(requested):
    """The level to use for `requested` (auto, bwrap or process), or Unavailable."""
    if requested == "process":
        return "process"
    if bwrap_works():
        return "bwrap"
    if requested == "bwrap":
        raise Unavailable(
            "--isolation bwrap: bubblewrap cannot run here (install it with "
            "`apt-get install bubblewrap`; containers may also refuse user namespaces)"
        )
    return "process"
