"""Given complete (not graded): the Softmax-with-Loss output layer, as in the book."""

import numpy as np

from .functions import cross_entropy_error, softmax


class SoftmaxWithLoss:
    """loss = cross_entropy_error(softmax(x), t).

    Local derivative: dL/dx = (softmax(x) - t) / N for one-hot t.
    """

    def __init__(self):
        self.loss = None
        self.y = None  # softmax output, shape (N, C)
        self.t = None  # labels, shape (N, C) one-hot or (N,) integers

    def forward(self, x, t):
        """
        Parameters
        ----------
        x : ndarray of shape (N, C), the scores
        t : ndarray of shape (N, C) one-hot, or (N,) integer labels

        Returns
        -------
        loss : float
        """
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        """Return dL/dx of shape (N, C). As in the book, dout is taken to be 1."""
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:  # one-hot labels
            return (self.y - self.t) / batch_size
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx / batch_size
