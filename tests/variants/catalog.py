"""Realistic wrong implementations (mutants) and valid alternatives, as edits of solutions/.

Each Variant names its section, the file it edits, and (old, new) text edits
applied to the reference file; an edit whose `old` text is missing fails the
test, so the catalog cannot drift away from solutions/. A mutant also names a
phrase the learner's message must contain.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    name: str
    section: str
    edits: tuple  # ((old, new), ...) on solutions/<section file>
    message: str = ""  # mutants: the message must contain this
    # mutants: the test that must fail with that message, when not the section's first failure
    # (a layer caught by its network test may fail other tests first)
    test: str = ""


def mutant(name, section, message, *edits, test=""):
    return Variant(name, section, edits, message, test)


def alternative(name, section, *edits):
    return Variant(name, section, edits)


MUTANTS = [
    # --- MulLayer
    mutant(
        "mul_backward_not_swapped",
        "mul_layer",
        "either dx uses the same input (MulLayer swaps them: dx = dout * y), or dx and dy are returned in the wrong order",
        (
            "dx = dout * self.y\n        dy = dout * self.x",
            "dx = dout * self.x\n        dy = dout * self.y",
        ),
    ),
    mutant(
        "mul_backward_ignores_dout",
        "mul_layer",
        "ignores dout",
        ("dx = dout * self.y\n        dy = dout * self.x", "dx = self.y\n        dy = self.x"),
    ),
    mutant(
        "mul_forward_adds",
        "mul_layer",
        "it adds x and y",
        ("return x * y", "return x + y"),
    ),
    mutant(
        "mul_backward_passes_dout_through",
        "mul_layer",
        "passes the gradient through unchanged",
        ("dx = dout * self.y\n        dy = dout * self.x", "dx = dout\n        dy = dout"),
    ),
    mutant(
        "mul_backward_returns_one_value",
        "mul_layer",
        "must return two values",
        ("return dx, dy", "return dx"),
    ),
    mutant(
        "mul_forward_forgets_inputs",
        "mul_layer",
        "raised TypeError",
        ("self.x = x\n        self.y = y\n        return x * y", "return x * y"),
    ),
    # --- AddLayer
    mutant(
        "add_backward_ignores_dout",
        "add_layer",
        "ignores dout",
        ("dx = dout * 1\n        dy = dout * 1", "dx = 1\n        dy = 1"),
    ),
    mutant(
        "add_backward_like_mul",
        "add_layer",
        "like MulLayer",
        ("        return x + y", "        self.x, self.y = x, y\n        return x + y"),
        ("dx = dout * 1\n        dy = dout * 1", "dx = dout * self.y\n        dy = dout * self.x"),
    ),
    mutant(
        "add_forward_multiplies",
        "add_layer",
        "it multiplies x and y",
        ("return x + y", "return x * y"),
    ),
    mutant(
        "add_backward_drops_dy",
        "add_layer",
        "it is 0",
        ("dy = dout * 1", "dy = dout * 0"),
    ),
    # --- Relu
    mutant(
        "relu_mask_inverted",
        "relu",
        "inverted",
        ("self.mask = x <= 0", "self.mask = x > 0"),
    ),
    mutant(
        "relu_backward_mask_inverted",
        "relu",
        "the mask is inverted",
        ("dx[self.mask] = 0", "dx[~self.mask] = 0"),
    ),
    mutant(
        "relu_backward_returns_dout",
        "relu",
        "returns dout unchanged where x <= 0",
        ("dx = dout.copy()\n        dx[self.mask] = 0\n        return dx", "return dout"),
    ),
    mutant(
        "relu_backward_ignores_dout",
        "relu",
        "ignores dout",
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return (~self.mask).astype(float)",
        ),
    ),
    mutant(
        "relu_forward_returns_mask",
        "relu",
        "returns the mask",
        (
            "out = x.copy()\n        out[self.mask] = 0\n        return out",
            "return (~self.mask).astype(float)",
        ),
    ),
    # --- Sigmoid
    mutant(
        "sigmoid_backward_uses_x",
        "sigmoid",
        "it uses x, the forward input",
        (
            "        out = 1 / (1 + np.exp(-x))\n",
            "        self.x = x\n        out = 1 / (1 + np.exp(-x))\n",
        ),
        ("return dout * (1.0 - self.out) * self.out", "return dout * (1.0 - self.x) * self.x"),
    ),
    mutant(
        "sigmoid_backward_ignores_dout",
        "sigmoid",
        "ignores dout",
        ("return dout * (1.0 - self.out) * self.out", "return (1.0 - self.out) * self.out"),
    ),
    mutant(
        "sigmoid_forward_sign_flipped",
        "sigmoid",
        "the sign is flipped",
        ("out = 1 / (1 + np.exp(-x))", "out = 1 / (1 + np.exp(x))"),
    ),
    mutant(
        "sigmoid_backward_missing_one_minus_out",
        "sigmoid",
        "missing the factor (1 - out)",
        ("return dout * (1.0 - self.out) * self.out", "return dout * self.out"),
    ),
    mutant(
        "sigmoid_backward_out_squared",
        "sigmoid",
        "out * out",
        ("return dout * (1.0 - self.out) * self.out", "return dout * self.out * self.out"),
    ),
    # --- Affine
    mutant(
        "affine_db_not_summed",
        "affine",
        "db has shape (4, 3), expected (3,): sum dout over the batch axis",
        ("self.db = np.sum(dout, axis=0)", "self.db = dout"),
    ),
    mutant(
        "affine_dW_transposed",
        "affine",
        "dW has shape (3, 5), expected (5, 3): dW = x.T @ dout",
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.dot(dout.T, self.x)"),
    ),
    mutant(
        "affine_copies_W",
        "affine",
        "keeps a copy of W or b",
        ("self.W = W\n", "self.W = W.copy()\n"),
    ),
    mutant(
        "affine_dx_not_reshaped",
        "affine",
        "reshape dx back to the original shape of x",
        ("return dx.reshape(self.original_x_shape)", "return dx"),
    ),
    mutant(
        "affine_db_mean",
        "affine",
        "the mean of dout",
        ("self.db = np.sum(dout, axis=0)", "self.db = np.mean(dout, axis=0)"),
    ),
    mutant(
        "affine_forgets_bias",
        "affine",
        "forgets the bias",
        ("return np.dot(self.x, self.W) + self.b", "return np.dot(self.x, self.W)"),
    ),
    mutant(
        "affine_dx_uses_W_untransposed",
        "affine",
        "with W transposed",
        ("dx = np.dot(dout, self.W.T)", "dx = np.dot(dout, self.W)"),
    ),
    mutant(
        "affine_db_keepdims",
        "affine",
        "without keepdims",
        ("self.db = np.sum(dout, axis=0)", "self.db = np.sum(dout, axis=0, keepdims=True)"),
    ),
    mutant(
        "affine_does_not_flatten",
        "affine",
        "the product x·W needs one row per example",
        ("self.x = x.reshape(x.shape[0], -1)", "self.x = x"),
    ),
    mutant(  # the same with @: numpy's matmul names no shapes
        "affine_does_not_flatten_with_matmul",
        "affine",
        "the product x·W needs one row per example",
        ("self.x = x.reshape(x.shape[0], -1)", "self.x = x"),
        ("np.dot(self.x, self.W)", "self.x @ self.W"),
    ),
    mutant(
        "affine_dW_ignores_dout",
        "affine",
        "it ignores dout: dW = x.T @ dout",
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.dot(self.x.T, np.ones_like(dout))"),
    ),
    # --- TwoLayerNet.gradient
    mutant(
        "net_layers_not_reversed",
        "two_layer_net",
        "REVERSE order",
        (
            "for layer in reversed(list(self.layers.values())):",
            "for layer in self.layers.values():",
        ),
    ),
    mutant(
        "net_skips_forward_pass",
        "two_layer_net",
        "forward",
        ("        self.loss(x, t)\n\n        dout", "        dout"),
    ),
    mutant(
        "net_numerical_in_disguise",
        "two_layer_net",
        "numerical differentiation",
        (
            "        self.loss(x, t)\n\n        dout",
            "        return self.numerical_gradient(x, t)\n        dout",
        ),
    ),
    mutant(
        "net_skips_last_layer",
        "two_layer_net",
        "received dout of shape ()",
        ("dout = self.lastLayer.backward(1)", "dout = 1"),
    ),
    mutant(
        "net_swapped_layers_for_grads",
        "two_layer_net",
        "grads['W1'] has shape (50, 10), expected (784, 50): that is the shape of W2; take grads['W1'] from Affine1",
        ('"W1": self.layers["Affine1"].dW', '"W1": self.layers["Affine2"].dW'),
    ),
    mutant(
        "net_updates_params",
        "two_layer_net",
        "changed self.params",
        (
            '        return {\n            "W1"',
            '        for key, layer in (("W1", "Affine1"), ("W2", "Affine2")):\n'
            "            self.params[key] -= 0.1 * self.layers[layer].dW\n"
            '        return {\n            "W1"',
        ),
    ),
    mutant(
        "net_gradient_ascent",
        "two_layer_net",
        "wrong sign",
        ("dout = self.lastLayer.backward(1)", "dout = -self.lastLayer.backward(1)"),
    ),
    mutant(
        "net_returns_list",
        "two_layer_net",
        "must return a dict",
        ('        return {\n            "W1"', '        return [\n            {"W1"'),
        (
            '            "b2": self.layers["Affine2"].db,\n        }',
            '            "b2": self.layers["Affine2"].db,\n        }]',
        ),
    ),
]

MUTANTS += [
    mutant(
        "mul_backward_returns_dy_dx",
        "mul_layer",
        "either dx uses the same input (MulLayer swaps them: dx = dout * y), or dx and dy are returned in the wrong order",
        ("return dx, dy", "return dy, dx"),
    ),
    mutant(
        "mul_inputs_kept_on_the_class",
        "mul_layer",
        "it used the inputs of the other MulLayer (layer 2)",
        (
            "self.x = x\n        self.y = y\n        return x * y",
            "MulLayer.x = x\n        MulLayer.y = y\n        return x * y",
        ),
        (
            "dx = dout * self.y\n        dy = dout * self.x",
            "dx = dout * MulLayer.y\n        dy = dout * MulLayer.x",
        ),
    ),
    mutant(
        "relu_forward_returns_input",
        "relu",
        "it returns x unchanged",
        ("out = x.copy()\n        out[self.mask] = 0\n        return out", "return x"),
    ),
    mutant(
        "sigmoid_forward_keeps_x_as_out",
        "sigmoid",
        "it uses x, the forward input",
        ("self.out = out", "self.out = x"),
    ),
    mutant(
        "affine_dW_not_stored",
        "affine",
        "did not set self.dW",
        ("self.dW = np.dot(self.x.T, dout)", "dW = np.dot(self.x.T, dout)"),
    ),
    mutant(
        "net_skips_first_layer",
        "two_layer_net",
        "Did the backward pass reach Affine1",
        (
            "for layer in reversed(list(self.layers.values())):",
            "for layer in reversed(list(self.layers.values())[1:]):",
        ),
    ),
    mutant(
        "net_grads_from_misspelled_attribute",
        "two_layer_net",
        "raised AttributeError",
        ('"b1": self.layers["Affine1"].db', '"b1": self.layers["Affine1"].dB'),
    ),
]

# --- What a layer returns (the output contract, judge.expect_array): the value as returned,
# not a converted copy; NaN and infinities are the student's failure, never the checker's.
MUTANTS += [
    mutant(
        "relu_backward_trailing_comma",
        "relu",
        "is there a trailing comma after it",
        ("dx[self.mask] = 0\n        return dx", "dx[self.mask] = 0\n        return dx,"),
    ),
    mutant(
        "relu_backward_bool_from_zeros_like_mask",
        "relu",
        "holds True/False values (dtype bool), not numbers",
        (
            "dx = dout.copy()\n        dx[self.mask] = 0",
            "dx = np.zeros_like(self.mask)\n        dx[~self.mask] = dout[~self.mask]",
        ),
        ('"""Section 3', 'import numpy as np\n\n"""Section 3'),
    ),
    mutant(
        "relu_slope_divides_by_x",
        "relu",
        "is NaN at index",
        (
            "out = x.copy()\n        out[self.mask] = 0\n        return out",
            "return x * (x / np.abs(x) + 1) / 2",
        ),
        ('"""Section 3', 'import numpy as np\n\n"""Section 3'),
    ),
    mutant(
        "relu_backward_nan",
        "relu",
        "is NaN at index",
        ("dx = dout.copy()", "dx = dout * np.nan"),
        ('"""Section 3', 'import numpy as np\n\n"""Section 3'),
    ),
    mutant(
        "sigmoid_forward_minus_in_the_denominator",
        "sigmoid",
        "out is wrong at index",
        ("out = 1 / (1 + np.exp(-x))", "out = 1 / (1 - np.exp(-x))"),
    ),
    mutant(
        "mul_backward_keeps_the_dtype_of_integer_inputs",
        "mul_layer",
        "the fraction was cut off",
        (
            "dx = dout * self.y\n        dy = dout * self.x",
            "dx = np.zeros_like(self.x)\n        dx[...] = dout * self.y\n        dy = dout * self.x",
        ),
        ('"""Section 1', 'import numpy as np\n\n"""Section 1'),
    ),
    mutant(
        "add_backward_dy_a_view_of_dx",
        "add_layer",
        "dx and dy share memory",
        ("dx = dout * 1\n        dy = dout * 1", "dx = np.copy(dout)\n        dy = dx[...]"),
        ('"""Section 2', 'import numpy as np\n\n"""Section 2'),
    ),
    mutant(
        "affine_dW_in_float16",
        "affine",
        "is float16, which keeps only about 3 significant digits",
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.dot(self.x.T, dout).astype(np.float16)"),
    ),
    mutant(
        "net_returns_a_parameter_as_its_gradient",
        "two_layer_net",
        "shares memory with self.params['b2']",
        ('"b2": self.layers["Affine2"].db,', '"b2": self.params["b2"],'),
    ),
]

ALTERNATIVES = [
    alternative(
        "relu_np_maximum",
        "relu",
        (
            "self.mask = x <= 0\n        out = x.copy()\n        out[self.mask] = 0\n        return out",
            "self.mask = x <= 0\n        return np.maximum(0, x)",
        ),
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return dout * (~self.mask)",
        ),
        (
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n',
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n\nimport numpy as np\n',
        ),
    ),
    alternative(
        "relu_np_where_strict_mask",
        "relu",
        (
            "self.mask = x <= 0\n        out = x.copy()\n        out[self.mask] = 0\n        return out",
            "self.mask = x < 0\n        return np.where(x > 0, x, 0.0)",
        ),
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return np.where(self.mask, 0.0, dout)",
        ),
        (
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n',
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n\nimport numpy as np\n',
        ),
    ),
    alternative(
        "relu_in_place_backward_like_the_book",
        "relu",
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "dout[self.mask] = 0\n        dx = dout\n        return dx",
        ),
    ),
    alternative(
        "sigmoid_tanh",
        "sigmoid",
        ("out = 1 / (1 + np.exp(-x))", "out = 0.5 * (1 + np.tanh(0.5 * x))"),
    ),
    alternative(
        "sigmoid_numerically_stable",
        "sigmoid",
        (
            "out = 1 / (1 + np.exp(-x))",
            "z = np.exp(-np.abs(x))\n        out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))",
        ),
    ),
    alternative(
        "sigmoid_logaddexp",
        "sigmoid",
        ("out = 1 / (1 + np.exp(-x))", "out = np.exp(-np.logaddexp(0, -x))"),
    ),
    alternative(
        "mul_returns_list",
        "mul_layer",
        ("return dx, dy", "return [dx, dy]"),
    ),
    alternative(
        "affine_matmul_operator",
        "affine",
        (
            "self.x = x.reshape(x.shape[0], -1)\n        return np.dot(self.x, self.W) + self.b",
            "self.x = x.reshape(len(x), -1)\n        return self.x @ self.W + self.b",
        ),
        (
            "dx = np.dot(dout, self.W.T)\n        self.dW = np.dot(self.x.T, dout)\n"
            "        self.db = np.sum(dout, axis=0)",
            "dx = dout @ self.W.T\n        self.dW = self.x.T @ dout\n        self.db = dout.sum(axis=0)",
        ),
    ),
    alternative(
        "affine_einsum",
        "affine",
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.einsum('nd,nm->dm', self.x, dout)"),
        ("dx = np.dot(dout, self.W.T)", "dx = np.einsum('nm,dm->nd', dout, self.W)"),
    ),
    alternative(
        "net_layers_reverse_in_place",
        "two_layer_net",
        (
            "for layer in reversed(list(self.layers.values())):\n            dout = layer.backward(dout)",
            "layers = list(self.layers.values())\n        layers.reverse()\n"
            "        for layer in layers:\n            dout = layer.backward(dout)",
        ),
    ),
    alternative(
        "net_last_layer_default_dout",
        "two_layer_net",
        ("dout = self.lastLayer.backward(1)", "dout = self.lastLayer.backward()"),
    ),
    alternative(
        "net_reversed_odict",
        "two_layer_net",
        (
            "for layer in reversed(list(self.layers.values())):",
            "for layer in reversed(self.layers.values()):",
        ),
    ),
]

ALTERNATIVES += [
    alternative(
        "affine_flattens_in_backward",
        "affine",
        (
            "self.x = x.reshape(x.shape[0], -1)\n        return np.dot(self.x, self.W) + self.b",
            "self.x = x\n        return np.dot(x.reshape(len(x), -1), self.W) + self.b",
        ),
        (
            "self.dW = np.dot(self.x.T, dout)",
            "self.dW = np.dot(self.x.reshape(len(dout), -1).T, dout)",
        ),
    ),
]

# Layers used the way a network uses them: one instance over many batches, parameters updated in
# place, inputs shared with other layers (checker/suites/*: test_one_*_over_several_*).
MUTANTS += [
    mutant(
        "sigmoid_exp_over_one_plus_exp_overflows",
        "sigmoid",
        "out is nan at x = 1000",
        ("out = 1 / (1 + np.exp(-x))", "out = np.exp(x) / (1 + np.exp(x))"),
    ),
    mutant(
        "relu_mask_on_the_class",
        "relu",
        "it used the mask of the other Relu (layer 2)",
        ("self.mask = None", "pass"),
        ("self.mask = x <= 0", "Relu.mask = x <= 0"),
    ),
    mutant(
        "sigmoid_out_on_the_class",
        "sigmoid",
        "it used the output of the other Sigmoid (layer 2)",
        ("self.out = out", "Sigmoid.out = out"),
        (
            "return dout * (1.0 - self.out) * self.out",
            "return dout * (1.0 - Sigmoid.out) * Sigmoid.out",
        ),
    ),
    mutant(
        "mul_inputs_in_a_class_dict",
        "mul_layer",
        "it used the inputs of the other MulLayer (layer 2)",
        ("class MulLayer:\n", "class MulLayer:\n    kept = {}\n"),
        ("self.x = x\n        self.y = y\n", "self.kept['x'] = x\n        self.kept['y'] = y\n"),
        (
            "dx = dout * self.y\n        dy = dout * self.x",
            "dx = dout * self.kept['y']\n        dy = dout * self.kept['x']",
        ),
    ),
    mutant(
        "affine_x_in_a_class_dict",
        "affine",
        "it used the x of the other Affine (layer 2)",
        ("class Affine:\n", "class Affine:\n    kept = {}\n"),
        (
            "self.x = x.reshape(x.shape[0], -1)",
            "self.kept['x'] = self.x = x.reshape(x.shape[0], -1)",
        ),
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.dot(self.kept['x'].T, dout)"),
    ),
    mutant(
        "sigmoid_backward_overwrites_out",
        "sigmoid",
        "it changed out, the array that forward returned, in place",
        (
            "return dout * (1.0 - self.out) * self.out",
            "self.out *= 1.0 - self.out\n        return dout * self.out",
        ),
    ),
    mutant(
        "affine_shape_kept_only_for_4d_input",
        "affine",
        "Affine.backward (round 5): raised ValueError",
        (
            "self.original_x_shape = x.shape\n",
            "if x.ndim > 2:\n            self.original_x_shape = x.shape\n",
        ),
        (
            "return dx.reshape(self.original_x_shape)",
            "return dx.reshape(self.original_x_shape) if self.original_x_shape else dx",
        ),
    ),
    mutant(
        "net_gradient_cached_for_the_same_batch",
        "two_layer_net",
        "it returned the gradients of call 1 again",
        (
            "        self.loss(x, t)\n\n        dout",
            "        last = getattr(self, 'last', None)\n"
            "        if last is not None and np.array_equal(last[0], x) and np.array_equal(last[1], t):\n"
            "            return last[2]\n"
            "        self.loss(x, t)\n\n        dout",
        ),
        (
            '        return {\n            "W1"',
            '        grads = {\n            "W1"',
        ),
        (
            '            "b2": self.layers["Affine2"].db,\n        }',
            '            "b2": self.layers["Affine2"].db,\n        }\n'
            "        self.last = (x.copy(), t.copy(), grads)\n"
            "        return grads",
        ),
    ),
    mutant(
        "net_forward_skipped_for_the_same_batch",
        "two_layer_net",
        "it used the forward pass of call 1: after the SGD step",
        (
            "        self.loss(x, t)\n",
            "        if getattr(self, 'last_x', None) is None or not np.array_equal(self.last_x, x):\n"
            "            self.loss(x, t)\n"
            "            self.last_x = x.copy()\n",
        ),
    ),
    mutant(
        "relu_forward_in_place_on_its_input",
        "relu",
        "Relu.forward: it changed its input x in place (its values)",
        (
            "out = x.copy()\n        out[self.mask] = 0\n        return out",
            "x[self.mask] = 0\n        return x",
        ),
    ),
    mutant(
        "relu_mask_from_the_first_call_only",
        "relu",
        "it used the mask from round 1",
        ("self.mask = x <= 0", "if self.mask is None:\n            self.mask = x <= 0"),
    ),
    mutant(
        "sigmoid_output_from_the_first_call_only",
        "sigmoid",
        "it returned the output of round 1 again",
        (
            "out = 1 / (1 + np.exp(-x))\n        self.out = out\n        return out",
            "if self.out is None:\n            self.out = 1 / (1 + np.exp(-x))\n"
            "        return self.out",
        ),
    ),
    mutant(
        "sigmoid_forward_in_place_on_its_input",
        "sigmoid",
        "Sigmoid.forward: it changed its input x in place (its values)",
        (
            "out = 1 / (1 + np.exp(-x))",
            "out = x\n        np.negative(out, out=out)\n        np.exp(out, out=out)\n"
            "        out += 1\n        np.reciprocal(out, out=out)",
        ),
    ),
    mutant(
        "mul_inputs_from_the_first_call_only",
        "mul_layer",
        "it used the inputs of round 1",
        (
            "self.x = x\n        self.y = y\n        return x * y",
            "if self.x is None:\n            self.x = x\n            self.y = y\n"
            "        return x * y",
        ),
    ),
    mutant(
        "affine_copies_W_in_forward",
        "affine",
        "Affine.forward (round 1): it replaced self.W with a copy of it",
        (
            "        self.original_x_shape = x.shape\n",
            "        self.W = self.W.copy()\n        self.original_x_shape = x.shape\n",
        ),
    ),
    mutant(
        "affine_x_from_the_first_call_only",
        "affine",
        "it used the x of round 1 again",
        (
            "self.x = x.reshape(x.shape[0], -1)",
            "if self.x is None:\n            self.x = x.reshape(x.shape[0], -1)",
        ),
    ),
    mutant(
        "affine_backward_updates_W",
        "affine",
        "Affine.backward: it changed W in place",
        (
            "        return dx.reshape(self.original_x_shape)",
            "        self.W -= 0.01 * self.dW\n        return dx.reshape(self.original_x_shape)",
        ),
    ),
    mutant(
        "affine_flattens_its_input_in_place",
        "affine",
        "Affine.forward: it changed its input x in place (its shape)",
        (
            "self.x = x.reshape(x.shape[0], -1)",
            "x.shape = (x.shape[0], -1)\n        self.x = x",
        ),
    ),
    mutant(
        "net_dout_not_passed_on",
        "two_layer_net",
        "It got the same dout as Affine2.backward",
        ("            dout = layer.backward(dout)", "            layer.backward(dout)"),
    ),
    mutant(
        "net_gradients_from_the_first_call_only",
        "two_layer_net",
        "it returned the gradients of call 1 again",
        (
            "        self.loss(x, t)\n\n        dout",
            "        if getattr(self, 'first_grads', None) is not None:\n"
            "            return self.first_grads\n"
            "        self.loss(x, t)\n\n        dout",
        ),
        (
            '        return {\n            "W1"',
            '        self.first_grads = {\n            "W1"',
        ),
        (
            '            "b2": self.layers["Affine2"].db,\n        }',
            '            "b2": self.layers["Affine2"].db,\n        }\n'
            "        return self.first_grads",
        ),
    ),
    mutant(
        "net_numerical_differences_in_plain_numpy",
        "two_layer_net",
        "That looks like numerical differentiation",
        (
            "        self.loss(x, t)\n\n        dout",
            "        labels = t.argmax(axis=1) if t.ndim == 2 else t\n\n"
            "        def loss_of_params():\n"
            "            p = self.params\n"
            '            scores = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]\n'
            "            scores = scores - scores.max(axis=1, keepdims=True)\n"
            "            log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))\n"
            "            return -log_probs[np.arange(len(x)), labels].mean()\n\n"
            "        grads = {}\n"
            '        for key in ("W1", "b1", "W2", "b2"):\n'
            "            param = self.params[key]\n"
            "            grads[key] = np.zeros_like(param)\n"
            "            for i in np.ndindex(param.shape):\n"
            "                kept = param[i]\n"
            "                param[i] = kept + 1e-4\n"
            "                plus = loss_of_params()\n"
            "                param[i] = kept - 1e-4\n"
            "                minus = loss_of_params()\n"
            "                param[i] = kept\n"
            "                grads[key][i] = (plus - minus) / 2e-4\n"
            "        return grads\n"
            "        dout",
        ),
    ),
]

# TwoLayerNet.gradient: side effects that rebind what the layers use, work keyed on the x object,
# and cost (per-example and micro-batch backprop are backprop; a few entries numerically is not).
NET_BACKWARD = (
    "        dout = self.lastLayer.backward(1)\n"
    "        for layer in reversed(list(self.layers.values())):\n"
    "            dout = layer.backward(dout)\n"
)
NET_GRADS = (
    "        return {\n"
    '            "W1": self.layers["Affine1"].dW,\n'
    '            "b1": self.layers["Affine1"].db,\n'
    '            "W2": self.layers["Affine2"].dW,\n'
    '            "b2": self.layers["Affine2"].db,\n'
    "        }\n"
)
NET_BODY = "        self.loss(x, t)\n\n" + NET_BACKWARD + "\n" + NET_GRADS


def summed_over(loop, batch, weight):
    """A gradient() body that runs backprop on each batch the `loop` header gives (`batch`
    indexes x and t) and averages the layers' gradients, each weighted by `weight`."""
    return (
        "        grads = {key: np.zeros_like(value) for key, value in self.params.items()}\n"
        f"        {loop}\n"
        f"            self.loss(x[{batch}], t[{batch}])\n"
        "            dout = self.lastLayer.backward(1)\n"
        "            for layer in reversed(list(self.layers.values())):\n"
        "                dout = layer.backward(dout)\n"
        '            for key, name in (("W1", "Affine1"), ("W2", "Affine2")):\n'
        f"                grads[key] += self.layers[name].dW * {weight}\n"
        f'                grads["b" + key[1]] += self.layers[name].db * {weight}\n'
        "        return {key: grad / len(x) for key, grad in grads.items()}\n"
    )


