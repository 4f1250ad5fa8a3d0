"""Turn Wrong and StudentFault into one message for a learner: file, method, what is wrong."""

from checker.i18n import Message, t
from checker.sandbox import Limits
from checker.scenarios import PACKAGE

OUTPUT_LIMIT_MB = Limits.output_bytes // 1024**2
# Fault kinds whose message is a catalog entry of the same name (checker/i18n/en.py: fault.*).
WORDED = ("not_implemented", "output_flood", "memory", "recursion", "sys_exit")


def location(target, section):
    return f"{target}/{section.file}"


def wrong(target, section, error):
    if section.name == "integration":  # built from several files of the target
        return t(
            "fault.wrong_integration", method=error.method, folder=target, message=error.message
        )
    return t(
        "fault.wrong", file=location(target, section), method=error.method, message=error.message
    )


def fault(target, section, error):
    file = location(target, section)
    step = error.step or t("fault.your_code")
    text = without_package(error.message)
    where = error.where or {}
    line = ""
    if where.get("line"):
        if where.get("code"):  # quoted: the brackets of the student's line are not ours
            line = t("fault.at_line_code", line=where["line"], code=f"`{where['code']}`")
        else:
            line = t("fault.at_line", line=where["line"])
    kind = error.kind
    if kind in WORDED:
        return t(f"fault.{kind}", file=file, step=step, line=line, megabytes=OUTPUT_LIMIT_MB)
    if kind == "import_error":
        return t("fault.import_error", file=file, line=line, text=text)
    if kind == "exception":
        # the exception's own words, e.g. numpy's shape complaint
        return t(
            "fault.exception", file=file, step=step, type=error_type(error), line=line, text=text
        )
    # bad_return, wrong_use, numerical, timeout, crash, exit: worded for learners
    return t("fault.other", file=file, step=step, message=error.message)


def without_package(text):
    """The worker imports the target folder as the package kata_target: speak of the folder's
    files. A Message (the checker's words) keeps both languages."""
    plain = text.replace(f"{PACKAGE}.", "")
    if isinstance(text, Message):
        return Message(plain, text.english.replace(f"{PACKAGE}.", ""), text.key)
    return plain


def printed(text):
    """A pointer to the student's own print output, which helps while debugging."""
    lines = text.strip().splitlines()
    first = lines[0] if len(lines[0]) <= 80 else lines[0][:77] + "..."
    more = t("fault.printed_more", count=len(lines) - 1) if len(lines) > 1 else ""
    return t("fault.printed", first=repr(first), more=more)


def error_type(error):
    return getattr(error, "type", None) or t("fault.an_exception")
