"""The judge's side of the worker: start it, send it scenarios, survive whatever it does.

A worker that loops is killed at the time limit; one that crashes, exits or
floods its output is noticed when its channel closes. Either way the caller
gets a StudentFault with a message for the learner, and the next call starts
a fresh worker. Nothing from the worker is unpickled: replies are JSON and
arrays are .npz files loaded with allow_pickle=False.
"""

import contextlib
import json
import os
import queue
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from checker import channel, i18n
from checker.i18n import Message, t

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Limits:
    time_seconds: float = 10.0  # one test
    section_seconds: float = 30.0  # all tests of one section together
    memory_bytes: int = 1024**3  # the reference peaks near 180 MB of address space
    output_bytes: int = 16 * 1024**2


PRINTED_LIMIT = 2000  # characters of the student's own print output kept per call


class StudentFault(Exception):
    """The student code raised, returned the wrong kind of thing, or took the worker down.

    message and step are Messages (text in the run's language, with .english) wherever the
    checker wrote them; the student's own exception text is the same in both."""

    printed = ""  # what the student code printed during the call

    def __init__(self, kind, message, step=None, where=None, type=None):
        super().__init__(message)
        self.type = type  # the exception's class name, when student code raised one
        self.kind = (
            kind  # not_implemented, import_error, exception, bad_return, timeout, crash, ...
        )
        self.message = message
        self.step = step
        self.where = where


def bilingual(text, english=None):
    """A worker's text as a Message: with the English it sent beside it (a step or message of
    the checker's own, in the run's language), else the same text (the student's own words)."""
    if text is None:
        return None
    return Message(text, text if english is None else english)


@dataclass
class Outputs:
    arrays: dict
    meta: dict = field(default_factory=dict)
    printed: str = ""
    # CPU time the worker process used for this scenario, read by the judge from /proc (it and
    # the children it waited for); None where it cannot be read (not Linux, or no pid known).
    cpu_seconds: float | None = None


# Scenarios whose CPU time the judge reads from outside the worker: gradient() must cost about
# one forward and backward pass (suites/test_two_layer_net.py).
CPU_ACCOUNTED = {"net_gradient", "net_lifetime"}