MUTANTS += [
    mutant(
        "net_params_replaced_by_copies",
        "two_layer_net",
        "it replaced self.params with a new dict: Affine1.W is still the old self.params['W1']",
        (
            "        self.loss(x, t)\n\n        dout",
            "        self.params = {key: value.copy() for key, value in self.params.items()}\n"
            "        self.loss(x, t)\n\n        dout",
        ),
    ),
    mutant(
        "net_params_arrays_replaced_as_float64",
        "two_layer_net",
        "it replaced self.params['W1'] with a new array: Affine1.W still uses the old one",
        (
            "        self.loss(x, t)\n\n        dout",
            "        for key in self.params:\n"
            "            self.params[key] = self.params[key].astype(np.float64)\n"
            "        self.loss(x, t)\n\n        dout",
        ),
    ),
    mutant(
        "net_layer_W_rebound_as_float64",
        "two_layer_net",
        "it rebound Affine1.W: it is no longer the array self.params['W1']",
        (
            "        self.loss(x, t)\n\n        dout",
            '        for name in ("Affine1", "Affine2"):\n'
            "            layer = self.layers[name]\n"
            "            layer.W, layer.b = layer.W.astype(np.float64), layer.b.astype(np.float64)\n"
            "        self.loss(x, t)\n\n        dout",
        ),
    ),
    mutant(
        "net_layers_replaced_by_a_reversed_copy",
        "two_layer_net",
        "it replaced self.layers with a reversed copy: after it, predict() runs the layers "
        "backwards (Affine2, Relu1, Affine1)",
        (
            "        for layer in reversed(list(self.layers.values())):\n",
            "        self.layers = OrderedDict(reversed(list(self.layers.items())))\n"
            "        for layer in self.layers.values():\n",
        ),
    ),
    mutant(
        "net_layer_list_reversed_in_place",
        "two_layer_net",
        "it reversed self.layers in place: after it, predict() runs the layers backwards",
        (
            "        self.layers = OrderedDict()\n"
            '        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])\n'
            '        self.layers["Relu1"] = Relu()\n'
            '        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])\n',
            "        self.layers = [\n"
            '            Affine(self.params["W1"], self.params["b1"]),\n'
            "            Relu(),\n"
            '            Affine(self.params["W2"], self.params["b2"]),\n'
            "        ]\n",
        ),
        (
            "        for layer in self.layers.values():\n            x = layer.forward(x)",
            "        for layer in self.layers:\n            x = layer.forward(x)",
        ),
        (
            NET_BACKWARD + "\n" + NET_GRADS,
            "        dout = self.lastLayer.backward(1)\n"
            "        self.layers.reverse()\n"
            "        for layer in self.layers:\n"
            "            dout = layer.backward(dout)\n"
            "        affine2, _, affine1 = self.layers\n"
            '        return {"W1": affine1.dW, "b1": affine1.db, "W2": affine2.dW, "b2": affine2.db}\n',
        ),
    ),
    mutant(
        "net_grads_cached_for_the_same_x_object",
        "two_layer_net",
        "it returned the gradients of call 2 again for the very same x object",
        (
            NET_BODY,
            '        if x is getattr(self, "last_x", None):\n'
            "            return self.last_grads\n"
            "        self.loss(x, t)\n\n" + NET_BACKWARD + "\n"
            "        self.last_x = x\n"
            "        self.last_grads = {\n"
            '            "W1": self.layers["Affine1"].dW,\n'
            '            "b1": self.layers["Affine1"].db,\n'
            '            "W2": self.layers["Affine2"].dW,\n'
            '            "b2": self.layers["Affine2"].db,\n'
            "        }\n"
            "        return self.last_grads\n",
        ),
    ),
    mutant(
        "net_forward_skipped_for_the_x_loss_saw",
        "two_layer_net",
        "it used the forward pass of call 2 for the very same x object",
        (
            "        y = self.predict(x)\n        return self.lastLayer.forward(y, t)",
            "        self.last_x = x\n"
            "        y = self.predict(x)\n        return self.lastLayer.forward(y, t)",
        ),
        (
            "        self.loss(x, t)\n\n        dout",
            '        if x is not getattr(self, "last_x", None):\n'
            "            self.loss(x, t)\n\n        dout",
        ),
    ),
    mutant(
        "net_b2_by_numerical_gradient",
        "two_layer_net",
        "that is numerical differentiation, not backpropagation",
        (
            NET_GRADS,
            NET_GRADS.replace("        return {", "        grads = {")
            + '        grads["b2"] = numerical_gradient(lambda b2: self.loss(x, t), self.params["b2"])\n'
            "        return grads\n",
        ),
    ),
]

