import importlib.util
import os
import sys

# The judge's arrays are small: one BLAS thread leaves the other core to the workers.
# `python -m checker train` is the book's training loop, run like it with the machine's BLAS
# threads (unless the user sets OPENBLAS_NUM_THREADS): it grades nothing and runs no worker.
if sys.argv[1:2] != ["train"]:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# What the checker needs beyond the standard library (pyproject.toml), by import name. Most
# often missing because the kata's virtual environment is not active in this terminal.
DEPENDENCIES = {"numpy": "numpy", "pytest": "pytest", "rich": "rich"}
DEPENDENCIES["pytest_jsonreport"] = "pytest-json-report"


def missing_dependencies():
    return [name for module, name in DEPENDENCIES.items() if not importlib.util.find_spec(module)]


if missing := missing_dependencies():
    from checker.i18n import choose, language_asked, set_language, t  # the standard library only

    set_language(choose(language_asked(sys.argv[1:])))
    names = t("cli.list_separator").join(missing)
    print(t("cli.missing_dependencies", names=names, python=sys.executable))
    sys.exit(2)

from checker.cli import main  # noqa: E402 - after the thread setting, before numpy loads

sys.exit(main())
