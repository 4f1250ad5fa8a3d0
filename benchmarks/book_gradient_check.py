"""The book's gradient check (ch05/gradient_check.py), as the benchmark's yardstick.

A loop over every parameter of a 784-50-10 TwoLayerNet, central difference,
on 3 MNIST samples, then the same by backprop, and the mean difference.
"""

import numpy as np

from dataset.mnist import load_mnist_sample
from solutions.two_layer_net import TwoLayerNet

(x_train, t_train), _ = load_mnist_sample(normalize=True, one_hot_label=True)
network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
x_batch, t_batch = x_train[:3], t_train[:3]

grad_numerical = network.numerical_gradient(x_batch, t_batch)
grad_backprop = network.gradient(x_batch, t_batch)

for key in grad_numerical:
    diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
    print(key + ":" + str(diff))
