# Our rewrite in book style, for test_the_books_own_code_gets_full_marks: reverse() in place.
from collections import OrderedDict

import numpy as np

from .affine import Affine
from .functions import numerical_gradient
from .relu import Relu
from .softmax_with_loss import SoftmaxWithLoss


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        scale = weight_init_std
        self.params = {
            "W1": scale * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": scale * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        h = x
        for layer in self.layers.values():
            h = layer.forward(h)
        return h

    def loss(self, x, t):
        scores = self.predict(x)
        return self.lastLayer.forward(scores, t)

    def accuracy(self, x, t):
        guess = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(guess == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        def f(W):
            return self.loss(x, t)

        grads = {}
        for name in ("W1", "b1", "W2", "b2"):
            grads[name] = numerical_gradient(f, self.params[name])
        return grads

    def gradient(self, x, t):
        self.loss(x, t)

        dout = 1
        dout = self.lastLayer.backward(dout)

        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)

        first, second = self.layers["Affine1"], self.layers["Affine2"]
        return {"W1": first.dW, "b1": first.db, "W2": second.dW, "b2": second.db}
