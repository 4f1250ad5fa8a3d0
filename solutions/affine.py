"""Section 5: the Affine layer, batch version (批版本的Affine层, 仿射变换)."""

import numpy as np


class Affine:
    """out = x @ W + b for a batch of N inputs.

    Keeps references to W and b (not copies), so an optimizer that updates
    W in place changes this layer too. Input of shape (N, d1, ..., dk) is
    flattened to (N, D) with D = d1 * ... * dk.

    Local derivatives, for out = x @ W + b:
        dx = dout @ W.T        shape (N, D), then reshaped to x's shape
        dW = x.T @ dout        shape (D, M)
        db = sum of dout over the batch axis 0, shape (M,)
    """

    def __init__(self, W, b):
        """
        Parameters
        ----------
        W : ndarray of shape (D, M)
        b : ndarray of shape (M,)
        """
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        """Return x @ W + b.

        Parameters
        ----------
        x : ndarray of shape (N, D) or (N, d1, ..., dk)

        Returns
        -------
        out : ndarray of shape (N, M)
        """
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        """Store self.dW and self.db; return dx.

        Parameters
        ----------
        dout : ndarray of shape (N, M)

        Returns
        -------
        dx : ndarray with the original shape of x
        """
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(self.original_x_shape)
