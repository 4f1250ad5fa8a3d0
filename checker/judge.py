"""The judge's tools: the truth, the comparisons, and messages in terms of the math.

Everything here runs in the pytest process, never in a worker. The truth is
computed from each layer's *definition* (its forward formula) by central
differences, so no student code, and no reference backward, decides a grade.
"""

import re

import numpy as np

from checker.i18n import english, join, t

# Calibrated on solutions/ over many seeds: see checker/calibration/README.md.
FORWARD_TOLERANCE = 1e-7
LAYER_GRADIENT_TOLERANCE = 1e-6
NET_GRADIENT_TOLERANCE = 1e-5
# Gradient entries near 0 (a sum of terms that nearly cancel) get a central difference that is
# mostly rounding, so for gradients rel_error's floor is this fraction of the largest entry of
# the true gradient, not CS231n's fixed 1e-8.
GRADIENT_FLOOR_FRACTION = 1e-3
MISTAKE_MATCH_TOLERANCE = 1e-6  # how close an output must be to a known mistake to name it
PARAM_KEYS = ("W1", "b1", "W2", "b2")


class Wrong(AssertionError):
    """A test found a mistake. `method` and `message` are shown to the learner.

    method: a code name ("Relu.backward"), or a Message when it says more ("Relu.backward
    (round 2)"); message: a Message (checker.i18n.t).
    topic: what the mistake is about, for the hint that fits it (manifest.Section.hint_for):
    "shape", "inputs" (an input array changed), or by default the method's step, e.g.
    "backward" for "Relu.backward (round 2)"; mistake: the catalog key of a known mistake the
    output matched, which may have a hint of its own."""

    def __init__(self, method, message, topic=None, mistake=None):
        super().__init__(f"{method}: {message}")
        self.method = method
        self.message = message
        self.mistake = mistake
        step = re.search(r"\.(\w+)", english(method))
        self.topic = topic or (step.group(1) if step else None)


def gradient_floor(truth):
    return max(1e-8, GRADIENT_FLOOR_FRACTION * float(np.max(np.abs(truth), initial=0.0)))


