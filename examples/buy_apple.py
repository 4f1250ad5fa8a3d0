"""Buying 2 apples at 100 each with 10% tax, forward and backward (the book's first graph).

    python -m examples.buy_apple [--solutions]

Expected: price 220.00000000000003, dapple 2.2, dapple_num 110.00000000000001, dtax 200
"""

import sys

from examples import (
    compare_with_book,
    layer_error_message,
    load,
    not_implemented_message,
    parse_target,
)

BOOK = (220, 2.2, 110, 200)  # price, dapple, dapple_num, dtax, as the chapter prints them


def buy_apple(MulLayer):
    apple, apple_num, tax = 100, 2, 1.1
    mul_apple_layer = MulLayer()
    mul_tax_layer = MulLayer()

    apple_price = mul_apple_layer.forward(apple, apple_num)
    price = mul_tax_layer.forward(apple_price, tax)

    dprice = 1
    dapple_price, dtax = mul_tax_layer.backward(dprice)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    return price, dapple, dapple_num, dtax


def main(argv=None):
    package, _ = parse_target("example.buy_apple.description", argv)
    try:
        price, dapple, dapple_num, dtax = buy_apple(load(package, "mul_layer", "MulLayer"))
    except NotImplementedError:
        print(not_implemented_message(package, "MulLayer"))
        return 1
    except Exception as error:  # noqa: BLE001 - the student's layer: one line, no traceback
        print(layer_error_message(package, "MulLayer", error))
        return 1
    print("price:", price)
    print("dapple:", dapple)
    print("dapple_num:", dapple_num)
    print("dtax:", dtax)
    return compare_with_book(
        (price, dapple, dapple_num, dtax), BOOK, "price, dapple, dapple_num, dtax"
    )


if __name__ == "__main__":
    sys.exit(main())