ALTERNATIVES += [
    alternative(
        "net_gradient_one_example_at_a_time",
        "two_layer_net",
        (NET_BODY, summed_over("for i in range(len(x)):", "i : i + 1", "1")),
    ),
    alternative(
        "net_gradient_over_4_micro_batches",
        "two_layer_net",
        (
            NET_BODY,
            summed_over("for rows in np.array_split(np.arange(len(x)), 4):", "rows", "len(rows)"),
        ),
    ),
]

ALTERNATIVES += [
    alternative(
        "sigmoid_backward_recomputed_from_x",
        "sigmoid",
        ("        self.out = out\n", "        self.out = out\n        self.x = x\n"),
        (
            "return dout * (1.0 - self.out) * self.out",
            "s = 1 / (1 + np.exp(-self.x))\n        return dout * s * (1 - s)",
        ),
    ),
    alternative(
        "relu_strict_mask_with_copy",
        "relu",
        ("self.mask = x <= 0", "self.mask = x < 0"),
    ),
    alternative(
        "sigmoid_backward_in_place_on_dout",
        "sigmoid",
        (
            "return dout * (1.0 - self.out) * self.out",
            "dout *= (1.0 - self.out) * self.out\n        return dout",
        ),
    ),
    alternative(
        "net_gradient_copies_the_grads",
        "two_layer_net",
        ('"W1": self.layers["Affine1"].dW,', '"W1": self.layers["Affine1"].dW.copy(),'),
        ('"b2": self.layers["Affine2"].db,', '"b2": self.layers["Affine2"].db.copy(),'),
    ),
    alternative(
        "net_gradient_calls_loss_twice",
        "two_layer_net",
        ("        self.loss(x, t)\n", "        self.loss(x, t)\n        self.loss(x, t)\n"),
    ),
    alternative(
        "net_reversed_items",
        "two_layer_net",
        (
            "for layer in reversed(list(self.layers.values())):",
            "for _, layer in reversed(self.layers.items()):",
        ),
    ),
    alternative(
        "affine_keeps_x_unflattened_and_stores_dW_in_place",
        "affine",
        (
            "self.dW = np.dot(self.x.T, dout)",
            "self.dW = np.dot(self.x.T, dout, out=self.dW if self.dW is not None and self.dW.shape == (self.x.shape[1], dout.shape[1]) else None)",
        ),
    ),
]

