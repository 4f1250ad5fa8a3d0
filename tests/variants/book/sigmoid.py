# Our rewrite in book style, for test_the_books_own_code_gets_full_marks: keeps self.out.
import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        y = 1 / (1 + np.exp(-x))
        self.out = y
        return y

    def backward(self, dout):
        y = self.out
        return dout * y * (1.0 - y)
