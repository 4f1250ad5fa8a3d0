"""Section 3: the ReLU activation layer (激活函数层)."""

import numpy as np


class Relu:
    """out = max(0, x), elementwise.

    Local derivative: d(out)/dx = 1 where x > 0 and 0 where x <= 0.
    So backward lets dout through where the input was positive and
    stops it where the input was <= 0, like a switch.
    """

    def __init__(self):
        self.mask = None

    def forward(self, x):
        """Return max(0, x) and remember where x <= 0.

        Parameters
        ----------
        x : ndarray of any shape S

        Returns
        -------
        out : ndarray of shape S
        """
        # TODO: remember where x <= 0 (self.mask); return a copy of x with those entries set to 0.
        raise NotImplementedError

    def backward(self, dout):
        """Chain rule: dx = dout where x > 0, and 0 where x <= 0.

        Parameters
        ----------
        dout : ndarray of shape S

        Returns
        -------
        dx : ndarray of shape S
        """
        # TODO: let dout through where x > 0 and set it to 0 where self.mask is True.
        raise NotImplementedError
