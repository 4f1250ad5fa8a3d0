# Our rewrite in book style, for test_the_books_own_code_gets_full_marks: plain class.


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        product = x * y
        return product

    def backward(self, dout):
        grad_x = dout * self.y
        grad_y = dout * self.x
        return grad_x, grad_y