def rel_error(x, y, floor=1e-8):
    """CS231n's relative error: max over elements of |x - y| / max(floor, |x| + |y|).

    Defined for every input: equal entries (infinities and NaNs included) differ by 0; a NaN
    or an infinity against a number is infinitely wrong; two finite numbers whose sum
    overflows differ by at most 1, as any two finite numbers do."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    with np.errstate(all="ignore"):
        error = np.abs(x - y) / np.maximum(floor, np.abs(x) + np.abs(y))
        same = (x == y) | (np.isnan(x) & np.isnan(y))
        both_finite = np.isfinite(x) & np.isfinite(y)
        error = np.where(same, 0.0, np.where(np.isnan(error) & both_finite, 1.0, error))
        error = np.where(np.isnan(error), np.inf, error)
    return float(np.max(error, initial=0.0))


def number(value, digits=6):
    """A number for a message, whatever it is: 1.1, nan, inf, -inf; never raises."""
    try:
        value = float(value)
    except (TypeError, ValueError, OverflowError):
        return "?"
    if not np.isfinite(value):
        return str(value)  # nan, inf, -inf
    return f"{value:.{digits}g}"


# What each comparison measured in the current test, for the report and for calibration.
observed = []


# Facts a test reports besides its measurements (the integration check's accuracy and steps).
details = {}


def record(what, value, limit):
    observed.append({"what": what, "value": float(value), "limit": float(limit)})


def numerical_vjp(f, args, dout, h=1e-5):
    """Gradients of L = sum(dout * f(**args)) with respect to each argument, by central difference.

    Only the outputs that a perturbation changes contribute to the difference,
    so rounding stays relative to those outputs, not to the whole sum.
    """
    grads = {}
    for name, value in args.items():
        value = np.asarray(value, dtype=float)
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            plus, minus = value.copy(), value.copy()
            plus[index] += h
            minus[index] -= h
            f_plus = np.asarray(f(**{**args, name: plus}))
            f_minus = np.asarray(f(**{**args, name: minus}))
            grad[index] = np.sum(dout * (f_plus - f_minus)) / (2 * h)
        grads[name] = grad
    return grads


def shape_of(value):
    return tuple(np.shape(value))


# Names of the values the scenarios return, by role (memory_links in scenarios.py names them).
PARAMETERS = {"W": "W", "b": "b", **{f"params_{k}": f"self.params['{k}']" for k in PARAM_KEYS}}
GRADIENTS = frozenset({"dx", "dy", "dW", "db", *PARAM_KEYS})


def expect_array(outputs, name, method, what=None, if_none=None):
    """The output `name` as the student's code returned it, once it meets the output contract;
    else a Wrong naming the rule it breaks.

    The contract, checked on the facts the worker recorded (scenarios.encode) and on the array
    itself: an ndarray exactly (no np.matrix or other subclass, no list or tuple), of a float
    dtype of at least 32 bits (float32 is fine; bool, integers, float16 and complex are not),
    and no memory shared where a network would be hurt by it: dx with dy, a gradient or an
    output with a parameter (expect_own_memory). Shape and values are checked after this.
    Scalars (the chapter's graphs, MulLayer and AddLayer on Python floats): a Python or numpy
    number or a 0-d array, of a float or an integer type (the book's own dtax is the int 200);
    the value decides, and an int that lost a fraction is named as such (expect_close).
    if_none: a Message, what to do about a missing value (default: return it)."""
    what = what or name
    facts = outputs.meta.get(name, {})
    kind = facts.get("kind", "ndarray")
    if name not in outputs.arrays or kind in ("none", "other"):
        expect_present(facts, what, method, if_none)
    array = outputs.arrays[name]
    if kind == "matrix":
        raise Wrong(method, t("judge.contract.matrix", what=what))
    if kind == "ndarray_subclass":
        raise Wrong(method, t("judge.contract.subclass", what=what, type=facts.get("type", "?")))
    if kind == "list":
        raise Wrong(method, t("judge.contract.list", what=what))
    if kind == "tuple":
        count = facts.get("count", 0)
        if count == 1:
            raise Wrong(method, t("judge.contract.trailing_comma", what=what))
        raise Wrong(method, t("judge.contract.tuple", what=what, count=count))
    if array.dtype.kind == "c":
        raise Wrong(method, t("judge.complex", what=what, dtype=str(array.dtype)))
    if kind == "bool" or array.dtype.kind == "b":
        raise Wrong(method, t("judge.contract.bool", what=what))
    if array.dtype.kind in "iu" and array.ndim > 0:
        raise Wrong(method, t("judge.contract.integer", what=what, dtype=str(array.dtype)))
    if array.dtype.kind == "f" and array.dtype.itemsize < 4:
        raise Wrong(method, t("judge.contract.half", what=what, dtype=str(array.dtype)))
    expect_own_memory(name, facts.get("shares", []), what, method)
    return array


def expect_present(facts, what, method, if_none):
    """A Wrong for a value that is not a number or an array of numbers (None, a string, ...)."""
    kind, type_name = facts.get("kind"), facts.get("type")
    if kind == "none":
        returned = t("judge.returned_none")
    elif kind is None and type_name is None:
        returned = t("judge.returned_nothing")
    else:
        returned = t("judge.returned_a", kind=type_name or "?")
    advice = if_none or t("judge.return_it")
    raise Wrong(method, t("judge.not_an_array", what=what, returned=returned, advice=advice))


def expect_own_memory(name, shares, what, method):
    """dx and dy share no memory, and a gradient or an output none with a parameter (links
    from scenarios.memory_links). Other gradients that share memory have different shapes (one
    is another parameter's gradient): the shape check, which comes next, says more."""
    for other in shares:
        if {name, other} == {"dx", "dy"}:
            raise Wrong(method, t("judge.contract.shares_dout", what=what, other=other))
        if other in PARAMETERS and (name in GRADIENTS or name == "out"):
            message = t("judge.contract.shares_parameter", what=what, other=PARAMETERS[other])
            raise Wrong(method, message)


def expect_shape(actual, expected_shape, method, what, advice=None):
    """Check a shape before any value; advice maps a known wrong shape to what to do (a Message)."""
    shape = shape_of(actual)
    expected_shape = tuple(expected_shape)
    if shape == expected_shape:
        return
    values = {"what": what, "shape": str(shape), "expected": str(expected_shape)}
    text = t("judge.shape", **values)
    for wrong_shape, tip in (advice or {}).items():
        if shape == tuple(wrong_shape):
            text = t("judge.shape_advice", **values, advice=tip)
            break
    raise Wrong(method, text, topic="shape")


def expect_close(
    actual,
    truth,
    method,
    what,
    tolerance,
    mistakes=(),
    detail="",
    floor=1e-8,
    positions=None,
    where=None,
):
    """Compare values by rel_error; name a known mistake when the output matches one exactly.

    mistakes: (array a known mistake would produce, advice) pairs; advice and detail are
    Messages (checker.i18n.t).
    positions: for 1-D values picked from a larger array, what to call each entry (Messages).
    where: {name: array of actual's shape}, the inputs to quote at a wrong entry ("where x is
    exactly 0").
    Every path is defined for every value (NaN, infinities, integers): it raises only Wrong.
    """
    actual_values = np.asarray(actual)
    truth = np.asarray(truth, dtype=float)
    values = actual_values.astype(float)
    error = rel_error(values, truth, floor)
    record(f"{english(method)}: {english(what)}", error, tolerance)  # in English, for calibration
    if error <= tolerance:
        return

    def at(index):
        if positions is not None:  # checked entries picked from a larger array: the real one
            return t("judge.at", position=positions[index[0]])
        return t("judge.at", position=index_name(index)) if np.ndim(truth) else ""

    def context(index):
        return described_input(where, index) if where else ""

    not_finite = ~np.isfinite(values) & np.isfinite(truth)
    if np.any(not_finite):
        index = first_index(not_finite)
        found = number(values[index])
        key = "judge.not_finite.nan" if found == "nan" else "judge.not_finite.inf"
        message = t(key, what=what, value=found, at=at(index), where=context(index))
        raise Wrong(method, join([message, detail]))
    matches = []
    for candidate, advice in mistakes:
        if matches_mistake(values, candidate, truth, floor) and advice not in matches:
            matches.append(advice)
    # An int where the truth has a fraction may have been cut off, by int() or an array made
    # like an integer input. Alongside a known mistake that gives the same numbers, both are named.
    lost = None
    if actual_values.dtype.kind in "iu":
        for candidate in (np.trunc(truth), np.round(truth)):
            if lost is None and matches_mistake(values, candidate, truth, floor):
                lost = t("judge.integer_lost", dtype=str(actual_values.dtype))
    if len(matches) == 1 and lost is not None:
        raise Wrong(method, t("judge.wrong_either", what=what, advice=matches[0], other=lost))
    if len(matches) == 1 or (not matches and lost is not None):
        # two known mistakes that give the same numbers here cannot be told apart
        advice = matches[0] if matches else lost
        message = t("judge.wrong_because", what=what, advice=advice)
        raise Wrong(method, message, mistake=getattr(advice, "key", None))
    with np.errstate(all="ignore"):
        worst = first_index(np.abs(values - truth) == np.max(np.abs(values - truth)))
    got, expected = values[worst], truth[worst]
    digits = 6 if not error <= 1e-4 else int(np.ceil(-np.log10(max(error, 1e-16)))) + 2
    wrong = t(
        "judge.wrong_value",
        what=what,
        at=at(worst),
        got=number(got, digits),
        expected=number(expected, digits),
        error=number(error, 2),
        tolerance=f"{tolerance:g}",
    )
    raise Wrong(method, join([wrong, detail]))


def matches_mistake(values, candidate, truth, floor):
    """The output is what a known mistake gives, and that differs from the truth."""
    with np.errstate(all="ignore"):
        candidate = np.broadcast_to(np.asarray(candidate, dtype=float), np.shape(truth))
    distinct = rel_error(candidate, truth, floor) > 1e-3
    return distinct and rel_error(values, candidate, floor) <= MISTAKE_MATCH_TOLERANCE


def first_index(mask):
    """The index of the first True entry of a boolean array (() for a 0-d one)."""
    mask = np.asarray(mask)
    if mask.ndim == 0:
        return ()
    flat = np.flatnonzero(mask)
    return np.unravel_index(int(flat[0]) if flat.size else 0, mask.shape)


def described_input(where, index):
    """ ", where x is exactly 0" or ", where x = -0.53": the input at one entry, to quote in a
    message (the first of `where` whose shape fits)."""
    for name, array in where.items():
        array = np.asarray(array, dtype=float)
        if array.ndim != len(index):
            continue
        value = array[index]
        if value == 0:
            return t("judge.where.zero", name=name)
        return t("judge.where.value", name=name, value=number(value, 3))
    return ""


def index_name(index):
    """ "index (0, 2)", what to call an entry of an array in a message."""
    return t("judge.index", index=str(tuple(int(i) for i in index)))


def expect_gradient(
    actual, truth, method, what, tolerance, mistakes=(), detail="", positions=None, where=None
):
    """expect_close for gradients: rel_error's floor follows the size of the true gradient."""
    floor = gradient_floor(truth)
    expect_close(actual, truth, method, what, tolerance, mistakes, detail, floor, positions, where)


def expect_number(outputs, name, expected, method, what, tolerance=1e-9, mistakes=()):
    value = expect_array(outputs, name, method, what)
    expect_shape(value, (), method, what, advice=None)
    expect_close(value, expected, method, what, tolerance, mistakes)


__all__ = [
    "Wrong",
    "rel_error",
    "numerical_vjp",
    "expect_array",
    "expect_shape",
    "expect_close",
    "expect_gradient",
    "expect_number",
]


# --- The truth for TwoLayerNet -----------------------------------------------------------------


class KinkCrossed(Exception):
    """A perturbation moved a hidden pre-activation across 0, where ReLU has no derivative."""


class TwoLayerNetLoss:
    """Mean cross-entropy of softmax(relu(x @ W1 + b1) @ W2 + b2), which gradient() differentiates.

    Written from the definition with a stable log-softmax and without the book's
    1e-7, whose tiny slope is not part of what backprop computes.
    """

    def __init__(self, x, t):
        self.x = np.asarray(x, dtype=float)
        t = np.asarray(t)
        self.labels = t.argmax(axis=1) if t.ndim == 2 else t.astype(int)

    def from_scores(self, scores):
        """Loss for scores of shape (..., N, C): one loss per leading index."""
        scores = scores - scores.max(axis=-1, keepdims=True)
        log_probs = scores - np.log(np.exp(scores).sum(axis=-1, keepdims=True))
        picked = log_probs[..., np.arange(len(self.labels)), self.labels]  # (..., N)
        return -picked.mean(axis=-1)

    def from_pre_activation(self, pre_activation, params):
        """Loss for hidden pre-activations of shape (..., N, H)."""
        return self.from_scores(np.maximum(pre_activation, 0.0) @ params["W2"] + params["b2"])

    def pre_activation(self, params):
        return self.x @ params["W1"] + params["b1"]

    def __call__(self, params):
        return float(self.from_pre_activation(self.pre_activation(params), params))

    def directional(self, params, direction, h):
        """(L(p + h v) - L(p - h v)) / 2h, refusing to step across a ReLU kink."""
        plus = {k: params[k] + h * direction.get(k, 0.0) for k in PARAM_KEYS}
        minus = {k: params[k] - h * direction.get(k, 0.0) for k in PARAM_KEYS}
        signs = self.pre_activation(params) > 0
        for stepped in (plus, minus):
            if np.any((self.pre_activation(stepped) > 0) != signs):
                raise KinkCrossed
        return (self(plus) - self(minus)) / (2 * h)


class GradientCheck:
    """Which parts of the gradient to check, and their central differences.

    Every entry of b1, W2 and b2; a sample of W1 (mostly rows whose pixels are
    not all 0 in the batch, where the gradient is not trivially 0); and a few
    random directions through all parameters, which catch errors anywhere in W1.
    Each coordinate is perturbed on its own, as in the book's numerical_gradient;
    the perturbations are batched as arrays only for speed.
    """

    H = 1e-5

    def __init__(self, rng, loss, params, w1_entries=40, directions=4):
        D, hidden = params["W1"].shape
        self.coords = {key: list(np.ndindex(params[key].shape)) for key in ("b1", "W2", "b2")}
        active_rows = np.flatnonzero(np.any(loss.x != 0, axis=0))
        rows = rng.choice(active_rows, size=w1_entries * 3 // 4)
        rows = np.concatenate([rows, rng.integers(0, D, w1_entries - len(rows))])
        cols = rng.integers(0, hidden, w1_entries)
        self.coords["W1"] = list(zip(rows.tolist(), cols.tolist(), strict=True))
        self.directions = []
        for _ in range(directions):
            v = {k: rng.normal(size=params[k].shape) for k in PARAM_KEYS}
            norm = np.sqrt(sum(np.sum(a * a) for a in v.values()))
            self.directions.append({k: a / norm for k, a in v.items()})

    def compute(self, loss, params):
        """Central differences at the chosen coordinates and directions. May raise KinkCrossed."""
        h = self.H
        pre = loss.pre_activation(params)  # (N, H)
        hidden = np.maximum(pre, 0.0)
        scores = hidden @ params["W2"] + params["b2"]  # (N, C)
        C = scores.shape[1]

        def difference(plus, minus):
            return (loss.from_scores(plus) - loss.from_scores(minus)) / (2 * h)

        # b2[j] moves scores[:, j]; W2[i, j] moves scores[:, j] by hidden[:, i].
        unit_scores = np.eye(C)[:, None, :]  # (C, 1, C)
        b2 = difference(scores + h * unit_scores, scores - h * unit_scores)
        step = np.einsum("ni,jc->ijnc", hidden, np.eye(C)).reshape(-1, *scores.shape)
        W2 = difference(scores + h * step, scores - h * step)

        # b1[j] moves pre[:, j]; W1[i, j] moves pre[:, j] by x[:, i]. Neither may cross 0.
        def pre_steps(columns, amounts):  # amounts: (K, N)
            steps = np.zeros((len(columns), *pre.shape))
            steps[np.arange(len(columns)), :, columns] = amounts
            if np.any(np.abs(pre[:, columns].T) <= np.abs(amounts)):
                raise KinkCrossed
            plus = loss.from_pre_activation(pre + steps, params)
            minus = loss.from_pre_activation(pre - steps, params)
            return (plus - minus) / (2 * h)

        hidden_size = pre.shape[1]
        b1 = pre_steps(np.arange(hidden_size), np.full((hidden_size, pre.shape[0]), h))
        rows, cols = (np.array(c) for c in zip(*self.coords["W1"], strict=True))
        W1 = pre_steps(cols, h * loss.x[:, rows].T)

        directions = np.array([loss.directional(params, v, h) for v in self.directions])
        return {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "directions": directions}

    def positions(self, key):
        """What to call each picked entry of `key` in a message."""
        if key == "directions":
            return [t("judge.direction", number=i + 1) for i in range(len(self.directions))]
        return [index_name(coords) for coords in self.coords[key]]

    def pick(self, grads):
        """The same numbers, taken from analytic gradients."""
        picked = {
            key: np.array([grads[key][i] for i in coords]) for key, coords in self.coords.items()
        }
        picked["directions"] = np.array(
            [sum(np.sum(grads[k] * v[k]) for k in PARAM_KEYS) for v in self.directions]
        )
        return picked


def draw_net_params(rng, sizes=(784, 50, 10)):
    """Weights large enough for gradients well above rounding, small enough to stay smooth."""
    D, H, C = sizes
    return {
        "W1": rng.normal(0, 0.05, (D, H)),
        "b1": rng.normal(0, 0.05, H),
        "W2": rng.normal(0, 0.3, (H, C)),
        "b2": rng.normal(0, 0.1, C),
    }


def net_truth(rng, *batches, attempts=20):
    """(params, check, [numerical values per (x, t) batch]).

    Params are redrawn while a difference step for any batch would cross a ReLU kink.
    """
    losses = [TwoLayerNetLoss(x, t) for x, t in batches]
    for _ in range(attempts):
        params = draw_net_params(rng)
        check = GradientCheck(rng, losses[0], params)
        try:
            return params, check, [check.compute(loss, params) for loss in losses]
        except KinkCrossed:
            continue
    raise RuntimeError("could not find weights away from every ReLU kink")


def net_lifetime_truth(rng, batches, step_scale=0.1, attempts=20):
    """(params, steps, check, truths) for one net over several batches with SGD-like steps.

    steps[i] (none for the first batch) is subtracted from the params in place before
    gradient() on batches[i]; truths[i] is the numerical gradient at those params.
    """
    losses = [TwoLayerNetLoss(x, t) for x, t in batches]
    for _ in range(attempts):
        params = draw_net_params(rng)
        steps = [None] + [
            {k: step_scale * rng.normal(0, np.std(v), v.shape) for k, v in params.items()}
            for _ in batches[1:]
        ]
        check = GradientCheck(rng, losses[0], params)
        current, truths = params, []
        try:
            for loss, step in zip(losses, steps, strict=True):
                if step is not None:
                    current = {k: current[k] - step[k] for k in PARAM_KEYS}
                truths.append(check.compute(loss, current))
            return params, steps, check, truths
        except KinkCrossed:
            continue
    raise RuntimeError("could not find weights away from every ReLU kink")
