"""The committed GitHub Classroom workflow follows the manifest (sections and points)."""

from checker.classroom import workflow
from checker.manifest import SECTIONS
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "classroom.yml"


def test_committed_workflow_is_generated_from_the_manifest():
    assert WORKFLOW.read_text(encoding="utf-8") == workflow(), (
        "regenerate it: python -m checker.classroom > .github/workflows/classroom.yml"
    )


def test_every_section_is_a_step_worth_its_points():
    text = workflow()
    for section in SECTIONS:
        command = f"python -m checker --section {section.name} "
        step = text[text.index(command) :]
        assert step.split("max-score: ", 1)[1].split("\n", 1)[0] == str(section.points)
    assert sum(s.points for s in SECTIONS) == 100
