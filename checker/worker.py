"""The worker: the only process that runs student code.

The judge (the pytest process) starts one worker per section and talks to it
over the worker's original stdin/stdout, one JSON object per line:

    judge -> worker  {"scenario": NAME, "inputs": PATH.npz, "outputs": PATH.npz, "options": {...}}
    worker -> judge  {"step": "Affine.forward"}          before each call into student code
    worker -> judge  {"done": true} or {"fault": {...}}   when the scenario ends

The worker speaks the run's language ($BACKPROP_KATA_LANG, set by the judge): a step or a
message of its own that comes from the catalog travels with its English beside it ("english",
"step_english"), so the report keeps both.

Arrays travel as .npz files read with allow_pickle=False, so nothing the
student's process writes is ever unpickled. Before any student code runs,
fd 0 becomes /dev/null and fds 1 and 2 go to a capped file, so print() cannot
reach the protocol, and resource limits cap memory, file size and core dumps.
The worker never decides a grade: it only reports what the student code returned.
"""

import contextlib
import errno
import json
import os
import sys
import traceback

from checker.i18n import Message, t


def apply_limits(memory_bytes, output_bytes):
    try:
        import resource
    except ImportError:  # Windows: no limits beyond the judge's time limit
        return
    # RLIMIT_NPROC 1: no fork and no thread, ever (student code needs neither). A child never
    # waited for would hide its CPU time; a forked server could answer another section.
    limits = [
        (resource.RLIMIT_FSIZE, output_bytes),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NPROC, 1),
    ]
    if memory_bytes and sys.platform.startswith("linux"):  # macOS does not enforce RLIMIT_AS
        limits.append((resource.RLIMIT_AS, memory_bytes))
    for kind, value in limits:
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            pass


