"""`python -m checker`: grade a folder laid out like exercises/, section by section.

`python -m checker train` trains the folder's own network instead (checker/training/).

Exit codes: 0 every selected section passed, 1 a section failed, 2 a usage
error or a fault in the checker itself.
"""

import argparse
import json
import secrets
import sys
from pathlib import Path

from checker.i18n import choose as choose_language
from checker.i18n import (
    language_asked,
    language_option,
    recognised,
    set_language,
    t,
    unknown_setting,
)
from checker.isolation import LEVELS, Unavailable
from checker.isolation import choose as choose_isolation
from checker.manifest import BY_NAME, SECTIONS
from checker.sandbox import Limits

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
DEFAULT_TARGET = "exercises"
DEFAULT_REPORT = ".checker/report.json"


def instructors_copy():
    """The instructors' repository, with solutions/ beside the checker: its --help lists the
    instructors' options too. A student release (checker.instructors.export) has no solutions/:
    there they still work, but --help leaves them out."""
    return (Path(__file__).resolve().parents[1] / "solutions").is_dir()


def parse_args(argv):
    for_instructors = instructors_copy()

    def instructors(text):
        return text if for_instructors else argparse.SUPPRESS

    parser = argparse.ArgumentParser(
        prog="python -m checker",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
    )
    parser.add_argument("--target", default=DEFAULT_TARGET, help=t("cli.help.target"))
    parser.add_argument(
        "--section",
        action="append",
        metavar="NAME",
        help=t("cli.help.section"),
    )
    parser.add_argument("--list", action="store_true", help=t("cli.help.list"))
    parser.add_argument(
        "--watch",
        action="store_true",
        help=t("cli.help.watch"),
    )
    parser.add_argument(
        "--hint",
        nargs="+",
        metavar=("NAME", "N"),
        help=t("cli.help.hint"),
    )
    parser.add_argument("--json", default=DEFAULT_REPORT, metavar="PATH", help=t("cli.help.json"))
    parser.add_argument("--seed", type=int, help=t("cli.help.seed"))
    parser.add_argument(
        "--time-limit",
        type=float,
        default=Limits.time_seconds,
        metavar="SECONDS",
        help=t("cli.help.time_limit", seconds=f"{Limits.time_seconds:g}"),
    )
    parser.add_argument(
        "--section-time-limit",
        type=float,
        default=Limits.section_seconds,
        metavar="SECONDS",
        help=t("cli.help.section_time_limit", seconds=f"{Limits.section_seconds:g}"),
    )
    parser.add_argument(
        "--extra-suites",
        metavar="DIR",
        type=Path,
        help=instructors(t("cli.help.extra_suites")),
    )
    parser.add_argument(
        "--hide-private-messages",
        action="store_true",
        help=instructors(t("cli.help.hide_private")),
    )
    parser.add_argument(
        "--memory-limit",
        type=int,
        default=Limits.memory_bytes // 2**20,
        metavar="MB",
        help=instructors(t("cli.help.memory_limit", mib=Limits.memory_bytes // 2**20)),
    )
    parser.add_argument(
        "--isolation",
        choices=("auto", *LEVELS),
        default="auto",
        help=instructors(t("cli.help.isolation")),
    )
    parser.add_argument("--lang", type=language_option, metavar="{en,zh}", help=t("cli.help.lang"))
    return parser.parse_args(argv)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    asked, unknown = language_asked(argv), unknown_setting()  # before set_language sets it
    set_language(choose_language(asked), asked=recognised(asked) is not None)
    if unknown and recognised(asked) is None:
        print(t("cli.unknown_language_setting", value=unknown), file=sys.stderr)
    if argv[:1] == ["train"]:  # a subcommand of its own, outside the grading core
        from checker.training.train import main as train

        return train(argv[1:])

    from checker import ui

    try:
        args = parse_args(argv)
    except SystemExit as exit:  # argparse has printed the usage error
        return EXIT_PASSED if exit.code == 0 else EXIT_ERROR
    console, plain = ui.make_console()

    if args.list:
        for i, section in enumerate(SECTIONS, 1):
            line = t(
                "cli.list_line",
                number=i,
                name=f"{section.name:<14}",
                points=f"{section.points:>3}",
                file=f"{section.file:<17}",
                title=section.title,
            )
            console.print(line, markup=False)
        return EXIT_PASSED
    if args.hint:
        name, *rest = args.hint
        section = section_called(name)
        if section is None:
            return usage_error(console, t("cli.no_section", names=repr(name)), sections=True)
        count = len(section.hints)
        if len(rest) > 1 or (rest and not (rest[0].isdigit() and 1 <= int(rest[0]) <= count)):
            given = " ".join(rest)
            return usage_error(
                console, t("cli.hint_range", section=section.name, count=count, given=given)
            )
        ui.show_hints(console, section, int(rest[0]) if rest else 1)
        return EXIT_PASSED

    unknown = [name for name in args.section or [] if section_called(name) is None]
    if unknown:
        names = ", ".join(map(repr, unknown))
        return usage_error(console, t("cli.no_section", names=names), sections=True)
    wanted = {section_called(name).name for name in args.section or BY_NAME}
    sections = [section for section in SECTIONS if section.name in wanted]
    if args.extra_suites is not None and not args.extra_suites.is_dir():
        return usage_error(console, t("cli.no_extra_suites", folder=repr(str(args.extra_suites))))
    target = target_folder(args.target)
    if target is None:
        return usage_error(console, t("cli.no_folder", folder=repr(args.target)))
    if target != Path(args.target) and args.json == DEFAULT_REPORT:
        args.json = str(target.parent / DEFAULT_REPORT)  # beside the exercises/ found
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)

    from checker.runner import grade

    passed_before = sections_passed_in(args.json, args.target.rstrip("/\\"))  # before the run

    try:
        isolation = choose_isolation(args.isolation)
    except Unavailable as error:
        console.print(t("cli.error", error=str(error)), markup=False)
        return EXIT_ERROR

    label = args.target.rstrip("/\\")
    limits = Limits(
        time_seconds=args.time_limit,
        section_seconds=args.section_time_limit,
        memory_bytes=args.memory_limit * 2**20,
    )
    if args.watch:
        if args.extra_suites is not None:
            return usage_error(console, t("cli.watch_no_extra"))
        from checker.watch import Watcher

        watcher = Watcher(
            console, plain, target, label, sections, args.seed, args.json, limits, isolation
        )
        try:
            summary = watcher.run()
        except OSError as error:
            console.print(t("cli.report_error", path=args.json, error=error), markup=False)
            return EXIT_ERROR
        passed = summary is not None and all(
            section["status"] == "passed" for section in summary["sections"].values()
        )
        return EXIT_PASSED if passed else EXIT_FAILED
    try:
        with ui.Progress(console, plain, sections) as progress:
            report, faulted = grade(
                target,
                label,
                sections,
                seed,
                args.json,
                limits,
                progress.update,
                isolation,
                args.extra_suites,
                args.hide_private_messages,
            )
    except OSError as error:  # e.g. the report's folder cannot be written
        console.print(t("cli.report_error", path=args.json, error=error), markup=False)
        return EXIT_ERROR
    summary = report["checker"]
    ui.show_result(console, plain, sections, summary, label, args.json, False, passed_before)
    if faulted:
        return EXIT_ERROR
    passed = all(summary["sections"][s.name]["status"] == "passed" for s in sections)
    return EXIT_PASSED if passed else EXIT_FAILED


def sections_passed_in(report_path, label):
    """Names of the sections an earlier report of the same target had passed (it may be
    missing, unreadable or of another folder: then none)."""
    try:
        with open(report_path, encoding="utf-8") as f:
            summary = json.load(f)["checker"]
        if summary["target"] != label:
            return set()
        return {name for name, s in summary["sections"].items() if s["status"] == "passed"}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def section_called(name):
    """The section a learner means: its name in any case, its file, or its number in --list."""
    key = name.strip().lower().removesuffix(".py")
    if key.isdigit() and 1 <= int(key) <= len(SECTIONS):
        return SECTIONS[int(key) - 1]
    return BY_NAME.get(key)


def target_folder(name):
    """The folder `--target name` means, or None. The default, exercises/, is also found from
    anywhere inside the repository (run from inside exercises/ or dataset/, say)."""
    target = Path(name)
    if name == DEFAULT_TARGET and not target.is_dir():
        target = find_exercises(Path.cwd()) or target
    return target if target.is_dir() else None


def find_exercises(folder):
    """exercises/ of the repository that `folder` lies in (inside exercises/ itself too)."""
    for place in (folder, *folder.parents):
        if place.name == DEFAULT_TARGET and (place.parent / "checker").is_dir():
            return place
        if (place / DEFAULT_TARGET).is_dir() and (place / "checker").is_dir():
            return place / DEFAULT_TARGET
    return None


def usage_error(console, message, sections=False):
    """An error in the command line; sections: also list the sections (a name was wrong)."""
    if sections:
        numbered = ", ".join(f"{i} {name}" for i, name in enumerate(BY_NAME, 1))
        console.print(t("cli.usage_error", problem=message, sections=numbered), markup=False)
    else:
        console.print(t("cli.error", error=message), markup=False)
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