# From a second review: state kept in a queue across calls, exp overflow in backward, one array
# for two gradients; and a valid ndarray return.
MUTANTS += [
    mutant(
        "add_returns_dout_twice",
        "add_layer",
        "dx and dy share memory",
        ("dx = dout * 1\n        dy = dout * 1\n        return dx, dy", "return dout, dout"),
    ),
    mutant(
        "relu_masks_in_a_queue",
        "relu",
        "it used an earlier forward call",
        (
            "self.mask = x <= 0\n",
            "self.mask = x <= 0\n        self.masks = getattr(self, 'masks', []) + [self.mask]\n",
        ),
        ("dx[self.mask] = 0", "dx[self.masks.pop(0)] = 0"),
    ),
    mutant(
        "affine_inputs_in_a_queue",
        "affine",
        "it used an earlier forward call",
        (
            "self.x = x.reshape(x.shape[0], -1)\n",
            "self.x = x.reshape(x.shape[0], -1)\n"
            "        self.saved = getattr(self, 'saved', []) + [(x.shape, self.x)]\n",
        ),
        (
            "        dx = np.dot(dout, self.W.T)\n",
            "        self.original_x_shape, self.x = self.saved.pop(0)\n"
            "        dx = np.dot(dout, self.W.T)\n",
        ),
    ),
    mutant(
        "sigmoid_backward_with_exp_of_minus_x",
        "sigmoid",
        "dx is nan at x = -1000",
        ("        self.out = out\n", "        self.out = out\n        self.x = x\n"),
        (
            "return dout * (1.0 - self.out) * self.out",
            "return dout * self.out**2 * np.exp(-self.x)",
        ),
    ),
]