class Protocol:
    """The private channel to the judge, kept on duplicated fds that student code does not know."""

    def __init__(self, output_path):
        self.requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
        self.replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        captured = os.open(output_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(captured, 1)
        os.dup2(captured, 2)
        sys.stdout.reconfigure(
            line_buffering=True
        )  # the judge shows what was printed, even on a crash

    def send(self, message):
        self.replies.write(json.dumps(message) + "\n")
        self.replies.flush()


OWN_FAULTS = ()  # set by main(): the checker's exception classes that name a fault kind

# Packages student code may not import: the checker (its stand-in layers would pass every
# test), the reference solutions and our tests, wherever they are on the path.
CLOSED_PACKAGES = ("checker", "solutions", "tests")


class ClosedImports:
    """A finder that refuses CLOSED_PACKAGES. The worker's own modules keep their references."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in CLOSED_PACKAGES:
            raise ImportError(t("worker.closed_import", name=name))
        return None


def close_imports():
    global OWN_FAULTS
    from checker import scenarios, stand_ins

    # Student code can raise these too, but they only ever mean a failure; the judge checks
    # every kind again.
    OWN_FAULTS = (
        scenarios.BadReturn,
        scenarios.NetworkTooSlow,
        stand_ins.StandInError,
        stand_ins.NumericalInDisguise,
    )
    for name in [name for name in sys.modules if name.split(".")[0] in CLOSED_PACKAGES]:
        del sys.modules[name]
    sys.meta_path.insert(0, ClosedImports())


def describe_exception(error, target_dir, step):
    """A fault for the judge: what was raised, and the student's own line that raised it."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if os.path.abspath(f.filename).startswith(target_dir + os.sep)]
    where = None
    if own:
        frame = own[-1]
        where = {
            "file": os.path.relpath(frame.filename, target_dir),
            "line": frame.lineno,
            "function": frame.name,
            "code": (frame.line or "").strip(),
        }
    if isinstance(error, SyntaxError) and error.filename:
        where = {
            "file": os.path.basename(error.filename),
            "line": error.lineno,
            "function": None,
            "code": (error.text or "").strip(),
        }
    kind = "exception"
    if step and step.startswith("import "):
        kind = "import_error"
    elif isinstance(error, NotImplementedError):
        kind = "not_implemented"
    elif isinstance(error, MemoryError):
        kind = "memory"
    elif isinstance(error, SystemExit):
        kind = "sys_exit"
    elif isinstance(error, RecursionError):
        kind = "recursion"
    elif isinstance(error, OSError) and error.errno == errno.EFBIG:
        kind = "output_flood"  # RLIMIT_FSIZE: Python ignores SIGXFSZ, so the write fails instead
    if type(error) in OWN_FAULTS:
        kind = type(error).fault_kind  # only the checker's own classes name their kind
    fault = {
        "kind": kind,
        "type": type(error).__name__,
        "message": str(error)[:2000],
        "step": step,
        "where": where,
    }
    # The checker's own words (a catalog entry) in another language than English: send their
    # English too, for the report. The student's own text is the same in both.
    said = error.args[0] if len(error.args) == 1 else None
    if isinstance(said, Message) and str(said) == str(error) and said.english != said:
        fault["english"] = said.english[:2000]
    if isinstance(step, Message) and step.english != step:
        fault["step_english"] = step.english
    return fault


def step_reply(step):
    """{"step": ...} for the judge, with the step's English when it comes from the catalog."""
    if isinstance(step, Message) and step.english != step:
        return {"step": step, "english": step.english}
    return {"step": step}


def no_new_privileges():
    """Linux: no program this process runs can gain privileges (setuid-root programs)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_no_new_privs = 38
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_no_new_privs, 1, 0, 0, 0)


def main(target_dir, section, memory_bytes, output_bytes, output_path, niceness=0):
    protocol = Protocol(output_path)
    apply_limits(memory_bytes, output_bytes)
    no_new_privileges()
    if niceness:  # a scenario started early runs only on CPU the judge's tests leave idle
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        except (AttributeError, OSError):
            if hasattr(os, "nice"):
                os.nice(niceness)

    import numpy as np

    from checker import i18n, scenarios

    i18n.set_language(i18n.choose())  # the judge's language, from the environment it gave us
    close_imports()  # from here on, student code may run
    target_dir = os.path.abspath(target_dir)
    context = scenarios.Context(target_dir, section, lambda step: protocol.send(step_reply(step)))
    for line in protocol.requests:
        request = json.loads(line)
        context.step = None
        context.links = {}
        try:
            with np.load(request["inputs"], allow_pickle=False) as npz:
                inputs = {name: npz[name] for name in npz.files}
            results = scenarios.SCENARIOS[request["scenario"]](context, inputs, request["options"])
            arrays, meta = scenarios.encode(results, context.links)
            np.savez(request["outputs"], **arrays)
            protocol.send({"done": True, "meta": meta})
        except BaseException as error:  # noqa: B036 - student code may raise anything, even SystemExit
            protocol.send({"fault": describe_exception(error, target_dir, context.step)})


def zygote(control_fd):
    """Linux: import numpy and the scenarios once, then fork a fresh worker per section.

    The judge sends {"fork": {...main's arguments..., "cwd": ...}} with two pipe
    fds (the child's requests and replies) over a SOCK_SEQPACKET socket, and gets
    {"forked": pid} back. When a child ends, {"exited": pid, "code": ...} follows,
    so the judge can say how it ended. The zygote itself never runs student code.
    """
    import signal
    import socket

    import numpy  # noqa: F401 - loaded once here, shared by every forked worker

    from checker import scenarios  # noqa: F401
    from checker.isolation import drop_to_user

    control = socket.socket(fileno=control_fd)

    def send(message):
        try:
            control.send(json.dumps(message).encode())
        except OSError:
            pass  # the judge is gone

    def reap(signum, frame):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            send({"exited": pid, "code": os.waitstatus_to_exitcode(status)})

    signal.signal(signal.SIGCHLD, reap)
    while True:
        message, fds, _, _ = socket.recv_fds(control, 65536, 2)
        if not message:
            return  # the judge closed the channel: the run is over
        message = json.loads(message)
        if "kill" in message:  # the judge cannot: inside a sandbox, pids are the sandbox's own
            try:
                os.killpg(int(message["kill"]), signal.SIGKILL)
            except (ProcessLookupError, PermissionError, ValueError):
                pass
            continue
        request = message["fork"]
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            control.close()
            os.setsid()  # its own process group: the judge kills it and its children together
            os.dup2(fds[0], 0)
            os.dup2(fds[1], 1)
            for fd in fds:
                os.close(fd)
            code = 0
            try:
                user = request.pop("user", None)
                if user is not None:  # first: under bwrap the zygote cannot enter its folder
                    drop_to_user(**user)
                os.chdir(request.pop("cwd"))
                main(**request)
            except BaseException:  # noqa: B036 - the child must end here, never back in the loop
                code = 1
            os._exit(code)
        for fd in fds:
            os.close(fd)
        send({"forked": pid})


if __name__ == "__main__":
    if len(sys.argv) > 7:  # a user to drop to (started as root, without the zygote)
        from checker.isolation import drop_to_user

        drop_to_user(**json.loads(sys.argv[7]))
        os.chdir(os.path.dirname(sys.argv[5]))  # its folder, which only its user may enter
    main(
        sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
    )
