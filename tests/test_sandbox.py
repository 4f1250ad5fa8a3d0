"""Attacks that only a real sandbox stops, run under --isolation bwrap, and those that workers
under users of their own stop, run under --isolation uid (each skipped with a reason where
that level cannot run). Each is student code in one section of a copy of solutions/: only
that section may be lost, and nothing outside the run may change."""

import ast
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
    # Read-only, but file permissions are checked first: as root each worker is a user of its
    # own, which the checker's files refuse.
    writable = os.geteuid() != 0 and os.access(JUDGE_FILE, os.W_OK)
    refused = "Read-only file system" if writable else "Permission denied"
    assert refused in report["checker"]["sections"]["relu"]["message"]


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
assert not os.path.exists(os.path.join(os.path.dirname(checker_file), "..", "solutions"))
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
def test_under_users_of_their_own_a_daemon_cannot_be_started(tmp_path):
    # No worker may fork (RLIMIT_NPROC 1): a daemon, or a fork bomb, stops at the first fork.
    code = """
import subprocess
try:
    subprocess.Popen(["sleep", "60"], start_new_session=True)
except OSError as error:
    raise RuntimeError(f"no daemon: {error.strerror}") from None
"""
    exit_code, report, _, seconds = attack(tmp_path, code, isolation_level="uid")
    assert exit_code == 1
    only_relu_lost(report)
    message = report["checker"]["sections"]["relu"]["message"]
    assert "no daemon: Resource temporarily unavailable" in message
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


# --- what student code can see and take, at every level -------------------------------------

BWRAP_LEVEL = pytest.param("bwrap", marks=needs_bwrap)
UID_LEVEL = pytest.param("uid", marks=needs_uid)
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="the checker runs as root only in CI")

SNOOP = """
import os
found = []
for path in PATHS:
    try:
        found.append((path, sorted(os.listdir(path)) if os.path.isdir(path) else open(path).read()))
    except OSError:
        pass
raise RuntimeError(f"found {found!r}, beside the checker {sorted(os.listdir(REPO))!r}")
"""


def leaked(marker, report, output):
    return marker in json.dumps(report) or marker in output