def process_cpu_seconds(pid):
    """utime + stime of a process and of the children it waited for (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return None
    return sum(int(ticks) for ticks in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def parent_pids():
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat_line = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat_line.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    return parents


def outer_pid(inner_pid, ancestor):
    """The pid, as the judge sees it, of the process `inner_pid` in the pid namespace of the
    sandbox started as `ancestor` (other sandboxes reuse the same inner pids)."""
    parents = parent_pids()
    for pid in parents:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        nspid = next(
            (line.split()[1:] for line in status.splitlines() if line.startswith("NSpid:")), []
        )
        if len(nspid) < 2 or nspid[-1] != str(inner_pid):
            continue
        up, seen = parents.get(pid), 0
        while up and up != ancestor and seen < 64:
            up, seen = parents.get(up), seen + 1
        if up == ancestor:
            return pid
    return None


# What a worker inherits from the judge's environment: never tokens or secrets of a CI job.
# The language of the run and i18n's strict mode, too: the worker's own messages speak it.
WORKER_ENV_KEPT = (
    "PATH",
    "HOME",
    "LANG",
    "LANGUAGE",
    "TZ",
    "TMPDIR",
    "SYSTEMROOT",
    "TEMP",
    "TMP",
    i18n.LANGUAGE_ENV,
    i18n.STRICT_ENV,
)


def worker_env():
    kept = {
        name: value
        for name, value in os.environ.items()
        if name in WORKER_ENV_KEPT or name.startswith("LC_")
    }
    return {
        **kept,
        i18n.LANGUAGE_ENV: i18n.language(),  # the judge's, even where only the locale chose it
        "PYTHONPATH": str(REPO_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",  # student files must not leave .pyc behind
        "OPENBLAS_NUM_THREADS": "1",  # one thread: cheap start, safe fork, simple memory limits
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


class ZygoteGone(Exception):
    """The zygote cannot fork any more (it was killed): start workers the slow way."""


class Zygote:
    """Linux only: one process that imports numpy once and forks a worker per section.

    Starting six Python processes that each import numpy costs about 0.1 s of CPU
    apiece; a fork costs a few milliseconds. See checker.worker.zygote.
    """

    @staticmethod
    def supported():
        if os.environ.get("BACKPROP_KATA_NO_ZYGOTE"):  # tests use it to cover the other path
            return False
        return sys.platform.startswith("linux") and hasattr(socket, "send_fds")

    def __init__(self, prefix=(), cwd=None):
        """prefix: the sandbox command (isolation.bwrap_command) to start the zygote in;
        cwd: a folder it can see (the run's folder)."""
        self.sandboxed = bool(prefix)
        self.control, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        code = f"from checker.worker import zygote; zygote({child_end.fileno()})"
        self.process = subprocess.Popen(
            [*prefix, sys.executable, "-c", code],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=[child_end.fileno()],
            env=worker_env(),
            start_new_session=True,
            cwd=cwd,
        )
        child_end.close()
        self.forked = queue.Queue()
        self.gone = False  # the zygote ended: it forks and reports no more
        self.exit_codes = {}
        self.exited = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                message = self.control.recv(65536)
            except OSError:
                message = b""
            if not message:
                self.forked.put(None)
                with self.exited:
                    self.gone = True
                    self.exited.notify_all()
                return
            reply = json.loads(message)
            if "forked" in reply:
                self.forked.put(reply["forked"])
            elif "exited" in reply:
                with self.exited:
                    self.exit_codes[reply["exited"]] = reply["code"]
                    self.exited.notify_all()

    def spawn(self, arguments):
        """A ForkedWorker running checker.worker.main(**arguments)."""
        if self.gone:
            raise ZygoteGone
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        try:
            message = json.dumps({"fork": arguments}).encode()
            socket.send_fds(self.control, [message], [to_child_r, from_child_w])
            pid = self.forked.get(timeout=10)
        except (OSError, queue.Empty):
            pid = None
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        if pid is None:
            os.close(to_child_w)
            os.close(from_child_r)
            raise ZygoteGone
        stdin = os.fdopen(to_child_w, "wb")
        return ForkedWorker(pid, stdin, os.fdopen(from_child_r, "rb"), self)

    def wait(self, pid, timeout):
        with self.exited:
            self.exited.wait_for(lambda: pid in self.exit_codes or self.gone, timeout)
            return self.exit_codes.get(pid)

    def kill(self, pid):
        """Kill a forked worker and its process group. Its pid may be one inside the sandbox,
        meaningless outside, so the zygote does it; without a zygote, the whole sandbox goes."""
        if not self.gone:
            try:
                self.control.send(json.dumps({"kill": pid}).encode())
                return
            except OSError:
                pass
        if self.sandboxed:
            self.close()  # every process of the run's sandbox ends with it
        else:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)

    def close(self):
        with contextlib.suppress(OSError):
            self.control.close()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()


class ForkedWorker:
    """The part of subprocess.Popen's interface that Worker uses, for a child of the zygote."""

    def __init__(self, pid, stdin, stdout, zygote):
        self.pid, self.stdin, self.stdout, self.zygote = pid, stdin, stdout, zygote

    def wait(self, timeout=None):
        code = self.zygote.wait(self.pid, timeout)
        if code is None:
            raise subprocess.TimeoutExpired(f"worker {self.pid}", timeout)
        return code

    def kill(self):
        self.zygote.kill(self.pid)


