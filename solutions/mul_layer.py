"""Section 1: the multiplication node of a computational graph (乘法层)."""


class MulLayer:
    """out = x * y.

    Works on Python floats and on numpy arrays of one shared shape.
    Local derivatives: d(out)/dx = y and d(out)/dy = x, so backward
    multiplies dout by the *other* input ("swaps" the inputs).
    """

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        """Return x * y and remember both inputs for backward.

        Parameters
        ----------
        x, y : float or ndarray of shape S

        Returns
        -------
        out : float or ndarray of shape S
        """
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        """Chain rule: dx = dout * y, dy = dout * x.

        Parameters
        ----------
        dout : float or ndarray of shape S
            dL/d(out), the gradient flowing in from upstream.

        Returns
        -------
        dx, dy : float or ndarray of shape S
        """
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy
