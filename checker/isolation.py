"""How far student code is kept from the judge: a bubblewrap sandbox, or plain processes.

    bwrap    Linux with bubblewrap (`apt-get install bubblewrap`): one sandbox per run holds
             the zygote and every worker. It sees only the system's programs and libraries,
             Python and its packages, the checker, a copy of the target's .py files and the
             run's own folder, the one place it can write; /tmp and /dev/shm are private and
             capped; pid, network and IPC namespaces are its own; it dies with the judge.
             When the checker runs as root, each worker drops to a user of its own, as at
             the uid level; otherwise the sandbox has its own user namespace and no
             capabilities. Student code cannot see or signal the judge or another run,
             cannot write the checker, the venv or the report, and cannot outlive the run.
    uid      Linux, when the checker runs as root without a working bwrap (Gradescope, CI
             containers): each worker is forked by the zygote and drops to a user and group
             of its own, unused by anyone else. It reads a copy of the target's .py files
             and writes only its own folder. It cannot write the checker, the venv or the
             report, nor signal or read the judge or another worker, and every process of
             those users is killed when the run ends.
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
import tempfile
from pathlib import Path

LEVELS = ("bwrap", "uid", "process")

# The uid level's users: ids far above those of real accounts (useradd stops at 60000 and
# systemd's dynamic users at 65519). Each run takes a block of its own, from its pid.
FIRST_WORKER_UID = 3_000_000_000
UIDS_PER_RUN = 64


class Unavailable(Exception):
    """The isolation level asked for cannot be had on this machine."""


# The system's programs and libraries. On a merged /usr, /bin and /lib* are links into it.
SYSTEM_FOLDERS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
# Of /etc, only what Python and numpy read: the dynamic linker's cache, the time zone, and
# Debian's links to the BLAS that a system numpy loads.
ETC_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives")
# Private tmpfs of the sandbox, each capped (student code needs none of them).
TMPFS_BYTES = 32 * 1024**2
TMPFS_FOLDERS = ("/tmp", "/dev/shm")


def bwrap_command(run_dir, readable, hidden=(), worker_users=False):
    """The command prefix that runs a program in the run's sandbox.

    Only what the run needs is there, read-only: the system's programs and libraries, a few
    files of /etc, and `readable` (Python, its packages, the checker), each at its own path.
    The run's folder is the one place that can be written. hidden: folders inside those that
    it must not see (an instructor's private tests), covered by an empty folder.
    worker_users: the checker runs as root, so bubblewrap keeps the host's users (no user
    namespace) and the zygote keeps only the capabilities to drop each worker to a user of
    its own (WorkerUsers) and to kill it; a worker has none once it has dropped.
    """
    command = [shutil.which("bwrap") or "bwrap"]
    for folder in SYSTEM_FOLDERS:
        if os.path.islink(folder):
            command += ["--symlink", os.readlink(folder), folder]
        elif os.path.isdir(folder):
            command += ["--ro-bind", folder, folder]
    for path in ETC_FILES:
        if os.path.exists(path):
            command += ["--ro-bind", path, path]
    command += ["--dev", "/dev", "--proc", "/proc"]
    command += ["--ro-bind", "/proc/sys", "/proc/sys"]  # kernel settings: read-only for root
    for folder in TMPFS_FOLDERS:  # writable by every worker, as /tmp is on the host
        command += ["--perms", "1777", "--size", str(TMPFS_BYTES), "--tmpfs", folder]
    bound = bind_set(readable)
    # bubblewrap makes the folders above a bind mode 0700, which a worker's user could not
    # enter: they are made first, open to all (they hold nothing but the binds).
    above = {str(a) for p in (*bound, os.path.abspath(run_dir)) for a in Path(p).parents}
    for folder in sorted(above - {"/"}):
        command += ["--perms", "0755", "--dir", folder]
    for path in bound:
        command += ["--ro-bind", path, path]
    for path in hidden:
        path = os.path.realpath(path)
        if os.path.isdir(path) and any(Path(path).is_relative_to(b) for b in bound):
            command += ["--tmpfs", path]
    command += ["--bind", str(run_dir), str(run_dir)]
    if worker_users:  # pid, IPC, network, UTS and cgroup namespaces, not the user one
        command += [
            "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try",
            "--cap-drop", "ALL",
            "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_KILL",
        ]  # fmt: skip
    else:
        command += ["--unshare-all", "--cap-drop", "ALL"]
    command += ["--die-with-parent", "--new-session", "--"]
    return command


def bind_set(paths):
    """The real paths of `paths`, and where one was reached through a link its own path too,
    without those that lie in another (bound with it) or in the system's folders."""
    wanted = set()
    for path in paths:
        path = os.path.abspath(path)
        if os.path.exists(path):
            wanted.update({path, os.path.realpath(path)})
    covering = [*(f for f in SYSTEM_FOLDERS if os.path.isdir(f)), *wanted]
    return sorted(
        path
        for path in wanted
        if not any(path != other and Path(path).is_relative_to(other) for other in covering)
    )


