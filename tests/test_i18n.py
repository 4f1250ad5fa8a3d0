"""中文: the message catalogs are complete, every one of their entries is used, and every message
a learner sees comes from them, in the language of the run."""

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len
from rich.console import Console

from checker import i18n, ui
from checker.i18n import EN, ZH, Message, placeholders, t
from checker.manifest import SECTIONS
from tests.checker_run import CHINESE, CJK, copy_of, expect_chinese, run_checker
from tests.conftest import REPO

SOURCES = [*(REPO / "checker").rglob("*.py"), *(REPO / "examples").rglob("*.py")]


def test_both_catalogs_have_the_same_keys_and_placeholders():
    assert EN.keys() == ZH.keys()
    differ = [key for key in EN if placeholders(EN[key]) != placeholders(ZH[key])]
    assert not differ


def test_the_chinese_catalog_is_chinese():
    """Every zh entry with words of its own (not only placeholders and punctuation) says them
    in Chinese; code names may stand beside them."""
    worded = {key: re.sub(r"\{\w+\}", "", text) for key, text in ZH.items()}
    english = [
        k
        for k, words in worded.items()
        if re.search("[A-Za-z]{3}", words)
        and not CJK.search(words)
        and not re.fullmatch(r"\W*[A-Za-z_]+\W*", words)  # a code name alone, e.g. None
    ]
    assert not english


def used_keys():
    """Keys named in the source: literal "area.name" strings, and prefixes of keys built with
    an f-string, t(f"section.{name}")."""
    text = "\n".join(
        path.read_text(encoding="utf-8")
        for path in SOURCES
        if not ("i18n" in path.parts and path.name in ("en.py", "zh.py"))  # not the catalogs
    )
    literal = set(re.findall(r"""["']([a-z_][\w]*(?:\.\w+)+)["']""", text))
    prefixes = set(re.findall(r"""f["']([\w.]+)\{""", text))
    return literal, prefixes


def test_every_catalog_entry_is_used():
    literal, prefixes = used_keys()
    unused = [k for k in EN if k not in literal and not any(k.startswith(p) for p in prefixes)]
    assert not unused


