"""Attacks that only a real sandbox stops, run under --isolation bwrap, and those that workers
under users of their own stop, run under --isolation uid (each skipped with a reason where
that level cannot run). Each is student code in one section of a copy of solutions/: only
that section may be lost, and nothing outside the run may change."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import isolation
from tests.checker_run import SOLUTIONS, copy_of, edited_copy, run_checker
from tests.conftest import NO_UID_LEVEL, REPO

needs_bwrap = pytest.mark.skipif(
    not isolation.bwrap_works(), reason="bubblewrap cannot run here (apt-get install bubblewrap)"
)
needs_uid = pytest.mark.skipif(
    not isolation.uid_works(),
    reason=NO_UID_LEVEL,
)
RELU_FORWARD = "        self.mask = x <= 0\n"
JUDGE_FILE = REPO / "checker" / "judge.py"


def attack(tmp_path, code, section="relu", isolation_level="bwrap"):
    """Run the checker on solutions/ with `code` at the start of Relu.forward (or the section)."""
    lines = "".join(f"        {line}\n" for line in code.strip().splitlines())
    target = edited_copy(tmp_path, "relu.py", [(RELU_FORWARD, lines + RELU_FORWARD)])
    started = time.monotonic()
    code, report, output = run_checker(target, (), "--isolation", isolation_level, timeout=120)
    return code, report, output, time.monotonic() - started


def only_relu_lost(report):
    sections = report["checker"]["sections"]
    assert sections["relu"]["status"] != "passed", sections["relu"]
    others = {name: s["status"] for name, s in sections.items() if name != "relu"}
    assert set(others.values()) == {"passed"}, others


@needs_bwrap
def test_the_checker_and_the_report_folder_cannot_be_written(tmp_path):
    before = JUDGE_FILE.read_bytes()
    canary = tmp_path / "canary.txt"
    canary.write_text("untouched")
    code = f"""
with open({str(JUDGE_FILE)!r}, "a") as f:
    f.write("\\nRELATIVE = 1e300\\n")
open({str(canary)!r}, "w").write("tampered")
"""
    try:
        exit_code, report, _, _ = attack(tmp_path, code)
    finally:
        tampered = JUDGE_FILE.read_bytes() != before
        if tampered:  # never leave the checkout broken, even when the sandbox failed
            JUDGE_FILE.write_bytes(before)
    assert not tampered
    assert canary.read_text() == "untouched"
    assert exit_code == 1 and report["checker"]["isolation"] == "bwrap"
    only_relu_lost(report)
    assert "Read-only file system" in report["checker"]["sections"]["relu"]["message"]


@needs_bwrap
def test_the_judge_cannot_be_seen_or_signalled(tmp_path):
    code = """
import os, signal
for pid in [p for p in os.listdir("/proc") if p.isdigit()]:
    if int(pid) != os.getpid():
        for sig in (signal.SIGSTOP, signal.SIGINT):
            try:
                os.kill(int(pid), sig)
            except OSError:
                pass
os.kill(os.getppid(), signal.SIGKILL)
raise RuntimeError("still here")
"""
    exit_code, report, _, seconds = attack(tmp_path, code)
    # The judge was out of reach: it graded, exited 1 (not 2, as after a SIGINT) and wrote a
    # report, in bounded time. Inside the run's one sandbox the attack can stop the workers of
    # other sections of its own submission, which costs only the student (checker/README.md).
    assert exit_code == 1 and report["checker"]["isolation"] == "bwrap"
    assert report["checker"]["sections"]["relu"]["status"] != "passed"
    assert not any("checker_error" in t["metadata"]["verdict"] for t in report["tests"])
    assert seconds < 90


@needs_bwrap
def test_a_daemon_cannot_outlive_the_run_and_rewrite_the_report(tmp_path):
    report_path = tmp_path / "report-target.json"
    code = f"""