def python_folders():
    """Where this Python, its standard library and the packages workers import really are:
    its prefixes (a venv's and the interpreter's), the site folders on sys.path (the user's
    too) and numpy's own folder, wherever it lies. Never other sys.path entries, such as the
    folder the checker was started from."""
    import site

    import numpy

    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    sites = {*site.getsitepackages(), site.getusersitepackages()}
    folders = set(prefixes)
    for entry in sys.path:
        if entry and (entry in sites or any(Path(entry).is_relative_to(p) for p in prefixes)):
            folders.add(entry)
    folders.add(str(Path(numpy.__file__).resolve().parents[1]))
    return sorted(folders)


def checker_folders():
    """The checker's packages that workers import: the checker, the book's examples and the
    MNIST sample. Never the rest of its folder (solutions/, tests/, .git)."""
    root = Path(__file__).resolve().parents[1]
    return [str(root / name) for name in ("checker", "examples", "dataset")]


def bwrap_works():
    """bubblewrap runs here as the run would start it; as root, only where the workers' users
    can read Python, numpy and the checker (bound into the sandbox, their parents are not)."""
    return not bwrap_refusal()


def bwrap_refusal():
    """Why bubblewrap cannot run here as the run would start it, in a line; "" when it can.
    The sandbox needs bubblewrap 0.8.0 or later (`--size`, the cap on its /tmp): Ubuntu
    22.04's 0.6.1 refuses the command ("Unknown option --size" or "--perms must be followed
    by an option that creates a file") wherever it runs."""
    if not sys.platform.startswith("linux"):
        return "bubblewrap is for Linux"
    if shutil.which("bwrap") is None:
        return "bwrap is not installed"
    as_root = os.geteuid() == 0
    if as_root:
        closed = unreadable_python_folder(parents=False)
        if closed:
            return f"other users cannot read {closed}"
    probe_dir = tempfile.mkdtemp(prefix="checker-probe-")
    try:
        probe = subprocess.run(
            [*bwrap_command(probe_dir, [], worker_users=as_root), "true"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{type(error).__name__}: {error}"
    finally:
        os.rmdir(probe_dir)
    if probe.returncode == 0:
        return ""
    said = probe.stderr.decode("utf-8", "replace").strip().splitlines()
    return said[-1] if said else f"bwrap exited with code {probe.returncode}"


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


def unreadable_python_folder(parents=True):
    """A folder of this Python, numpy or the checker that users other than root cannot read
    (with parents: or reach), or None. (The checker's folder holds the examples and the MNIST
    sample that workers load.) Under bubblewrap, the folders above them are the sandbox's."""
    import numpy

    checker_root = Path(__file__).resolve().parents[1]
    for folder in (os.path.dirname(os.__file__), os.path.dirname(numpy.__file__), checker_root):
        path = Path(folder).resolve()
        if not os.stat(path).st_mode & stat.S_IROTH:
            return path
        for place in (path, *path.parents) if parents else (path,):
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
        refusal = bwrap_refusal()
        raise Unavailable(
            "--isolation bwrap: bubblewrap cannot run here"
            + (f" ({refusal})" if refusal else "")
            + ": it needs bubblewrap 0.8.0 or later (`apt-get install bubblewrap`), and "
            "containers may also refuse its namespaces or its /proc"
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


def drop_to_user(uid, group):
    """In a worker, before any student code: become `uid`, in the run's `group`, with no way
    back. (Its limits, RLIMIT_NPROC among them, are set next: worker.apply_limits.)"""
    os.setgroups([group])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