def test_the_language_comes_from_the_option_then_the_environment_then_the_locale():
    assert i18n.choose("zh", {}) == "zh"
    assert i18n.choose("en", {i18n.LANGUAGE_ENV: "zh"}) == "en"
    assert i18n.choose(None, {i18n.LANGUAGE_ENV: "zh_CN", "LANG": "en_US.UTF-8"}) == "zh"
    assert i18n.choose(None, {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.choose(None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"  # LC_ALL decides
    assert i18n.choose(None, {"LC_MESSAGES": "zh_TW.UTF-8"}) == "zh"
    assert i18n.choose(None, {}) == "en"
    # A language we do not have, e.g. --lang fr: argparse refuses it in the learner's language.
    assert i18n.choose("fr", {i18n.LANGUAGE_ENV: "zh"}) == "zh"
    for name in ("zh", "zh_CN", "zh-Hans", "ZH_cn.UTF-8", "chinese", "Chinese", "中文"):
        assert i18n.choose(name, {}) == "zh", name
        assert i18n.choose(None, {i18n.LANGUAGE_ENV: name}) == "zh", name
    assert i18n.choose("english", {i18n.LANGUAGE_ENV: "zh"}) == "en"
    assert i18n.unknown_setting({i18n.LANGUAGE_ENV: "klingon"}) == "klingon"
    assert i18n.unknown_setting({i18n.LANGUAGE_ENV: "chinese"}) is None


def test_the_language_sticks_to_every_command_printed(tmp_path):
    """Copying a command the checker printed keeps the language it was asked for."""
    target = copy_of(REPO / "exercises", tmp_path, "exercises")
    for asked in ("zh", "chinese", "中文"):
        result = subprocess.run(
            [sys.executable, "-m", "checker", "--target", str(target), "--lang", asked,
             "--section", "relu", "--json", str(tmp_path / "report.json")],
            cwd=REPO, capture_output=True, text=True, timeout=300,
            env={**os.environ, "NO_COLOR": "1", "LANG": "C"},
        )  # fmt: skip
        commands = [line for line in result.stdout.splitlines() if "python -m checker" in line]
        assert commands and CJK.search(result.stdout), result.stdout
        assert all(line.rstrip().endswith("--lang zh") for line in commands), commands
    # Without --lang, the commands are as they were: the environment keeps the language.
    result = subprocess.run(
        [sys.executable, "-m", "checker", "--target", str(target), "--section", "relu",
         "--json", str(tmp_path / "report.json")],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_COLOR": "1", i18n.LANGUAGE_ENV: "klingon"},
    )  # fmt: skip
    assert "BACKPROP_KATA_LANG=klingon names no language here" in result.stderr, result.stderr
    assert "--lang" not in result.stdout


@pytest.fixture
def chinese():
    before = i18n.language()
    i18n.set_language("zh")
    yield
    i18n.set_language(before)


def test_a_message_keeps_its_english_beside_it(chinese):
    inner = t("fault.an_exception")
    message = t("fault.exception", file="f.py", step="Relu.forward", type=inner, line="", text="x")
    assert isinstance(message, Message) and CJK.search(message)
    assert message.english == "f.py, Relu.forward: raised an exception: x"


def test_strict_mode_refuses_prose_from_outside_the_catalog(monkeypatch):
    monkeypatch.setenv(i18n.STRICT_ENV, "1")
    with pytest.raises(AssertionError):
        t("fault.other", file="f.py", step="s", message="some English prose")
    assert t("fault.other", file="f.py", step="s", message=t("fault.your_code"))


def test_the_table_lines_up_with_chinese_titles(chinese):
    summary = {
        "sections": {
            s.name: {"status": "failed", "passed": 1, "failed": 2, "total": 3, "score": 1.5,
                     "max_score": s.points, "message": t("fault.your_code")}
            for s in SECTIONS
        },
        "score": 9, "max_score": 100, "seed": 1, "isolation": "bwrap",
    }  # fmt: skip
    console = Console(record=True, width=100, color_system=None)
    ui.show_result(console, True, list(SECTIONS), summary, "exercises", "report.json")
    lines = console.export_text().splitlines()
    rows = [line for line in lines if re.match(r"\s*\d  ", line)]
    assert len(rows) == len(SECTIONS)
    # Every row as wide as the header, measured in terminal cells (a CJK character is two).
    header = next(line for line in lines if t("ui.column.status") in line)
    status_column = cell_len(header[: header.index(t("ui.column.status"))])
    for row in rows:
        status = t("ui.status.failed", failed=2, total=3)
        assert cell_len(row[: row.index(status)]) == status_column, row


# Every catalog mutant (tests/test_variants.py) and every hostile case (tests/test_hostile.py)
# is graded in Chinese and strict mode, with checker_run.expect_chinese: each of their messages
# comes from the catalog, and their English (english_message) is what the tests check.


def test_the_stubs_and_the_reference_are_told_in_chinese(tmp_path):
    for folder in ("exercises", "solutions"):
        target = copy_of(REPO / folder, tmp_path, folder)  # a copy: the report goes beside it
        code, report, output = run_checker(target, (), "--lang", "zh", env=CHINESE)
        expect_chinese(report, output)
        lines = [line for line in output.splitlines() if re.search("[A-Za-z]{5}", line)]
        # Apart from code names, paths and commands, no English is left on the screen.
        prose = [line for line in lines if not re.fullmatch(r"[\x00-\x7f]*", line) and
                 re.search(r"\b(the|is|are|your|and|not)\b", line)]  # fmt: skip
        assert not prose, prose
        if folder == "solutions":
            assert code == 0


def test_argparse_speaks_chinese_with_the_rest():
    import argparse
    import inspect

    source = inspect.getsource(argparse)  # its words may differ a little between Pythons
    found = [words for words in i18n.ARGPARSE if repr(words) in source or f'"{words}"' in source]
    assert len(found) >= len(i18n.ARGPARSE) - 3
    result = subprocess.run(
        [sys.executable, "-m", "checker", "--lang", "zh", "--help"],
        capture_output=True, text=True, cwd=REPO,
    )  # fmt: skip
    assert result.stdout.startswith("用法：")
    assert "显示这条帮助信息并退出" in result.stdout and "options" not in result.stdout
