"""The one list of sections: their order, files, points, and which hint fits which mistake.

The CLI, the hidden suites (checker/suites/test_<name>.py) and the report all
read this list. To add a section: add an entry here, a stub in exercises/, a
reference in solutions/ and a suite in checker/suites/.
"""

from dataclasses import dataclass, field

from checker.i18n import t
from checker.i18n.en import EN


@dataclass(frozen=True)
class Section:
    name: str  # also the suite's name: checker/suites/test_<name>.py
    file: str  # inside exercises/ (or any --target folder)
    points: int
    # The hint (numbered from 1) that fits a mistake the tests diagnosed: by the catalog key of
    # the known mistake (judge.Wrong.mistake), else by its topic (judge.Wrong.topic):
    # "forward", "backward", "gradient", "shape" or "inputs".
    hint_for: dict = field(default_factory=dict, hash=False)

    @property
    def suite(self):
        return f"test_{self.name}.py"

    @property
    def title(self):
        """In the run's language, from the catalogs (checker/i18n/): "section.<name>"."""
        return t(f"section.{self.name}")

    @property
    def hints(self):
        """2 to 4 hints, in order, from the catalogs: "hint.<name>.1", "hint.<name>.2", ..."""
        count = sum(key.startswith(f"hint.{self.name}.") for key in EN)
        return tuple(t(f"hint.{self.name}.{number}") for number in range(1, count + 1))


# Titles and hints live in the message catalogs (checker/i18n/en.py and zh.py). Hints go from
# the idea, to the local derivative, to the shapes. None is code: the last may give the formula
# in math notation, never the Python line (tests/test_learner_loop.py).
SECTIONS = (
    Section(
        name="mul_layer",
        file="mul_layer.py",
        points=10,
        hint_for={
            "forward": 1,
            "backward": 2,
            "suite.mul.backward.ignores_dout": 3,
            "suite.mul.apple.ignores_dout": 3,
        },
    ),
    Section(
        name="add_layer",
        file="add_layer.py",
        points=10,
        hint_for={"backward": 2},
    ),
    Section(
        name="relu",
        file="relu.py",
        points=15,
        hint_for={
            "forward": 1,
            "inputs": 1,
            "backward": 2,
            "shape": 3,
            "suite.relu.backward.ignores_dout": 3,
        },
    ),
    Section(
        name="sigmoid",
        file="sigmoid.py",
        points=15,
        hint_for={
            "forward": 1,
            "backward": 2,
            "shape": 3,
            "suite.sigmoid.backward.ignores_dout": 3,
        },
    ),
    Section(
        name="affine",
        file="affine.py",
        points=20,
        hint_for={
            "forward": 1,
            "inputs": 2,
            "backward": 3,
            "shape": 4,
            "suite.affine.forward.copied": 2,
            "suite.affine.round.copied": 2,
        },
    ),
    Section(
        name="two_layer_net",
        file="two_layer_net.py",
        points=30,
        hint_for={
            "gradient": 2,
            "shape": 3,
        },
    ),
)

BY_NAME = {section.name: section for section in SECTIONS}

# "Your network": after the six sections, the student's own TwoLayerNet on the student's own
# layers, trained end to end (checker/suites/test_integration.py). Worth no points unless an
# instructor gives it some here; it runs on a full check only.
INTEGRATION = Section(
    name="integration",
    file="two_layer_net.py",
    points=0,
)


def section_named(name):
    return INTEGRATION if name == INTEGRATION.name else BY_NAME[name]
