"""MNIST for the kata: the shipped sample, and the full set with the book's load_mnist."""
