"""Line plots drawn with braille characters, so curves fit in a terminal with no plotting library.

A braille character is a cell of 2 x 4 dots, each dot one bit of the code point after U+2800.
So a plot 64 characters wide and 8 high has 128 x 32 dots to draw lines on.
"""

BRAILLE_BLANK = 0x2800
# DOT_BIT[row][column]: the bit of the dot at that place in its cell (the Unicode braille order).
DOT_BIT = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))


class Canvas:
    """A grid of braille cells. Each cell remembers which line drew in it last (for colour)."""

    def __init__(self, width, height):
        self.width, self.height = width, height  # in characters
        self.bits = [[0] * width for _ in range(height)]
        self.owner = [[None] * width for _ in range(height)]

    def dot(self, x, y, line):
        """Set the dot at (x, y), in dots from the top left corner."""
        row, column = int(y) // 4, int(x) // 2
        if 0 <= row < self.height and 0 <= column < self.width:
            self.bits[row][column] |= DOT_BIT[int(y) % 4][int(x) % 2]
            self.owner[row][column] = line

    def segment(self, x0, y0, x1, y1, line):
        """A straight line of dots from (x0, y0) to (x1, y1)."""
        steps = max(abs(round(x1) - round(x0)), abs(round(y1) - round(y0)), 1)
        for i in range(steps + 1):
            self.dot(round(x0 + (x1 - x0) * i / steps), round(y0 + (y1 - y0) * i / steps), line)

    def rows(self):
        """Each row as a list of (character, owner) pairs."""
        return [
            [(chr(BRAILLE_BLANK + bits), owner) for bits, owner in zip(row, owners, strict=True)]
            for row, owners in zip(self.bits, self.owner, strict=True)
        ]


def plot(lines, x_end, width=64, height=8, y_format="{:.2f}", x_label=""):
    """Draw lines of (x, y) points on one pair of axes.

    lines: {name: [(x, y), ...]}, x from 0 to x_end. Returns the rows of the plot as lists of
    (text, name or None) pieces: the axes are None, each braille cell is owned by the line
    that drew in it last. At width 64, a row is 73 characters wide.
    """
    ys = [y for points in lines.values() for _, y in points]
    low, high = min(ys), max(ys)
    if high - low < 1e-9:  # a flat line: give it some room
        low, high = low - 0.5, high + 0.5
    canvas = Canvas(width, height)
    dots_wide, dots_high = 2 * width - 1, 4 * height - 1

    def place(x, y):  # dot coordinates; y grows downwards
        return x / x_end * dots_wide, (high - y) / (high - low) * dots_high

    for name, points in lines.items():
        placed = [place(x, y) for x, y in points]
        if len(placed) == 1:
            canvas.dot(*placed[0], name)
        for (x0, y0), (x1, y1) in zip(placed, placed[1:], strict=False):
            canvas.segment(x0, y0, x1, y1, name)

    labels = {0: high, height // 2: (high + low) / 2, height - 1: low}
    label_width = max(len(y_format.format(value)) for value in labels.values())
    rows = []
    for i, cells in enumerate(canvas.rows()):
        label = y_format.format(labels[i]) if i in labels else ""
        axis = " ┤" if i in labels else " │"
        rows.append([(label.rjust(label_width) + axis, None), *merge(cells)])
    rows.append([(" " * label_width + " └" + "─" * width, None)])
    right = f"{x_end:g}"
    x_axis = "0" + x_label.center(width - 1 - len(right)) + right
    rows.append([(" " * (label_width + 2) + x_axis, None)])
    return rows


def merge(cells):
    """Neighbouring cells with one owner as one piece of text: fewer styles to print."""
    pieces = []
    for character, owner in cells:
        if pieces and pieces[-1][1] == owner:
            pieces[-1] = (pieces[-1][0] + character, owner)
        else:
            pieces.append((character, owner))
    return pieces


def bucket_means(points, count):
    """`points` shrunk to at most `count`: the mean x and y of each run of neighbours. A loss per
    step is too noisy, and too many, to draw point by point."""
    size = max(len(points) / count, 1)
    means, start = [], 0
    while start < len(points):
        end = max(round(start + size), start + 1)
        chunk = points[start:end]
        means.append((sum(x for x, _ in chunk) / len(chunk), sum(y for _, y in chunk) / len(chunk)))
        start = end
    return means
