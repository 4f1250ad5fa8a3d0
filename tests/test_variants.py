"""Every mutant is rejected by its section with a message that names the problem;
every valid alternative, and the book's own code, gets full marks."""

import shutil

import pytest

from checker.manifest import BY_NAME, SECTIONS
from tests.checker_run import (
    BOOK,
    CHINESE,
    CJK,
    SOLUTIONS,
    copy_of,
    edited_copy,
    expect_chinese,
    run_checker,
)
from tests.variants.catalog import ALTERNATIVES, MUTANTS


def test_catalog_is_large_enough():
    assert len(MUTANTS) >= 110 and len(ALTERNATIVES) >= 40
    assert {m.section for m in MUTANTS} == set(BY_NAME)


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: m.name)
def test_mutant_is_rejected_with_a_message_naming_the_problem(mutant, tmp_path):
    """Graded in Chinese (strict mode: every message from the catalog); the English beside
    each message, english_message, is what an English run shows."""
    target = edited_copy(tmp_path, BY_NAME[mutant.section].file, mutant.edits)
    code, report, output = run_checker(target, [mutant.section], env=CHINESE)
    section = report["checker"]["sections"][mutant.section]
    seed = report["checker"]["seed"]
    assert code == 1, output
    assert section["status"] in ("failed", "error"), (seed, section)
    assert section["score"] < section["max_score"]
    caught = section
    if mutant.test:  # caught by this test, whichever test of the section failed first
        tests = [t["metadata"] for t in report["tests"] if t["nodeid"].endswith(mutant.test)]
        assert len(tests) == 1 and tests[0]["verdict"] != "passed", (seed, tests)
        caught = tests[0]
    assert mutant.message in caught["english_message"], (seed, caught["english_message"])
    assert CJK.search(section["message"]), section["message"]
    expect_chinese(report, output)
    section = {**section, "message": section["english_message"]}  # below, in English
    # Its own message, and no other mutant's of its section: a learner is never told about a
    # mistake they did not make. (Short phrases such as "forward" are too common to count.)
    others = {m.message for m in MUTANTS if m.section == mutant.section and len(m.message) > 15}
    others = {o for o in others if o not in mutant.message and mutant.message not in o}
    assert not [o for o in others if o in section["message"]], (seed, section["message"])


@pytest.mark.parametrize("variant", ALTERNATIVES, ids=lambda v: v.name)
def test_valid_alternative_gets_full_marks(variant, tmp_path):
    target = edited_copy(tmp_path, BY_NAME[variant.section].file, variant.edits)
    code, report, output = run_checker(target, [variant.section])
    section = report["checker"]["sections"][variant.section]
    assert (code, section["status"]) == (0, "passed"), (report["checker"]["seed"], section)


def test_the_books_own_code_gets_full_marks(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    for path in BOOK.glob("*.py"):
        shutil.copy(path, target / path.name)
    code, report, output = run_checker(target)
    assert code == 0, output
    assert report["checker"]["score"] == report["checker"]["max_score"] == 100
    assert [s.name for s in SECTIONS] == list(report["checker"]["sections"])
