# Our rewrite in book style, for test_the_books_own_code_gets_full_marks: plain class.


class AddLayer:
    def __init__(self):
        pass

    def forward(self, a, b):
        total = a + b
        return total

    def backward(self, dout):
        da = dout * 1
        db = dout * 1
        return da, db