ALTERNATIVES += [
    alternative(
        "mul_returns_an_ndarray_of_two",
        "mul_layer",
        ("return dx, dy", "return np.array([dx, dy])"),
        (
            '"""Section 1: the multiplication node of a computational graph (乘法层)."""\n',
            '"""Section 1: the multiplication node of a computational graph (乘法层)."""\n\nimport numpy as np\n',
        ),
    ),
]

# Layers that insist that every forward is followed by its backward: a network calls forward
# alone too (predict, accuracy, loss), so this breaks it.
MUTANTS += [
    mutant(
        "relu_refuses_forward_without_backward",
        "relu",
        "Relu.forward (round 2), after a call without backward: raised RuntimeError",
        (
            "        self.mask = x <= 0\n",
            "        if getattr(self, 'waiting', False):\n"
            "            raise RuntimeError('call backward first')\n"
            "        self.waiting = True\n"
            "        self.mask = x <= 0\n",
        ),
        ("        dx = dout.copy()\n", "        self.waiting = False\n        dx = dout.copy()\n"),
    ),
    mutant(
        "affine_refuses_forward_without_backward",
        "affine",
        "Affine.forward (round 2), after a call without backward: raised RuntimeError",
        (
            "        self.original_x_shape = x.shape\n",
            "        if getattr(self, 'waiting', False):\n"
            "            raise RuntimeError('call backward first')\n"
            "        self.waiting = True\n"
            "        self.original_x_shape = x.shape\n",
        ),
        (
            "        dx = np.dot(dout, self.W.T)\n",
            "        self.waiting = False\n        dx = np.dot(dout, self.W.T)\n",
        ),
    ),
]