@needs_bwrap
def test_the_sandbox_sees_nothing_of_the_instructors_home_nor_of_other_submissions():
    # The judge's own home holds an instructor's key, a class's submissions and private tests;
    # its temp folder holds a copy of private tests. Only the run's needs are in the sandbox.
    marker = f"SECRET-{os.getpid()}"
    home = Path.home() / f".backprop-kata-test-home-{os.getpid()}"
    try:
        secrets = {
            ".ssh/id_rsa": marker,
            "course/submissions/s017/relu.py": f"# {marker}\n",
            "course/private/test_relu.py": f"# {marker}\n",
            "tmp/checker-private-x/private_test_relu.py": f"# {marker}\n",
        }
        for name, text in secrets.items():
            (home / name).parent.mkdir(parents=True, exist_ok=True)
            (home / name).write_text(text)
            (home / name).chmod(0o600)
        target = copy_of(SOLUTIONS, home / "course" / "submissions", "s001")
        paths = [str(home), str(home / "tmp"), *(str(home / n) for n in secrets), str(target)]
        paths += [str(REPO / name) for name in ("solutions", "tests", ".git", "exercises")]
        code = SNOOP.replace("PATHS", repr(paths)).replace("REPO", repr(str(REPO)))
        lines = "".join(f"        {line}\n" for line in code.strip().splitlines())
        relu = target / "relu.py"
        relu.write_text(relu.read_text().replace(RELU_FORWARD, lines + RELU_FORWARD))
        exit_code, report, output = run_checker(
            target, (), "--isolation", "bwrap", timeout=120, env={"TMPDIR": str(home / "tmp")}
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    assert exit_code == 1 and report["checker"]["isolation"] == "bwrap"
    only_relu_lost(report)
    message = report["checker"]["sections"]["relu"]["message"]
    # Of the home, only the way to the run's own folder (in the judge's TMPDIR) is there.
    seen = f"found [({str(home)!r}, ['tmp']), ({str(home / 'tmp')!r}, ['checker-run-"
    assert seen in message and message.count("checker-run-") == 1, message
    assert "beside the checker ['checker', 'dataset', 'examples']" in message, message
    assert not leaked(marker, report, output)


@pytest.mark.parametrize("level", [BWRAP_LEVEL, UID_LEVEL])
@as_root
def test_a_root_only_file_in_a_folder_the_workers_read_stays_unreadable(level, tmp_path):
    marker = f"ROOT-ONLY-{os.getpid()}"
    secret = REPO / "dataset" / f"root-only-{os.getpid()}.txt"  # bound, and readable by all
    secret.write_text(marker)
    secret.chmod(0o600)
    code = f"""
import os
raise RuntimeError(f"uid {{os.getuid()}} read " + open({str(secret)!r}).read())
"""
    try:
        exit_code, report, output, _ = attack(tmp_path, code, isolation_level=level)
    finally:
        secret.unlink()
    assert exit_code == 1 and report["checker"]["isolation"] == level
    only_relu_lost(report)
    assert "Permission denied" in report["checker"]["sections"]["relu"]["message"]
    assert not leaked(marker, report, output)
    assert report["checker"]["limits"]["student_code_as_root"] is False


PROCESS_LEVEL_NOT_ROOT = pytest.param(
    "process",
    marks=pytest.mark.skipif(
        os.geteuid() == 0, reason="the process level as root: the kernel lets root fork"
    ),
)


@pytest.mark.parametrize("level", [PROCESS_LEVEL_NOT_ROOT, BWRAP_LEVEL, UID_LEVEL])
def test_no_worker_can_start_a_process_or_a_thread(level, tmp_path):
    code = """
import os, threading
refused = []
try:
    os.fork() or os._exit(0)
except OSError as error:
    refused.append("fork: " + error.strerror)
try:
    threading.Thread(target=lambda: None).start()
except RuntimeError as error:
    refused.append("thread: " + str(error))
raise RuntimeError("; ".join(refused))
"""
    exit_code, report, _, _ = attack(tmp_path, code, isolation_level=level)
    assert exit_code == 1
    only_relu_lost(report)
    message = report["checker"]["sections"]["relu"]["message"]
    assert "fork: Resource temporarily unavailable; thread: can't start new thread" in message
    assert report["checker"]["limits"]["processes_per_worker"] == 1


@pytest.mark.parametrize("level", ["process", BWRAP_LEVEL, UID_LEVEL])
def test_only_the_source_is_graded_never_a_pyc_beside_it(level, tmp_path):
    # A stub relu.py beside a .pyc compiled from a working Relu, which Python would trust
    # without looking at the source (unchecked hash).
    import py_compile

    target = copy_of(SOLUTIONS, tmp_path)
    shutil.copyfile(REPO / "exercises" / "relu.py", target / "relu.py")
    py_compile.compile(
        str(SOLUTIONS / "relu.py"),
        cfile=str(target / "__pycache__" / f"relu.{sys.implementation.cache_tag}.pyc"),
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    exit_code, report, _ = run_checker(target, (), "--isolation", level, timeout=120)
    assert exit_code == 1
    assert report["checker"]["sections"]["relu"]["status"] == "not_started"
    only_relu_lost(report)


@needs_bwrap
def test_the_sandboxs_tmpfs_are_capped(tmp_path):
    # Files of 8 MB (each file is capped at 16 MB), 300 MB in all if nothing stops them. The
    # integration check's worker runs the same Relu: the cap holds for the run, all together.
    code = """
import os
found = {}
for folder in ("/tmp", "/dev/shm"):
    written = 0
    try:
        while written < 300:
            with open(os.path.join(folder, f"fill-{os.getpid()}-{written}"), "wb") as f:
                for _ in range(8):
                    f.write(b"x" * 1024**2)
                    f.flush()
                    written += 1
        error = "none"
    except OSError as refused:
        error = refused.strerror
    usage = os.statvfs(folder)
    used = (usage.f_blocks - usage.f_bfree) * usage.f_frsize / 1024**2
    found[folder] = (written, round(used), error)
raise RuntimeError(f"wrote {found}")
"""
    exit_code, report, _, _ = attack(tmp_path, code)
    assert exit_code == 1
    only_relu_lost(report)
    message = report["checker"]["sections"]["relu"]["message"]
    found = ast.literal_eval(message.rsplit("wrote ", 1)[1].split("}", 1)[0] + "}")
    cap = isolation.TMPFS_BYTES // 1024**2
    for folder in ("/tmp", "/dev/shm"):
        written, used, error = found[folder]
        assert written <= cap and used <= cap and error == "No space left on device", found
    assert report["checker"]["limits"]["tmpfs_bytes"] == {
        "/tmp": isolation.TMPFS_BYTES,
        "/dev/shm": isolation.TMPFS_BYTES,
    }


def test_a_time_limit_counts_from_the_scenarios_own_start(tmp_path):
    # A scenario sent early (training) has no more time than one sent when its test runs: a
    # reply that came after its limit is a timeout, even when the judge reads it later.
    from checker.plugin import WorkerPool
    from checker.sandbox import Limits, StudentFault

    slow = "        import time\n\n        time.sleep(1.5)\n        self.x = x\n"
    target = edited_copy(tmp_path, "mul_layer.py", [("        self.x = x\n", slow)])
    pool = WorkerPool(str(target), Limits(), "process")
    pool.start_run()
    late, in_time = pool._new_worker("mul_layer"), pool._new_worker("mul_layer")
    try:
        submitted = [w.submit("apple_examples", {}, {"example": "apple"}) for w in (late, in_time)]
        time.sleep(4)  # the judge grades other tests meanwhile; both workers have answered
        with pytest.raises(StudentFault) as fault:
            late.collect(submitted[0], time_limit=1.0)
        assert fault.value.kind == "timeout"
        outputs = in_time.collect(submitted[1], time_limit=8.0)
        assert float(outputs.arrays["price"]) == pytest.approx(220.0)
    finally:
        for worker in (late, in_time):
            worker.close()
        pool.close()


def test_the_sandbox_binds_follow_where_python_is_never_the_folder_it_was_started_from(
    tmp_path, monkeypatch
):
    import numpy

    course = tmp_path / "course"  # the instructor's folder, first on sys.path with `-m`
    course.mkdir()
    monkeypatch.setattr(sys, "path", [str(course), *sys.path])
    folders = isolation.python_folders()
    assert str(course) not in folders
    assert {sys.prefix, sys.base_prefix} <= set(folders)
    bound = isolation.bind_set([*folders, *isolation.checker_folders()])
    numpy_folder = Path(numpy.__file__).resolve().parent
    assert any(numpy_folder.is_relative_to(path) for path in bound)
    assert not any(Path(a).is_relative_to(b) for a in bound for b in bound if a != b)
    assert str(REPO) not in bound and str(REPO / "checker") in bound
