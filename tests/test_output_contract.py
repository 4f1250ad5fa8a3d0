"""No value a student's code can return crashes the judge (issue 17's output fuzz).

Each case wraps one method of the reference solutions so that one of its outputs is replaced
by something else: a NaN or an infinity in one entry, another dtype (bool, integers, float16,
complex), another type (np.matrix, a list, a tuple, None, a string). Whatever comes back, the
check must end as the student's failure: exit code 1, that section failed and every other
section passed, no verdict of the checker's own fault, and no traceback.
"""

import textwrap

import pytest

from checker.judge import PARAM_KEYS
from checker.manifest import BY_NAME, SECTIONS
from tests.checker_run import SOLUTIONS, copy_of, run_checker

# (section, class, method, output): the output is the returned value ("return"), one of a
# pair ("return[0]", "return[1]"), an attribute set by the method ("self.dW"), or an entry of
# the returned dict ("return['W1']").
OUTPUTS = [
    ("mul_layer", "MulLayer", "forward", "return"),
    ("mul_layer", "MulLayer", "backward", "return[0]"),
    ("mul_layer", "MulLayer", "backward", "return[1]"),
    ("add_layer", "AddLayer", "forward", "return"),
    ("add_layer", "AddLayer", "backward", "return[0]"),
    ("add_layer", "AddLayer", "backward", "return[1]"),
    ("relu", "Relu", "forward", "return"),
    ("relu", "Relu", "backward", "return"),
    ("sigmoid", "Sigmoid", "forward", "return"),
    ("sigmoid", "Sigmoid", "backward", "return"),
    ("affine", "Affine", "forward", "return"),
    ("affine", "Affine", "backward", "return"),
    ("affine", "Affine", "backward", "self.dW"),
    ("affine", "Affine", "backward", "self.db"),
    ("two_layer_net", "TwoLayerNet", "gradient", "return['W1']"),
    ("two_layer_net", "TwoLayerNet", "gradient", "return['b1']"),
    ("two_layer_net", "TwoLayerNet", "gradient", "return['W2']"),
    ("two_layer_net", "TwoLayerNet", "gradient", "return['b2']"),
]

# Every output gets a NaN and an infinity; the other kinds of value go round the outputs, so
# that each kind meets several sections without a run for every pair.
ALWAYS = ["nan", "inf"]
ROTATING = ["-inf", "bool", "int", "float16", "complex", "matrix", "list", "tuple", "none", "str"]

CORRUPT = '''
import numpy as _np


def _corrupted(value):
    """{kind} in place of the value the reference computed."""
    kind = {kind!r}
    array = _np.array(value, dtype=float)
    if kind in ("nan", "inf", "-inf"):
        array.flat[array.size // 2] = float(kind)
        return array if isinstance(value, _np.ndarray) else type(value)(array)
    if kind == "bool":
        return array != 0 if array.ndim else bool(array)
    if kind == "int":
        return array.astype(_np.int64) if array.ndim else int(array)
    if kind in ("float16", "complex"):
        return array.astype(_np.float16 if kind == "float16" else complex)
    if kind == "matrix":
        return _np.asmatrix(array.reshape(array.shape[0], -1) if array.ndim else array)
    if kind == "list":
        return array.tolist()
    if kind == "tuple":
        return (value,)
    if kind == "none":
        return None
    return "a string"


_original = {cls}.{method}


def _wrapped(self, *args):
    result = _original(self, *args)
{change}
    return result


{cls}.{method} = _wrapped
'''

CHANGES = {  # how _wrapped replaces each output with _corrupted(output)
    "return": "    result = _corrupted(result)",
    "return[0]": "    result = (_corrupted(result[0]), result[1])",
    "return[1]": "    result = (result[0], _corrupted(result[1]))",
    "self.dW": "    self.dW = _corrupted(self.dW)",
    "self.db": "    self.db = _corrupted(self.db)",
    **{f"return['{k}']": f"    result['{k}'] = _corrupted(result['{k}'])" for k in PARAM_KEYS},
}


SECTIONS_PER_RUN = 3  # the other sections of a run stay as they are, and must pass


def corruptions():
    """(section, class, method, output, kind) for every output and each kind it gets."""
    found = []
    for i, (section, cls, method, output) in enumerate(OUTPUTS):
        for kind in [*ALWAYS, ROTATING[i % len(ROTATING)]]:
            found.append((section, cls, method, output, kind))
    return found


def runs():
    """The corruptions packed into runs of one checker each: at most one per section, in at most
    SECTIONS_PER_RUN sections, so that each run also shows the untouched sections passing."""
    packed = []
    for corruption in corruptions():
        for run in packed:
            sections = {c[0] for c in run}
            if corruption[0] not in sections and len(sections) < SECTIONS_PER_RUN:
                run.append(corruption)
                break
        else:
            packed.append([corruption])
    return packed


def run_id(run):
    return " + ".join(f"{cls}.{method}:{output}:{kind}" for _, cls, method, output, kind in run)


def test_every_output_is_corrupted_in_some_run():
    assert sorted(c for run in runs() for c in run) == sorted(corruptions())
    assert len(corruptions()) == len(OUTPUTS) * (len(ALWAYS) + 1)


@pytest.mark.parametrize("run", runs(), ids=run_id)
def test_any_returned_value_is_the_students_failure(tmp_path, run):
    target = copy_of(SOLUTIONS, tmp_path)
    for section, cls, method, output, kind in run:
        path = target / BY_NAME[section].file
        wrapper = CORRUPT.format(kind=kind, cls=cls, method=method, change=CHANGES[output])
        text = path.read_text(encoding="utf-8") + textwrap.dedent(wrapper)
        path.write_text(text, encoding="utf-8")
    code, report, output_text = run_checker(target)
    summary = report["checker"]
    assert code == 1, output_text
    assert "Traceback" not in output_text
    assert summary["checker_fault"] is False, output_text
    verdicts = [test["metadata"]["verdict"] for test in report["tests"] if "metadata" in test]
    assert "checker_error" not in verdicts, output_text
    corrupted = {c[0] for c in run}
    assert [s.name for s in SECTIONS] == list(summary["sections"])
    for name, result in summary["sections"].items():
        if name in corrupted:
            assert result["status"] in ("failed", "error"), (name, result)
            assert result["score"] < result["max_score"]
        else:
            assert result["status"] == "passed", (name, result)
