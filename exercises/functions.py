"""Given complete (not graded): softmax, cross-entropy and a numerical gradient, as in the book."""

import numpy as np


def softmax(x):
    """Softmax over the last axis, with the max subtracted so exp cannot overflow.

    Parameters
    ----------
    x : ndarray of shape (N, C) or (C,)

    Returns
    -------
    y : ndarray of the same shape; each row sums to 1
    """
    x = x - np.max(x, axis=-1, keepdims=True)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """Mean cross-entropy -sum(t * log(y + 1e-7)) / N.

    Parameters
    ----------
    y : ndarray of shape (N, C) or (C,)
        Predicted probabilities.
    t : ndarray of shape (N, C) one-hot, or (N,) integer labels

    Returns
    -------
    loss : float
        The 1e-7 keeps log away from log(0), as in the book.
    """
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:  # one-hot labels: turn them into class indices
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


def numerical_gradient(f, x, h=1e-4):
    """Central difference (f(x + h) - f(x - h)) / 2h for every element of x.

    Slow but simple: the check that backpropagation is compared against.

    Parameters
    ----------
    f : callable taking x and returning a float
    x : ndarray of any shape S, changed in place during the call and restored

    Returns
    -------
    grad : ndarray of shape S
    """
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f(x)
        x[index] = original - h
        f_minus = f(x)
        grad[index] = (f_plus - f_minus) / (2 * h)
        x[index] = original
    return grad
