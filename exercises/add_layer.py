"""Section 2: the addition node of a computational graph (加法层)."""


class AddLayer:
    """out = x + y.

    Works on Python floats and on numpy arrays of one shared shape.
    Local derivatives: d(out)/dx = 1 and d(out)/dy = 1, so backward passes
    dout through unchanged to both inputs, each with an array of its own (a layer
    further back may change its dout in place). No input needs to be remembered.
    """

    def __init__(self):
        pass

    def forward(self, x, y):
        """Return x + y.

        Parameters
        ----------
        x, y : float or ndarray of shape S

        Returns
        -------
        out : float or ndarray of shape S
        """
        # TODO: return the sum.
        raise NotImplementedError

    def backward(self, dout):
        """Chain rule: dx = dout * 1, dy = dout * 1.

        Parameters
        ----------
        dout : float or ndarray of shape S
            dL/d(out), the gradient flowing in from upstream.

        Returns
        -------
        dx, dy : float or ndarray of shape S, two different arrays
        """
        # TODO: give each input the gradient dout * 1, as two separate arrays.
        raise NotImplementedError
