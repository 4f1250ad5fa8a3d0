"""Section 6: a two-layer network trained by backpropagation (误差反向传播法的实现)."""

from collections import OrderedDict

import numpy as np

from .affine import Affine
from .functions import numerical_gradient
from .relu import Relu
from .softmax_with_loss import SoftmaxWithLoss


class TwoLayerNet:
    """Affine1 -> Relu1 -> Affine2 -> SoftmaxWithLoss.

    Shapes, with D = input_size, H = hidden_size, C = output_size:
        params['W1'] (D, H)   params['b1'] (H,)
        params['W2'] (H, C)   params['b2'] (C,)
    The Affine layers hold references to these arrays, so updating a
    parameter in place updates the layer.
    """

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params["W1"] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        """Scores before softmax. x: (N, D) -> (N, C)."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        """Mean cross-entropy loss. x: (N, D); t: (N, C) one-hot or (N,) labels."""
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def accuracy(self, x, t):
        """Fraction of correct predictions. x: (N, D); t: (N, C) one-hot or (N,) labels."""
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        """Gradients by central difference: slow, used only to check gradient()."""

        def loss_W(_):
            return self.loss(x, t)

        return {
            key: numerical_gradient(loss_W, self.params[key]) for key in ("W1", "b1", "W2", "b2")
        }

    def gradient(self, x, t):
        """Gradients of the loss by backpropagation.

        Run forward through every layer (via self.loss). Then use the chain rule
        backward, last layer first, starting with dout = dL/dL = 1:
            lastLayer.backward(1)  -> dL/dscores = (softmax(scores) - t) / N, shape (N, C)
            Affine2.backward(...)  -> dL/dhidden (N, H); stores dW2 (H, C), db2 (C,)
            Relu1.backward(...)    -> dL/da1 (N, H), zero where a1 <= 0
            Affine1.backward(...)  -> dL/dx (N, D); stores dW1 (D, H), db1 (H,)

        Parameters
        ----------
        x : ndarray of shape (N, D)
        t : ndarray of shape (N, C) one-hot, or (N,) integer labels

        Returns
        -------
        grads : dict with keys 'W1', 'b1', 'W2', 'b2', each shaped like params[key]
        """
        # TODO: forward via self.loss(x, t); then backward from self.lastLayer (dout = 1)
        #       through self.layers in reverse; collect dW and db from 'Affine1' and 'Affine2'.
        raise NotImplementedError
