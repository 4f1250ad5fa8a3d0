"""What the judge accepts from a worker: replies of a fixed schema and bounded .npz files.

Student code runs in the worker's process, so everything it sends may be forged: a reply
is checked field by field against a closed list of kinds, every string is capped, and an
.npz file is checked (a regular file, its size, its members, each member's header) before
any array is read. Anything else is the student's fault for that section, never a crash
of the checker and never a verdict the worker chose.
"""

import os
import re
import stat
import zipfile

import numpy as np

from checker.i18n import t

MAX_LINE_BYTES = 1024**2  # one reply on the channel
MAX_NPZ_BYTES = 64 * 1024**2  # an .npz file on disk
MAX_ARRAY_BYTES = 256 * 1024**2  # all arrays of one reply, uncompressed
MAX_MEMBERS = 512
MEMBER_NAME = re.compile(r"[A-Za-z0-9_]{1,64}\.npy")
ALLOWED_DTYPE_KINDS = "biufc"  # numbers only; complex is refused later with its own message

# What a worker may say went wrong. Never "passed", never a fault of the checker.
FAULT_KINDS = frozenset(
    {
        "exception",
        "import_error",
        "not_implemented",
        "memory",
        "sys_exit",
        "recursion",
        "output_flood",
        "bad_return",
        "wrong_use",
        "numerical",
    }
)


class Forged(Exception):
    """The worker sent something outside the protocol. The message (a catalog entry, in the
    run's language) is for the learner."""


# Terminal escape sequences (CSI, OSC and the rest) and every other control character.
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_]?)")
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(value):
    """Text from student code made harmless to show: no escape sequences or control
    characters, no line that starts with "::" and no "##[" anywhere (GitHub Actions workflow
    commands, new and old syntax)."""
    value = CONTROLS.sub("", ESCAPES.sub("", value)).replace("##[", "#\u200b#[")
    return "\n".join(
        ": :" + line.lstrip()[2:] if line.lstrip().startswith("::") else line
        for line in value.split("\n")
    )