import subprocess
subprocess.Popen(["sh", "-c", "sleep 2; echo forged > {report_path}"], start_new_session=True)
raise RuntimeError("left a daemon")
"""
    exit_code, report, _, _ = attack(tmp_path, code)
    assert exit_code == 1
    only_relu_lost(report)
    time.sleep(3)
    assert json.loads(report_path.read_text())["checker"]["sections"]["relu"]["status"] != "passed"


def test_the_report_names_the_isolation_level_and_the_checker(tmp_path):
    exit_code, report, output, _ = attack(tmp_path, "pass", isolation_level="process")
    assert exit_code == 0 and report["checker"]["isolation"] == "process"
    assert "Isolation: process" in output
    digest = report["checker"]["checker_sha256"]
    assert len(digest) == 64 and hashlib.sha256(b"").hexdigest() != digest


def test_asking_for_bwrap_where_it_cannot_run_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(isolation.shutil, "which", lambda name: None)
    with pytest.raises(isolation.Unavailable):
        isolation.choose("bwrap")
    assert isolation.choose("auto") == ("uid" if isolation.uid_works() else "process")


@needs_bwrap
def test_kernel_settings_and_host_sockets_are_out_of_reach(tmp_path):
    import socket

    folder = Path("/var/tmp") if Path("/var/tmp").is_dir() else tmp_path
    path = folder / f"checker-test-{os.getpid()}.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(1)
    server.setblocking(False)
    current = Path("/proc/sys/kernel/core_uses_pid").read_text().strip()
    code = f"""
import socket
try:
    socket.socket(socket.AF_UNIX).connect({str(path)!r})
    raise RuntimeError("reached the host socket")
except (FileNotFoundError, ConnectionRefusedError, PermissionError):
    pass
open("/proc/sys/kernel/core_uses_pid", "w").write({current!r})
"""
    try:
        exit_code, report, _, _ = attack(tmp_path, code)
        try:
            server.accept()
            reached = True
        except BlockingIOError:
            reached = False
    finally:
        server.close()
        path.unlink()
    assert not reached
    assert exit_code == 1
    only_relu_lost(report)
    assert "Read-only file system" in report["checker"]["sections"]["relu"]["message"]


@needs_bwrap
def test_the_reference_solutions_are_hidden(tmp_path):
    code = """
import os
assert not os.listdir(os.path.join(os.path.dirname(checker_file), "..", "solutions"))
raise RuntimeError("solutions hidden")
"""
    code = code.replace("checker_file", repr(str(REPO / "checker" / "x")))
    _, report, _, _ = attack(tmp_path, code)
    assert "solutions hidden" in report["checker"]["sections"]["relu"]["message"]


# --- the uid level ---------------------------------------------------------------------------


@needs_uid
def test_under_users_of_their_own_the_checker_cannot_be_written(tmp_path):
    before = JUDGE_FILE.read_bytes()
    code = f"""
with open({str(JUDGE_FILE)!r}, "a") as f:
    f.write("\\nRELATIVE = 1e300\\n")
"""
    try:
        exit_code, report, output, _ = attack(tmp_path, code, isolation_level="uid")
    finally:
        tampered = JUDGE_FILE.read_bytes() != before
        if tampered:
            JUDGE_FILE.write_bytes(before)
    assert not tampered
    assert exit_code == 1 and report["checker"]["isolation"] == "uid"
    assert "Isolation: uid (student code ran as separate processes under users" in output
    only_relu_lost(report)
    assert "Permission denied" in report["checker"]["sections"]["relu"]["message"]


@needs_uid
def test_under_users_of_their_own_no_other_process_can_be_signalled_or_read(tmp_path):
    # Every process outside its own user is out of reach: the judge, the zygote, the workers
    # of the other sections. Signals and /proc/PID/mem all fail.
    code = """
import os, signal
reached = []
for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()]:
    if pid == os.getpid():
        continue
    for sig in (signal.SIGSTOP, signal.SIGINT, signal.SIGKILL):
        try:
            os.kill(pid, sig)
            reached.append(pid)
        except OSError:
            pass
    try:
        open(f"/proc/{pid}/mem", "r+b").close()
        reached.append(pid)
    except OSError:
        pass
