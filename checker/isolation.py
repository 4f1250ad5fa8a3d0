"""How far student code is kept from the judge: a bubblewrap sandbox, or plain processes.

    bwrap    Linux with bubblewrap (`apt-get install bubblewrap`): one sandbox per run holds
             the zygote and every worker. The whole filesystem is read-only but for the run's
             own folder; /tmp is private; pid, network, IPC and user namespaces are its own;
             no capabilities; it dies with the judge. Student code cannot see or signal the
             judge or another run, cannot write the checker, the venv or the report, and
             cannot outlive the run.
    uid      Linux, when the checker runs as root without a working bwrap (Gradescope, CI
             containers): each worker is forked by the zygote and drops to a user and group
             of its own, unused by anyone else, with a cap on its processes. It reads a
             copy of the target's .py files and writes only its own folder. It cannot write the
             checker, the venv or the report, nor signal or read the judge or another worker,
             and every process of those users is killed when the run ends.
    process  Separate processes with resource limits, under the judge's own user: what
             student code can still do is listed in checker/README.md.

`auto` takes bwrap when it works here (probed once per run), then uid when the checker runs
as root, and process otherwise. Asking for a level that cannot run here is an error, never a
silent downgrade.
"""

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

LEVELS = ("bwrap", "uid", "process")

# The uid level's users: ids far above those of real accounts (useradd stops at 60000 and
# systemd's dynamic users at 65519). Each run takes a block of its own, from its pid.
FIRST_WORKER_UID = 3_000_000_000
UIDS_PER_RUN = 64
MAX_PROCESSES_PER_WORKER = 64  # RLIMIT_NPROC: a fork bomb stops here, and the final kill ends
# Workers whose CPU time the judge measures may not fork at all: a child that is never waited
# for would hide its CPU time (a numerical gradient computed in children, say).
SINGLE_PROCESS_SECTIONS = ("two_layer_net", "integration")


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


def uid_works():
    """Workers can drop to users of their own: Linux, root, a zygote to fork them, and a
    Python, numpy and checker that other users can read (imports go on after the drop)."""
    return (
        sys.platform.startswith("linux")
        and os.geteuid() == 0
        and hasattr(socket, "send_fds")
        and not os.environ.get("BACKPROP_KATA_NO_ZYGOTE")
        and not unreadable_python_folder()
    )


def unreadable_python_folder():
    """A folder of this Python, numpy or the checker that users other than root cannot read,
    or None. (The checker's folder holds the examples and the MNIST sample that workers load.)"""
    import numpy

    checker_root = Path(__file__).resolve().parents[1]
    for folder in (os.path.dirname(os.__file__), os.path.dirname(numpy.__file__), checker_root):
        path = Path(folder).resolve()
        if not os.stat(path).st_mode & stat.S_IROTH:
            return path
        for place in (path, *path.parents):
            if not os.stat(place).st_mode & stat.S_IXOTH:
                return place
    return None


def choose(requested):
    """The level to use for `requested` (auto, bwrap, uid or process), or Unavailable."""
    if requested == "process":
        return "process"
    if requested == "uid":
        if not uid_works():
            unreadable = sys.platform.startswith("linux") and unreadable_python_folder()
            raise Unavailable(
                f"--isolation uid: other users cannot read {unreadable}, where Python, numpy "
                "or the checker lives; install them where every user can read them"
                if unreadable and os.geteuid() == 0
                else "--isolation uid: workers can drop to users of their own only when the "
                "checker runs as root on Linux"
            )
        return "uid"
    if bwrap_works():
        return "bwrap"
    if requested == "bwrap":
        raise Unavailable(
            "--isolation bwrap: bubblewrap cannot run here (install it with "
            "`apt-get install bubblewrap`; containers may also refuse user namespaces)"
        )
    return "uid" if uid_works() else "process"


class WorkerUsers:
    """The uid level's users for one run: a new uid (and gid of the same number) per worker,
    all members of the run's own group (`group`, the block's first id), which alone may read
    the run's copy of the target."""

    def __init__(self, pid=None):
        block = (pid or os.getpid()) % ((2**32 - 2 - FIRST_WORKER_UID) // UIDS_PER_RUN)
        self.group = FIRST_WORKER_UID + block * UIDS_PER_RUN
        self.used = []

    def next(self):
        if len(self.used) == UIDS_PER_RUN - 1:
            raise RuntimeError("this run has used all of its worker users")
        uid = self.group + 1 + len(self.used)
        self.used.append(uid)
        return uid

    def kill_all(self, rounds=20):
        """SIGKILL every process that runs as one of this run's users, daemons included."""
        users = {str(uid) for uid in self.used}
        for _ in range(rounds):
            found = False
            for pid in (p for p in os.listdir("/proc") if p.isdigit()):
                try:
                    with open(f"/proc/{pid}/status") as f:
                        uids = next(line for line in f if line.startswith("Uid:")).split()[1:]
                except (OSError, StopIteration):
                    continue  # it ended meanwhile
                if users.intersection(uids):
                    found = True
                    try:
                        os.kill(int(pid), signal.SIGKILL)
                    except ProcessLookupError:
                        pass
            if not found:
                return True
        return False

    def remove_leftovers(self):
        remove_leftovers(set(self.used))


# World-writable places where a worker user can leave files behind.
SHARED_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")


def remove_leftovers(users, folders=SHARED_FOLDERS):
    """Delete what the run's users left in world-writable folders (files in /dev/shm hold
    memory). GNU find walks trees of any depth, deletes links without following them, and
    stays on each folder's filesystem."""
    folders = [folder for folder in folders if os.path.isdir(folder)]
    if not users or not folders:
        return
    owners = []
    for uid in sorted(users):
        owners += ["-o", "-uid", str(uid)] if owners else ["-uid", str(uid)]
    command = ["find", *folders, "-xdev", "-depth", "(", *owners, ")", "-delete"]
    try:
        subprocess.run(command, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        pass


def drop_to_user(uid, group, max_processes=MAX_PROCESSES_PER_WORKER):
    """In a forked worker, before any student code: become `uid`, in the run's `group`, with
    no way back and at most `max_processes` processes (1: it cannot fork)."""
    import resource

    resource.setrlimit(resource.RLIMIT_NPROC, (max_processes, max_processes))
    os.setgroups([group])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
