"""exercises/ and solutions/ share files, classes, signatures and docstrings; stubs are stubs."""

import ast
import importlib
import inspect
from pathlib import Path

import numpy as np
import pytest

from checker.manifest import SECTIONS

REPO = Path(__file__).resolve().parents[1]
EXERCISES = REPO / "exercises"
SOLUTIONS = REPO / "solutions"
GIVEN_FILES = ["functions.py", "softmax_with_loss.py"]


def python_files(folder):
    return sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")


def interface(path):
    """Module docstring, and for each class and function: signature and docstring."""
    tree = ast.parse(path.read_text())
    found = {"<module>": ast.get_docstring(tree)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found[node.name] = ast.get_docstring(node)
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[f"{node.name}.{item.name}"] = (
                        ast.dump(item.args),
                        ast.get_docstring(item),
                    )
        elif isinstance(node, ast.FunctionDef) and node.col_offset == 0:
            found[node.name] = (ast.dump(node.args), ast.get_docstring(node))
    return found


def test_same_files():
    assert python_files(EXERCISES) == python_files(SOLUTIONS)
    assert sorted([s.file for s in SECTIONS] + GIVEN_FILES) == python_files(EXERCISES)


@pytest.mark.parametrize("name", python_files(SOLUTIONS))
def test_same_classes_signatures_and_docstrings(name):
    assert interface(EXERCISES / name) == interface(SOLUTIONS / name)


@pytest.mark.parametrize("name", GIVEN_FILES)
def test_given_files_are_identical(name):
    assert (EXERCISES / name).read_text() == (SOLUTIONS / name).read_text()


def stubbed_methods(path):
    """(class, method) pairs whose body ends in `raise NotImplementedError`."""
    tree = ast.parse(path.read_text())
    return [
        (cls.name, item.name)
        for cls in tree.body
        if isinstance(cls, ast.ClassDef)
        for item in cls.body
        if isinstance(item, ast.FunctionDef)
        and isinstance(item.body[-1], ast.Raise)
        and getattr(item.body[-1].exc, "id", None) == "NotImplementedError"
    ]


EXPECTED_STUBS = {
    "mul_layer": [("MulLayer", "forward"), ("MulLayer", "backward")],
    "add_layer": [("AddLayer", "forward"), ("AddLayer", "backward")],
    "relu": [("Relu", "forward"), ("Relu", "backward")],
    "sigmoid": [("Sigmoid", "forward"), ("Sigmoid", "backward")],
    "affine": [("Affine", "forward"), ("Affine", "backward")],
    "two_layer_net": [("TwoLayerNet", "gradient")],
}


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)
def test_every_stub_has_a_todo_and_raises_not_implemented(section):
    path = EXERCISES / section.file
    assert stubbed_methods(path) == EXPECTED_STUBS[section.name]
    assert stubbed_methods(SOLUTIONS / section.file) == []
    source = path.read_text()
    assert source.count("# TODO") == len(EXPECTED_STUBS[section.name])


def call_every_stub(package):
    """Call each stubbed method; return the ones that raised NotImplementedError."""
    raised = []

    def attempt(label, fn, *args):
        try:
            fn(*args)
        except NotImplementedError:
            raised.append(label)

    x = np.ones((2, 3))
    for module, cls in [("mul_layer", "MulLayer"), ("add_layer", "AddLayer")]:
        layer = getattr(importlib.import_module(f"{package}.{module}"), cls)()
        attempt(f"{cls}.forward", layer.forward, 2.0, 3.0)
        attempt(f"{cls}.backward", layer.backward, 1.0)
    for module, cls in [("relu", "Relu"), ("sigmoid", "Sigmoid")]:
        layer = getattr(importlib.import_module(f"{package}.{module}"), cls)()
        attempt(f"{cls}.forward", layer.forward, x)
        attempt(f"{cls}.backward", layer.backward, x)
    affine = importlib.import_module(f"{package}.affine").Affine(np.ones((3, 4)), np.zeros(4))
    attempt("Affine.forward", affine.forward, x)
    attempt("Affine.backward", affine.backward, np.ones((2, 4)))
    net_class = importlib.import_module(f"{package}.two_layer_net").TwoLayerNet
    if package == "exercises":
        # Its layers are stubs too, so gradient() is called on a net built from the reference.
        net_module = importlib.import_module("solutions.two_layer_net")
        net = net_module.TwoLayerNet(3, 4, 2)
        net.gradient = net_class.gradient.__get__(net)
    else:
        net = net_class(3, 4, 2)
    attempt("TwoLayerNet.gradient", net.gradient, x, np.array([0, 1]))
    return raised


def test_every_stub_raises_not_implemented_and_no_solution_does():
    expected = [f"{cls}.{method}" for stubs in EXPECTED_STUBS.values() for cls, method in stubs]
    assert call_every_stub("exercises") == expected
    assert call_every_stub("solutions") == []


def test_stub_docstrings_state_shapes_and_local_derivatives():
    for section in SECTIONS:
        module = importlib.import_module(f"exercises.{section.file.removesuffix('.py')}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            text = inspect.getdoc(cls) + "".join(
                inspect.getdoc(m) or "" for _, m in inspect.getmembers(cls, inspect.isfunction)
            )
            assert "shape" in text, cls
            assert "derivative" in text or "chain rule" in text.lower(), cls