raise RuntimeError(f"reached {len(set(reached))} other processes")
"""
    exit_code, report, _, seconds = attack(tmp_path, code, isolation_level="uid")
    assert exit_code == 1 and report["checker"]["isolation"] == "uid"
    only_relu_lost(report)
    assert "reached 0 other processes" in report["checker"]["sections"]["relu"]["message"]
    assert seconds < 90


@needs_uid
def test_under_users_of_their_own_a_daemon_is_killed_when_the_run_ends(tmp_path):
    code = """
import subprocess
daemon = subprocess.Popen(["sleep", "60"], start_new_session=True)
raise RuntimeError(f"left daemon {daemon.pid} behind")
"""
    exit_code, report, _, _ = attack(tmp_path, code, isolation_level="uid")
    assert exit_code == 1
    only_relu_lost(report)
    message = report["checker"]["sections"]["relu"]["message"]
    daemon = int(message.rsplit("left daemon ", 1)[1].split()[0])
    state = Path(f"/proc/{daemon}/stat")
    # Gone, or a zombie waiting for init to reap it; never a sleeping daemon.
    assert not state.exists() or state.read_text().rsplit(")", 1)[1].split()[0] == "Z"


@needs_uid
def test_under_users_of_their_own_a_fork_bomb_stops_at_the_process_cap(tmp_path):
    code = """
import os
children = 0
try:
    while True:
        if os.fork() == 0:
            import time
            time.sleep(60)
            os._exit(0)
        children += 1
except OSError:
    raise RuntimeError(f"stopped after {children} processes")
"""
    exit_code, report, _, seconds = attack(tmp_path, code, isolation_level="uid")
    assert exit_code == 1
    only_relu_lost(report)
    message = report["checker"]["sections"]["relu"]["message"]
    assert "stopped after" in message
    stopped_after = int(message.rsplit("stopped after ", 1)[1].split()[0])
    assert stopped_after < isolation.MAX_PROCESSES_PER_WORKER
    assert seconds < 90


def test_asking_for_uid_without_root_is_an_error(monkeypatch):
    monkeypatch.setattr(isolation.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(isolation.shutil, "which", lambda name: None)
    with pytest.raises(isolation.Unavailable, match="as root"):
        isolation.choose("uid")
    assert isolation.choose("auto") == "process"


def test_auto_takes_uid_as_root_where_bwrap_cannot_run(monkeypatch):
    monkeypatch.setattr(isolation, "bwrap_works", lambda: False)
    monkeypatch.setattr(isolation, "uid_works", lambda: True)
    assert isolation.choose("auto") == "uid"
    monkeypatch.setattr(isolation, "uid_works", lambda: False)
    assert isolation.choose("auto") == "process"


def test_each_run_takes_its_own_block_of_worker_users():
    first, second = isolation.WorkerUsers(pid=100), isolation.WorkerUsers(pid=101)
    uids = [first.next() for _ in range(isolation.UIDS_PER_RUN - 1)]  # one id is the group
    assert len({first.group, *uids}) == isolation.UIDS_PER_RUN
    assert min(uids) > first.group >= isolation.FIRST_WORKER_UID
    assert max(uids) < second.group < second.next()
    with pytest.raises(RuntimeError):
        first.next()


@needs_uid
def test_under_users_of_their_own_files_left_in_shared_folders_are_removed(tmp_path):
    prefix = f"checker-left-{os.getpid()}"
    code = f"""
import os
for folder in ("/dev/shm", "/tmp"):
    with open(os.path.join(folder, "{prefix}-" + str(os.getuid())), "wb") as f:
        f.write(b"x" * 1024)
raise RuntimeError("left files")
"""

    def left():
        return [*Path("/dev/shm").glob(prefix + "*"), *Path("/tmp").glob(prefix + "*")]

    try:
        exit_code, report, _, _ = attack(tmp_path, code, isolation_level="uid")
        assert exit_code == 1
        only_relu_lost(report)
        assert "left files" in report["checker"]["sections"]["relu"]["message"]
        assert not left()
    finally:
        for path in left():
            path.unlink(missing_ok=True)


@needs_uid
def test_under_users_of_their_own_the_report_goes_where_it_was_asked(tmp_path):
    # The report's folder does not exist yet and lies in /tmp, where workers may write: the
    # judge makes it before any student code runs, and writes through that folder only.
    folder = Path(f"/tmp/checker-report-{os.getpid()}")
    decoy = tmp_path / "decoy"
    decoy.mkdir()
    code = f"""