# The learner's loop issue: mistakes whose messages used to show only numbers.
MUTANTS += [
    mutant(
        "add_backward_negates_dy",
        "add_layer",
        "dy has the wrong sign",
        ("dy = dout * 1", "dy = -dout"),
    ),
    mutant(
        "relu_backward_masks_on_dout",
        "relu",
        "it switches on the sign of dout",
        ("dx[self.mask] = 0", "dx[dout <= 0] = 0"),
    ),
    mutant(
        "sigmoid_backward_out_squared_times_one_minus_out",
        "sigmoid",
        "with out to the first power",
        (
            "return dout * (1.0 - self.out) * self.out",
            "return dout * (1.0 - self.out) * self.out**2",
        ),
    ),
    mutant(
        "affine_db_over_axis_1",
        "affine",
        "it sums over axis 1, the outputs of each example",
        ("self.db = np.sum(dout, axis=0)", "self.db = np.sum(dout, axis=1)"),
    ),
]
MUTANTS += [
    mutant(
        "affine_keeps_x_4d_for_backward",
        "affine",
        "backward needs the flattened x",
        (
            "self.x = x.reshape(x.shape[0], -1)",
            "self.x = x\n        x = x.reshape(x.shape[0], -1)",
        ),
        ("return np.dot(self.x, self.W) + self.b", "return np.dot(x, self.W) + self.b"),
    ),
]
MUTANTS += [
    mutant(
        "affine_backward_returns_the_gradients",
        "affine",
        "backward returns dx alone",
        ("        self.dW = np.dot(self.x.T, dout)\n", ""),
        ("        self.db = np.sum(dout, axis=0)\n", ""),
        (
            "return dx.reshape(self.original_x_shape)",
            "return dx.reshape(self.original_x_shape), np.dot(self.x.T, dout), "
            "np.sum(dout, axis=0)",
        ),
    ),
]
MUTANTS += [
    mutant(
        "net_b2_divided_by_the_batch_size_again",
        "two_layer_net",
        "times too small, the batch size",
        ('"b2": self.layers["Affine2"].db,', '"b2": self.layers["Affine2"].db / len(x),'),
    ),
]
MUTANTS += [  # a layer that averages its gradients over the batch (the loss already does)
    mutant(
        "affine_dW_divided_by_the_batch_size",
        "affine",
        "times too small, the batch size: a layer's backward does not average",
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.dot(self.x.T, dout) / len(dout)"),
    ),
    mutant(
        "affine_dx_divided_by_the_batch_size",
        "affine",
        "times too small, the batch size: a layer's backward does not average",
        ("dx = np.dot(dout, self.W.T)", "dx = np.dot(dout, self.W.T) / len(dout)"),
    ),
]

