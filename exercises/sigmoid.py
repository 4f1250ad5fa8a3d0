"""Section 4: the Sigmoid activation layer (激活函数层)."""

import numpy as np


class Sigmoid:
    """out = 1 / (1 + exp(-x)), elementwise.

    Local derivative: d(out)/dx = out * (1 - out). It needs only the
    forward *output*, so forward keeps out, not x.
    """

    def __init__(self):
        self.out = None

    def forward(self, x):
        """Return sigmoid(x) and remember it for backward.

        Parameters
        ----------
        x : ndarray of any shape S

        Returns
        -------
        out : ndarray of shape S
        """
        # TODO: compute 1 / (1 + exp(-x)) and keep it in self.out.
        raise NotImplementedError

    def backward(self, dout):
        """Chain rule: dx = dout * out * (1 - out).

        Parameters
        ----------
        dout : ndarray of shape S

        Returns
        -------
        dx : ndarray of shape S
        """
        # TODO: multiply dout by the local derivative out * (1 - out).
        raise NotImplementedError
