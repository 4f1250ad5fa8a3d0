"""2 apples at 100 and 3 oranges at 150, summed, with 10% tax: MulLayer and AddLayer together.

    python -m examples.buy_apple_orange [--solutions]

Expected: price 715.0000000000001, and (dapple_num, dapple, dorange, dorange_num, dtax)
= 110.00000000000001 2.2 3.3000000000000003 165.0 650
"""

import sys

from examples import (
    compare_with_book,
    layer_error_message,
    load,
    not_implemented_message,
    parse_target,
)

# price, dapple_num, dapple, dorange, dorange_num, dtax, as the chapter prints them
BOOK = (715, 110, 2.2, 3.3, 165, 650)


def buy_apple_orange(MulLayer, AddLayer):
    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    mul_apple_layer = MulLayer()
    mul_orange_layer = MulLayer()
    add_apple_orange_layer = AddLayer()
    mul_tax_layer = MulLayer()

    apple_price = mul_apple_layer.forward(apple, apple_num)
    orange_price = mul_orange_layer.forward(orange, orange_num)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    price = mul_tax_layer.forward(all_price, tax)

    dprice = 1
    dall_price, dtax = mul_tax_layer.backward(dprice)
    dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
    dorange, dorange_num = mul_orange_layer.backward(dorange_price)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    return price, (dapple_num, dapple, dorange, dorange_num, dtax)


def main(argv=None):
    from checker.i18n import t  # not at the top: the checker's workers import this module

    package, _ = parse_target("example.buy_apple_orange.description", argv)
    try:
        price, gradients = buy_apple_orange(
            load(package, "mul_layer", "MulLayer"), load(package, "add_layer", "AddLayer")
        )
    except NotImplementedError:
        print(not_implemented_message(package, t("example.mul_or_add")))
        return 1
    except Exception as error:  # noqa: BLE001 - the student's layers: one line, no traceback
        print(layer_error_message(package, t("example.mul_or_add"), error))
        return 1
    print("price:", price)
    print("dapple_num, dapple, dorange, dorange_num, dtax:", *gradients)
    return compare_with_book(
        (price, *gradients), BOOK, "price, dapple_num, dapple, dorange, dorange_num, dtax"
    )


if __name__ == "__main__":
    sys.exit(main())