# Issue 17, layers: forward memoised on its input, backward at ReLU's kink, parameters rebound
# by a layer, and shape errors in later rounds.
MUTANTS += [
    mutant(  # the book's gradient check then gets all-zero numerical gradients
        "affine_forward_memoised_on_the_same_x",
        "affine",
        "for the same x (the very same array), although W and b changed",
        (
            "        self.original_x_shape = x.shape\n",
            "        if x is getattr(self, 'last_input', None):\n"
            "            return self.last_out\n"
            "        self.last_input = x\n"
            "        self.original_x_shape = x.shape\n",
        ),
        (
            "return np.dot(self.x, self.W) + self.b",
            "self.last_out = np.dot(self.x, self.W) + self.b\n        return self.last_out",
        ),
    ),
    mutant(
        "affine_forward_memoised_on_equal_x",
        "affine",
        "for an x with the same values (a new array), although W and b changed",
        (
            "        self.original_x_shape = x.shape\n",
            "        last = getattr(self, 'last_input', None)\n"
            "        if last is not None and last.shape == x.shape and np.array_equal(last, x):\n"
            "            return self.last_out\n"
            "        self.last_input = x.copy()\n"
            "        self.original_x_shape = x.shape\n",
        ),
        (
            "return np.dot(self.x, self.W) + self.b",
            "self.last_out = np.dot(self.x, self.W) + self.b\n        return self.last_out",
        ),
    ),
    mutant(
        "relu_backward_divides_by_x",
        "relu",
        "x is exactly 0 at that entry, where ReLU has no derivative",
        (
            "        out[self.mask] = 0\n",
            "        out[self.mask] = 0\n        self.x, self.out = x, out\n",
        ),
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return dout * self.out / self.x",
        ),
    ),
    mutant(
        "relu_backward_slope_from_x_over_abs_x",
        "relu",
        "x is exactly 0 at that entry, where ReLU has no derivative",
        ("        self.mask = x <= 0\n", "        self.mask = x <= 0\n        self.x = x\n"),
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return dout * (self.x / np.abs(self.x) + 1) / 2",
        ),
        (
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n',
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n\nimport numpy as np\n',
        ),
    ),
    mutant(
        "affine_backward_sgd_step_rebinds_W",
        "affine",
        "Affine.backward (round 1): it replaced self.W with a new array",
        (
            "        return dx.reshape(self.original_x_shape)",
            "        self.W = self.W - 0.01 * self.dW\n"
            "        return dx.reshape(self.original_x_shape)",
        ),
    ),
    mutant(
        "affine_backward_sgd_step_rebinds_b",
        "affine",
        "Affine.backward (round 1): it replaced self.b with a new array",
        (
            "        return dx.reshape(self.original_x_shape)",
            "        self.b = self.b - 0.01 * self.db\n"
            "        return dx.reshape(self.original_x_shape)",
        ),
    ),
    mutant(
        "affine_backward_leaves_W_transposed",
        "affine",
        "Affine.backward (round 1): it left self.W transposed (shape (3, 6); W has shape (6, 3))",
        (
            "dx = np.dot(dout, self.W.T)",
            "self.W = self.W.T\n        dx = np.dot(dout, self.W)",
        ),
    ),
    mutant(
        "affine_backward_sets_W_to_None",
        "affine",
        "Affine.backward (round 1): it set self.W to something that is not an array",
        (
            "        return dx.reshape(self.original_x_shape)",
            "        self.W = None\n        return dx.reshape(self.original_x_shape)",
        ),
    ),
    mutant(
        "affine_flattens_only_4d_input",
        "affine",
        "x has shape (2, 3, 2): the product x·W needs one row per example, (2, 6)",
        (
            "self.x = x.reshape(x.shape[0], -1)",
            "self.x = x.reshape(x.shape[0], -1) if x.ndim == 4 else x",
        ),
    ),
]