import os
try:
    os.symlink({str(decoy)!r}, {str(folder)!r})
except OSError:
    pass
raise RuntimeError("planted a link")
"""
    lines = "".join(f"        {line}\n" for line in code.strip().splitlines())
    target = edited_copy(tmp_path, "relu.py", [(RELU_FORWARD, lines + RELU_FORWARD)])
    try:
        done = subprocess.run(
            [sys.executable, "-m", "checker", "--target", str(target), "--isolation", "uid",
             "--json", str(folder / "report.json")],
            cwd=REPO, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 1, done.stdout + done.stderr
        assert not folder.is_symlink() and not list(decoy.iterdir())
        report = json.loads((folder / "report.json").read_text())
        only_relu_lost(report)
    finally:
        if folder.is_symlink():
            folder.unlink()
        elif folder.exists():
            shutil.rmtree(folder)


@needs_uid
def test_under_users_of_their_own_only_plain_python_files_are_copied_for_workers(tmp_path):
    secret = tmp_path / "root-only.txt"
    secret.write_text("root secret")
    secret.chmod(0o600)
    code = """
import glob, os
here = os.path.dirname(os.path.abspath(__file__))
found = sorted(os.path.basename(p) for p in glob.glob(os.path.join(here, "*")))
raise RuntimeError("sees " + " ".join(found))
"""
    lines = "".join(f"        {line}\n" for line in code.strip().splitlines())
    target = edited_copy(tmp_path, "relu.py", [(RELU_FORWARD, lines + RELU_FORWARD)])
    os.mkfifo(target / "pipe.py")  # a FIFO would block a copy for ever
    os.link(secret, target / "notes.py")  # a hard link to a file only root may read
    (target / "big.py").write_bytes(b"#" * (2 * 1024**2))
    code, report, _ = run_checker(target, (), "--isolation", "uid", timeout=120)
    assert code == 1
    only_relu_lost(report)
    message = report["checker"]["sections"]["relu"]["message"]
    assert "sees" in message and "relu.py" in message
    for name in ("pipe.py", "notes.py", "big.py"):
        assert name not in message


@needs_uid
def test_under_users_of_their_own_the_net_workers_cannot_fork(tmp_path):
    # A child that is never waited for would hide its CPU time from the judge.
    edit = (
        "        self.loss(x, t)\n\n",
        "        import os\n\n"
        "        try:\n"
        "            if os.fork() == 0:\n"
        "                os._exit(0)\n"
        "            raise RuntimeError('forked')\n"
        "        except OSError as error:\n"
        "            raise RuntimeError(f'no fork: {error.strerror}') from None\n",
    )
    target = edited_copy(tmp_path, "two_layer_net.py", [edit])
    code, report, _ = run_checker(target, (), "--isolation", "uid", timeout=120)
    sections = report["checker"]["sections"]
    assert code == 1
    assert "no fork: Resource temporarily unavailable" in sections["two_layer_net"]["message"]
    assert {name for name, s in sections.items() if s["status"] != "passed"} == {"two_layer_net"}


@needs_uid
def test_under_users_of_their_own_only_the_runs_workers_read_its_copy_of_the_target(tmp_path):
    from checker.plugin import snapshot_of_python_files

    source = copy_of(SOLUTIONS, tmp_path, "source")
    group = isolation.WorkerUsers(pid=12345).group
    snapshot_of_python_files(source, tmp_path / "copy", group)
    folder = (tmp_path / "copy").stat()
    assert (folder.st_uid, folder.st_gid, folder.st_mode & 0o777) == (0, group, 0o750)
    for path in (tmp_path / "copy").iterdir():
        info = path.stat()
        assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (0, group, 0o640)