def text(value, limit, optional=False):
    """A string from the worker, capped and inert; None only where optional."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Forged(t("channel.not_text", type=type(value).__name__))
    return inert(value[:limit])


def reply(message):
    """A validated reply: {"step": ..., "english": ...}, {"done": True, "meta": ...} or
    {"fault": {...}}. "english" (a step's English, where the worker speaks another language)
    is optional."""
    if not isinstance(message, dict) or len(message) > 2:
        raise Forged(t("channel.not_a_message"))
    if "step" in message and set(message) <= {"step", "english"}:
        return {
            "step": text(message["step"], 200),
            "english": text(message.get("english"), 200, optional=True),
        }
    if message.get("done") is True and set(message) <= {"done", "meta"}:
        meta = message.get("meta", {})
        if not isinstance(meta, dict) or len(meta) > MAX_MEMBERS:
            raise Forged(t("channel.bad_results_list"))
        return {
            "done": True,
            "meta": {
                text(name, 64): value_facts(entry)
                for name, entry in meta.items()
                if isinstance(entry, dict)
            },
        }
    if set(message) == {"fault"} and isinstance(message["fault"], dict):
        return {"fault": fault(message["fault"])}
    raise Forged(t("channel.not_a_message"))


# What a returned value can be (scenarios.kind_of): the judge has a message for each.
VALUE_KINDS = frozenset(
    {
        "ndarray",
        "matrix",
        "ndarray_subclass",
        "bool",
        "numpy_scalar",
        "float",
        "int",
        "list",
        "tuple",
        "none",
        "other",
    }
)
RESULT_NAME = re.compile(r"[A-Za-z0-9_]{1,64}")


def value_facts(entry):
    """What the worker says about one returned value: its type's name, its kind, a list's or
    tuple's length, and the names of the other values it shares memory with."""
    kind = entry.get("kind", "other")
    if kind not in VALUE_KINDS:
        raise Forged(t("channel.bad_results_list"))
    facts = {"type": text(entry.get("type"), 50), "kind": kind}
    count = entry.get("count")
    if count is not None:
        if type(count) is not int or not 0 <= count < 10**9:
            raise Forged(t("channel.bad_results_list"))
        facts["count"] = count
    shares = entry.get("shares", [])
    if not isinstance(shares, list) or len(shares) > 16:
        raise Forged(t("channel.bad_results_list"))
    for name in shares:
        if not isinstance(name, str) or not RESULT_NAME.fullmatch(name):
            raise Forged(t("channel.bad_results_list"))
    facts["shares"] = list(shares)
    return facts


def fault(value):
    """A validated fault. "english" (the message's English) and "step_english" are optional:
    the worker sends them with a message or step of the checker's own, in another language."""
    kind = value.get("kind")
    if not isinstance(kind, str) or kind not in FAULT_KINDS:
        raise Forged(t("channel.unknown_kind", kind=repr(str(kind)[:40])))
    where = value.get("where")
    if where is not None:
        if not isinstance(where, dict):
            raise Forged(t("channel.bad_place"))
        line = where.get("line")
        if line is not None and (type(line) is not int or not 0 <= line < 10**7):
            raise Forged(t("channel.bad_line_number"))
        where = {
            "file": text(where.get("file"), 200),
            "line": line,
            "function": text(where.get("function"), 100, optional=True),
            "code": text(where.get("code", ""), 300),
        }
    return {
        "kind": kind,
        "type": text(value.get("type"), 100, optional=True),
        "message": text(value.get("message", ""), 2000),
        "english": text(value.get("english"), 2000, optional=True),
        "step": text(value.get("step"), 200, optional=True),
        "step_english": text(value.get("step_english"), 200, optional=True),
        "where": where,
    }


def open_regular(path, dir_fd=None):
    """A file object for path (relative to dir_fd, if given) only if it is a regular file:
    never a FIFO, device or symlink."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, dir_fd=dir_fd)
    except OSError as error:
        raise Forged(t("channel.cannot_open", error=error.strerror)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise Forged(t("channel.not_regular"))
    if info.st_size > MAX_NPZ_BYTES:
        os.close(fd)
        raise Forged(t("channel.too_large", size=info.st_size))
    return os.fdopen(fd, "rb")


def load_arrays(path, dir_fd=None):
    """The arrays of a worker's .npz file, each read only after its header was checked."""
    with open_regular(path, dir_fd) as f:
        try:
            check_member_count(f)
            arrays, total = {}, 0
            with zipfile.ZipFile(f) as archive:
                for member in archive.infolist():
                    if not MEMBER_NAME.fullmatch(member.filename):
                        raise Forged(t("channel.unexpected_member"))
                    with archive.open(member) as stream:
                        shape, fortran_order, dtype = header(stream)
                        size = dtype.itemsize * int(np.prod(shape, dtype=np.int64))
                        total += size
                        if total > MAX_ARRAY_BYTES:
                            raise Forged(t("channel.too_big"))
                        data = stream.read(size)
                    if len(data) != size:
                        raise Forged(t("channel.truncated"))
                    array = np.frombuffer(data, dtype=dtype).reshape(
                        shape, order="F" if fortran_order else "C"
                    )
                    arrays[member.filename.removesuffix(".npy")] = array.copy()
            return arrays
        except Forged:
            raise
        except Exception as error:  # a truncated or malformed file: the worker's doing
            raise Forged(t("channel.not_npz", type=type(error).__name__)) from None


def check_member_count(f):
    """Refuse a zip whose central directory lists more members than any reply has, before
    zipfile reads that directory (a bomb of a million tiny entries costs seconds)."""
    f.seek(0, os.SEEK_END)
    size = f.tell()
    f.seek(max(0, size - 65557))  # the end record and the longest comment it allows
    tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        raise Forged(t("channel.no_zip_directory"))
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    if entries > MAX_MEMBERS or tail.rfind(b"PK\x06\x06") >= 0:  # too many, or Zip64
        raise Forged(t("channel.too_many_arrays"))
    f.seek(0)


def header(stream):
    """(shape, fortran_order, dtype) of an .npy member, if its dtype is a plain number type."""
    version = np.lib.format.read_magic(stream)
    if version == (1, 0):
        shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(stream)
    elif version in ((2, 0), (3, 0)):
        shape, fortran_order, dtype = np.lib.format.read_array_header_2_0(stream)
    else:
        raise Forged(t("channel.unknown_format"))
    if dtype.kind not in ALLOWED_DTYPE_KINDS or dtype.hasobject or len(shape) > 32:
        raise Forged(t("channel.not_numbers", dtype=dtype))
    if any(size < 0 for size in shape):
        raise Forged(t("channel.negative_size"))
    return shape, fortran_order, dtype