ALTERNATIVES += [
    alternative(  # np.where evaluates both branches: the unused one overflows, harmlessly
        "sigmoid_np_where_of_two_formulas",
        "sigmoid",
        (
            "out = 1 / (1 + np.exp(-x))",
            "out = np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))",
        ),
    ),
    alternative(
        "sigmoid_logaddexp_of_x",
        "sigmoid",
        ("out = 1 / (1 + np.exp(-x))", "out = np.exp(x - np.logaddexp(0, x))"),
    ),
    alternative(
        "sigmoid_tanh_of_half_x",
        "sigmoid",
        ("out = 1 / (1 + np.exp(-x))", "out = 0.5 * (1 + np.tanh(x / 2))"),
    ),
    alternative(  # cosh(x/2)**2 is inf beyond |x| ~ 710: dout / inf = 0, right in float64
        "sigmoid_backward_by_cosh",
        "sigmoid",
        ("        self.out = out\n", "        self.out = out\n        self.x = x\n"),
        (
            "return dout * (1.0 - self.out) * self.out",
            "return dout / (4 * np.cosh(self.x / 2) ** 2)",
        ),
    ),
    alternative(
        "sigmoid_in_the_dtype_of_x",
        "sigmoid",
        (
            "out = 1 / (1 + np.exp(-x))",
            "one = np.ones((), dtype=x.dtype)\n        out = one / (one + np.exp(-x))",
        ),
        (
            "return dout * (1.0 - self.out) * self.out",
            "return dout * (np.ones((), dtype=self.out.dtype) - self.out) * self.out",
        ),
    ),
    alternative(
        "affine_einsum_everywhere",
        "affine",
        (
            "return np.dot(self.x, self.W) + self.b",
            "return np.einsum('nd,dm->nm', self.x, self.W) + self.b",
        ),
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.einsum('nd,nm->dm', self.x, dout)"),
        ("self.db = np.sum(dout, axis=0)", "self.db = np.einsum('nm->m', dout)"),
    ),
    alternative(
        "affine_np_inner",
        "affine",
        ("return np.dot(self.x, self.W) + self.b", "return np.inner(self.x, self.W.T) + self.b"),
        ("dx = np.dot(dout, self.W.T)", "dx = np.inner(dout, self.W)"),
        ("self.dW = np.dot(self.x.T, dout)", "self.dW = np.inner(self.x.T, dout.T)"),
    ),
    alternative(
        "affine_in_the_dtype_of_x",
        "affine",
        (
            "return np.dot(self.x, self.W) + self.b",
            "return (np.dot(self.x, self.W) + self.b).astype(x.dtype, copy=False)",
        ),
        (
            "return dx.reshape(self.original_x_shape)",
            "return dx.reshape(self.original_x_shape).astype(dout.dtype, copy=False)",
        ),
    ),
    alternative(
        "relu_in_the_dtype_of_x",
        "relu",
        (
            "out = x.copy()\n        out[self.mask] = 0\n        return out",
            "return np.maximum(x, np.zeros((), dtype=x.dtype))",
        ),
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return np.where(self.mask, np.zeros((), dtype=dout.dtype), dout)",
        ),
        (
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n',
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n\nimport numpy as np\n',
        ),
    ),
    alternative(  # at x == 0 the step is 1 here: dx = dout, the other convention
        "relu_backward_heaviside_one_at_zero",
        "relu",
        ("        self.mask = x <= 0\n", "        self.mask = x <= 0\n        self.x = x\n"),
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return dout * np.heaviside(self.x, 1.0)",
        ),
        (
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n',
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n\nimport numpy as np\n',
        ),
    ),
    alternative(
        "relu_backward_sign_of_out",
        "relu",
        ("        out[self.mask] = 0\n", "        out[self.mask] = 0\n        self.out = out\n"),
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "return dout * np.sign(self.out)",
        ),
        (
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n',
            '"""Section 3: the ReLU activation layer (激活函数层)."""\n\nimport numpy as np\n',
        ),
    ),
    alternative(
        "relu_backward_in_place_multiply_on_dout",
        "relu",
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "dout *= ~self.mask\n        return dout",
        ),
    ),
    alternative(
        "relu_backward_book_in_place_return_dout",
        "relu",
        (
            "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx",
            "dout[self.mask] = 0\n        return dout",
        ),
    ),
    alternative(
        "add_positive_and_np_copy",
        "add_layer",
        (
            "dx = dout * 1\n        dy = dout * 1\n        return dx, dy",
            "return +dout, np.copy(dout)",
        ),
        (
            '"""Section 2: the addition node of a computational graph (加法层)."""\n',
            '"""Section 2: the addition node of a computational graph (加法层)."""\n\nimport numpy as np\n',
        ),
    ),
    alternative(
        "add_np_copy_twice",
        "add_layer",
        (
            "dx = dout * 1\n        dy = dout * 1\n        return dx, dy",
            "return np.copy(dout), np.copy(dout)",
        ),
        (
            '"""Section 2: the addition node of a computational graph (加法层)."""\n',
            '"""Section 2: the addition node of a computational graph (加法层)."""\n\nimport numpy as np\n',
        ),
    ),
    alternative(  # parameter_change must stay silent: __init__ kept no W it could lose
        "affine_keeps_W_transposed_from_init",
        "affine",
        ("        self.W = W\n", "        self.W = W.T\n"),
        ("np.dot(self.x, self.W)", "np.dot(self.x, self.W.T)"),
        ("dx = np.dot(dout, self.W.T)", "dx = np.dot(dout, self.W)"),
    ),
    alternative(
        "affine_parameters_under_other_names",
        "affine",
        (
            "        self.W = W\n        self.b = b\n",
            "        self.weight = W\n        self.bias = b\n",
        ),
        ("np.dot(self.x, self.W) + self.b", "np.dot(self.x, self.weight) + self.bias"),
        ("dx = np.dot(dout, self.W.T)", "dx = np.dot(dout, self.weight.T)"),
    ),
]

# Layers that pass every single-layer test of their section but break a network, as the
# student's own network found (issue 17): their section's network test catches them.
MUTANTS += [
    mutant(
        "affine_forward_returns_np_matrix",
        "affine",
        "does not learn with your Affine in place of its own: it stops with TypeError",
        (
            "return np.dot(self.x, self.W) + self.b",
            "return np.asmatrix(np.dot(self.x, self.W) + self.b)",
        ),
        test="test_a_network_built_with_your_affine_learns",
    ),
    mutant(
        "relu_forward_returns_a_list_of_rows",
        "relu",
        "does not learn with your Relu in place of its own: it stops with AttributeError",
        ("        return out\n", "        return out.tolist()\n"),
        test="test_a_network_built_with_your_relu_learns",
    ),
]