class Worker:
    """One worker process for one section of one target folder."""

    def __init__(
        self,
        target_dir,
        section_name,
        limits,
        zygote=None,
        run_dir=None,
        prefix=(),
        niceness=0,
        user=None,
    ):
        """run_dir: the run's folder, where this worker gets its own; prefix: the sandbox
        command for a worker started without the zygote; user: the uid (and gid) the worker
        drops to when the checker runs as root."""
        self.target_dir = str(Path(target_dir).resolve())
        self.section_name = section_name
        self.limits = limits
        self.zygote = zygote
        self.prefix = list(prefix)
        self.niceness = niceness
        # The worker can write its folder (and replace it with a symlink): the judge reaches the
        # files in it only through this descriptor of the real folder, never through its path.
        self.folder = tempfile.mkdtemp(prefix=f"checker-{section_name}-", dir=run_dir)
        self.folder_fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        self.user = user  # {"uid", "group"} where the checker runs as root (bwrap, uid)
        if user is not None:  # its own folder is the only place it can write
            os.chown(self.folder_fd, user["uid"], user["uid"])
        self.process = None
        self.replies = None
        self.unsent = None  # why the last request could not be sent
        self.calls = 0
        self.output_path = os.path.join(self.folder, "output.txt")
        self.cpu_pid = None  # the worker's pid as the judge sees it, once looked up
        self.cpu_before = None

    def start(self):
        """Start the process without waiting for it: numpy loads while the judge prepares."""
        if self.process is not None:
            return
        arguments = {
            "target_dir": self.target_dir,
            "section": self.section_name,
            "memory_bytes": self.limits.memory_bytes,
            "output_bytes": self.limits.output_bytes,
            "output_path": self.output_path,
            "niceness": self.niceness,
        }
        if self.zygote is not None:
            extra = (
                {"cwd": self.folder}
                if self.user is None
                else {"cwd": self.folder, "user": self.user}
            )
            try:
                self.process = self.zygote.spawn({**arguments, **extra})
            except ZygoteGone:
                self.zygote = None  # killed, perhaps by student code: start processes instead
        if self.process is None:
            # Started as root, the worker drops to its user itself, before any student code.
            user = [] if self.user is None else [json.dumps(self.user)]
            self.process = subprocess.Popen(
                [
                    *self.prefix,
                    sys.executable,
                    "-m",
                    "checker.worker",
                    *map(str, arguments.values()),
                    *user,
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                cwd=self.folder,
                env=worker_env(),
                start_new_session=True,  # its own process group, so a kill takes its children too
            )
        self.replies = queue.Queue()
        self.reader = threading.Thread(
            target=self._read_replies, args=(self.process.stdout, self.replies), daemon=True
        )
        self.reader.start()

    @staticmethod
    def _read_replies(stream, replies):
        """Lines from the worker, each capped: a longer one ends the channel as forged."""
        while True:
            try:
                line = stream.readline(channel.MAX_LINE_BYTES + 1)
            except (OSError, ValueError):
                line = b""
            if not line:
                break
            if len(line) > channel.MAX_LINE_BYTES:
                replies.put((b"", time.monotonic()))  # _parse turns this into a fault
                break
            replies.put((line, time.monotonic()))  # when it came: a late reply is a timeout
        replies.put((None, time.monotonic()))  # the channel closed: the worker has ended

    def _printed_since(self, offset):
        try:
            with channel.open_regular("output.txt", self.folder_fd) as f:  # never a FIFO
                f.seek(offset)
                return channel.inert(f.read(PRINTED_LIMIT).decode("utf-8", errors="replace"))
        except (OSError, channel.Forged):
            return ""

    def submit(self, scenario, inputs, options=None):
        """Send a scenario without waiting for it; collect() its Outputs later."""
        self.start()
        try:
            printed_from = os.stat("output.txt", dir_fd=self.folder_fd).st_size
        except OSError:
            printed_from = 0
        self.calls += 1
        # Names relative to the worker's folder, which is its working directory.
        inputs_path, outputs_path = f"in{self.calls}.npz", f"out{self.calls}.npz"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:  # a new file: never one that student code planted, nor a link it left
            with os.fdopen(os.open(inputs_path, flags, 0o644, dir_fd=self.folder_fd), "wb") as f:
                np.savez(f, **inputs)
        except FileExistsError:
            self.unsent = t("sandbox.planted_file")
            self.stop()
            return inputs_path, outputs_path, printed_from, time.monotonic()
        self.cpu_before = self.cpu_seconds() if scenario in CPU_ACCOUNTED else None
        request = {"scenario": scenario, "inputs": inputs_path, "outputs": outputs_path}
        request["options"] = options or {}
        submitted_at = time.monotonic()  # a scenario's time limit counts from here
        self._send((json.dumps(request) + "\n").encode())
        return inputs_path, outputs_path, printed_from, submitted_at

    def _send(self, data):
        """Write a request without ever blocking for long: student code can fill the pipe."""
        fd = self.process.stdin.fileno()
        os.set_blocking(fd, False)
        deadline = time.monotonic() + self.limits.time_seconds
        while data:
            try:
                data = data[os.write(fd, data) :]
            except BlockingIOError:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([], [fd], [], remaining)[1]:
                    self.unsent = t("sandbox.channel_full")
                    self.stop()
                    return
            except OSError:
                return  # it is already gone; collect() reports why

    def collect(self, submitted, time_limit=None):
        """The Outputs of a submitted scenario, or a StudentFault, with what the code printed.
        time_limit counts from the submission."""
        try:
            outputs = self._collect(*submitted[:2], time_limit, submitted[3])
        except StudentFault as fault:
            fault.printed = self._printed_since(submitted[2])
            raise
        outputs.printed = self._printed_since(submitted[2])
        return outputs

    def _collect(self, inputs_path, outputs_path, time_limit, submitted_at):
        if self.unsent:
            message, self.unsent = self.unsent, None
            raise StudentFault("forged", t("sandbox.unsent", reason=message))
        limit = time_limit or self.limits.time_seconds
        # From the scenario's own start: one submitted early (training) had its time already.
        deadline = submitted_at + limit
        step = None
        while True:
            try:
                line, came = self.replies.get(timeout=max(deadline - time.monotonic(), 0))
                if came > deadline:  # read only now, after the deadline (a test started early)
                    raise queue.Empty
            except queue.Empty:
                self.stop()
                message = t("sandbox.timeout", seconds=f"{limit:g}")
                raise StudentFault("timeout", message, step) from None
            if line is None:
                raise self._ended(step)
            reply = self._parse(line, step)
            if "step" in reply:
                step = bilingual(reply["step"], reply.get("english"))
            elif "fault" in reply:
                fault = reply["fault"]
                raise StudentFault(
                    str(fault.get("kind", "exception")),
                    bilingual(fault.get("message", ""), fault.get("english")),
                    bilingual(fault.get("step"), fault.get("step_english")),
                    fault.get("where"),
                    fault.get("type"),
                )
            else:
                try:
                    arrays = channel.load_arrays(outputs_path, self.folder_fd)
                except channel.Forged as forged:
                    self.stop()
                    raise self._forged(forged, step) from None
                for path in (outputs_path, inputs_path):
                    with contextlib.suppress(OSError):
                        os.unlink(path, dir_fd=self.folder_fd)
                before = self.cpu_before
                now = None if before is None else self.cpu_seconds()
                used = None if now is None else now - before
                return Outputs(arrays, reply["meta"], cpu_seconds=used)

    def _parse(self, line, step):
        """A validated reply from the worker; anything else is a fault of the student's code."""
        try:
            return channel.reply(json.loads(line.decode("utf-8")))
        except channel.Forged as error:
            forged = error
        except Exception:  # not JSON, or JSON that the schema check could not even read
            forged = channel.Forged(t("channel.not_a_line"))
        self.stop()
        raise self._forged(forged, step)

    @staticmethod
    def _forged(forged, step):
        reason = forged.args[0] if forged.args else ""
        if not isinstance(reason, Message):  # every Forged says why with a catalog entry
            reason = Message(str(forged), str(forged))
        return StudentFault("forged", t("sandbox.forged", reason=reason), step)

    def _ended(self, step):
        """The worker's channel closed mid-scenario: say how it ended."""
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        self.stop()
        if code is not None and code > 128 and self.prefix:
            code = 128 - code  # bwrap reports a child killed by signal N as exit code 128 + N
        if code is not None and code < 0:
            signal_number = -code
            if signal_number == getattr(signal, "SIGKILL", None):  # no SIGKILL on Windows
                return StudentFault("crash", t("sandbox.killed"), step)
            try:
                name = signal.Signals(signal_number).name
            except ValueError:  # a real-time signal, say, that has no name
                name = t("sandbox.signal", number=signal_number)
            return StudentFault("crash", t("sandbox.crashed", signal=name), step)
        if code is None:
            return StudentFault("crash", t("sandbox.ended"), step)
        return StudentFault("exit", t("sandbox.exit", code=code), step)

    def cpu_seconds(self):
        """CPU time the worker process has used so far, read from outside it, or None."""
        if self.process is None or not sys.platform.startswith("linux"):
            return None
        if self.cpu_pid is None:
            if isinstance(self.process, ForkedWorker) and self.process.zygote.sandboxed:
                self.cpu_pid = outer_pid(self.process.pid, self.process.zygote.process.pid)
            elif isinstance(self.process, ForkedWorker) or not self.prefix:
                self.cpu_pid = self.process.pid
        return None if self.cpu_pid is None else process_cpu_seconds(self.cpu_pid)

    def stop(self):
        if self.process is None:
            return
        if isinstance(self.process, ForkedWorker):
            self.process.kill()
        else:  # its own process group (start_new_session): a kill takes its children too
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError, AttributeError):
                self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        # The reader thread may still block on a pipe that a leftover grandchild holds open, and
        # it holds the stream's lock: closing the stream would wait for it. Leave it to the thread.
        if not self.reader.is_alive():
            with contextlib.suppress(OSError):
                self.process.stdout.close()
        self.process = None

    def close(self):
        self.stop()
        os.close(self.folder_fd)
        # The folder lies in the run's folder, which the pool removes (symlinks are not followed).
