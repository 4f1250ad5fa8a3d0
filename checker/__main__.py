import os
import sys

# The judge's arrays are small: one BLAS thread leaves the other core to the workers.
# Training (`python -m checker train`) multiplies batches of 100: more threads gain little,
# and on a busy machine they lose a lot.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from checker.cli import main  # noqa: E402 - after the thread setting, before numpy loads

sys.exit(main())
