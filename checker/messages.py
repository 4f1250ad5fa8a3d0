"""Turn Wrong and StudentFault into one message for a learner: file, method, what is wrong."""

from checker.sandbox import Limits
from checker.scenarios import PACKAGE

OUTPUT_LIMIT_MB = Limits.output_bytes // 1024**2


def location(target, section):
    return f"{target}/{section.file}"


def wrong(target, section, error):
    if section.name == "integration":  # built from several files of the target
        return f"{error.method}, built from {target}/: {error.message}"
    return f"{location(target, section)}, {error.method}: {error.message}"


def fault(target, section, error):
    file = location(target, section)
    step = error.step or "your code"
    # The worker imports the target folder as the package kata_target: speak of the folder's files.
    text = error.message.replace(f"{PACKAGE}.", "")
    where = error.where or {}
    line = ""
    if where.get("line"):
        code = f": {where['code']}" if where.get("code") else ""
        line = f" (line {where['line']}{code})"
    kind = error.kind
    if kind == "not_implemented":
        return f"{file}, {step}: not started yet (it raises NotImplementedError). Fill in its TODO."
    if kind == "import_error":
        return (
            f"{file} could not be imported{line}: {text}. "
            "Fix this first: no test of this section can run until the file imports."
        )
    if kind == "output_flood":
        return (
            f"{file}, {step}: printed more than {OUTPUT_LIMIT_MB} MB of output{line} and was "
            "stopped. Remove print() calls from loops."
        )
    if kind == "memory":
        return f"{file}, {step}: ran out of memory{line}. Are you building a huge array?"
    if kind == "recursion":
        return f"{file}, {step}: calls itself without end (RecursionError){line}."
    if kind == "sys_exit":
        return (
            f"{file}, {step}: called sys.exit() or exit(){line}. "
            "Return a value instead of ending the program."
        )
    if kind == "exception":
        # the exception's own words, e.g. numpy's shape complaint
        return f"{file}, {step}: raised {error_type(error)}{line}: {text}"
    # bad_return, wrong_use, numerical, timeout, crash, exit: worded for learners
    return f"{file}, {step}: {text}"


def printed(text):
    """A pointer to the student's own print output, which helps while debugging."""
    lines = text.strip().splitlines()
    first = lines[0] if len(lines[0]) <= 80 else lines[0][:77] + "..."
    more = f" (and {len(lines) - 1} more lines)" if len(lines) > 1 else ""
    return f" Your code printed: {first!r}{more}."


def error_type(error):
    return getattr(error, "type", None) or "an exception"
