"""backprop-kata exercises: fill in the stubs, then run `python -m checker`.

Order: mul_layer, add_layer, relu, sigmoid, affine, two_layer_net.
"""
