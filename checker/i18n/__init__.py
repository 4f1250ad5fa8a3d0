"""Every learner-facing string, by key, in English (en.py) and Simplified Chinese (zh.py).

    from checker.i18n import t
    t("ui.next_run", file="exercises/relu.py", title=...)

t() renders a catalog entry in the language of the run and returns a Message: a str in that
language that also carries its English rendering (`.english`), for the report's
`english_message`. Placeholders are named, `{file}`; a value that is itself a Message is
rendered in the same language. Code names stay as they are in every language.

The language: --lang, else $BACKPROP_KATA_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG
starting with "zh"), else English. tests/test_i18n.py checks that both catalogs have the same
keys and placeholders, that every key is used, and that prose reaches messages only through
t() (strict mode, $BACKPROP_KATA_I18N_STRICT).
"""

import os
import string

from checker.i18n.en import EN
from checker.i18n.zh import ARGPARSE, ZH

CATALOGS = {"en": EN, "zh": ZH}
LANGUAGES = tuple(CATALOGS)
LANGUAGE_ENV = "BACKPROP_KATA_LANG"
STRICT_ENV = "BACKPROP_KATA_I18N_STRICT"
# Placeholders that carry prose: in strict mode their values must come from t() too.
PROSE = frozenset({"advice", "detail", "message", "reason", "what_next", "rule", "problem"})

# What a learner may type for a language, besides its code and locales such as zh_CN, zh-Hans.
ALIASES = {"chinese": "zh", "中文": "zh", "汉语": "zh", "简体中文": "zh", "english": "en"}

_language = "en"
_asked = None  # the language --lang asked for, carried by every command the checker prints


def recognised(value):
    """ "zh", "zh_CN", "zh-Hans", "chinese", "中文" -> "zh"; "en", "english" -> "en"; else None."""
    value = (value or "").strip().lower()
    if value in ALIASES:
        return ALIASES[value]
    code = value.replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    return code if code in LANGUAGES else None


def choose(requested=None, environ=None):
    """The language of this run: requested (--lang), else the environment, else English."""
    environ = os.environ if environ is None else environ
    for value in (requested, environ.get(LANGUAGE_ENV)):
        if value and recognised(value):  # "--lang fr": argparse says so
            return recognised(value)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:  # the first one set decides, as in POSIX
            return normalized(value)
    return "en"


def language_asked(argv):
    """--lang's value, read before argparse so that even --help speaks the language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def normalized(value):
    """ "zh", "zh_CN.UTF-8", "ZH-hans" -> "zh"; anything else -> "en"."""
    return "zh" if value.strip().lower().startswith("zh") else "en"


def unknown_setting(environ=None):
    """$BACKPROP_KATA_LANG's value when it names no language we have, to warn about it."""
    environ = os.environ if environ is None else environ
    value = environ.get(LANGUAGE_ENV)
    return value if value and not recognised(value) else None


def language_option(value):
    """argparse's type for --lang: a language we have, by any name recognised() knows."""
    import argparse

    language = recognised(value)
    if language is None:
        raise argparse.ArgumentTypeError(
            t("cli.unknown_language", value=value, languages=", ".join(LANGUAGES))
        )
    return language


def set_language(language, asked=False):
    """The language of the run; asked: it came from --lang, so printed commands carry it."""
    global _language, _asked
    _language = language if language in CATALOGS else "en"
    _asked = _language if asked else None
    os.environ[LANGUAGE_ENV] = _language  # workers and subprocesses speak it too
    argparse_speaks(_language)


def argparse_speaks(language):
    """argparse's own words (usage:, options, its errors) in the language: argparse looks
    them up through its module's `_`, gettext's, which has no Chinese of its own here."""
    import argparse
    import gettext

    if language == "zh":
        argparse._ = lambda text: ARGPARSE.get(text, text)
    else:
        argparse._ = gettext.gettext


def language():
    return _language


def command(text):
    """A command to print for the learner to run: with --lang when the run was given one, so
    that copying it keeps the language."""
    return f"{text} --lang {_asked}" if _asked else text


class Message(str):
    """A rendered catalog entry: the text in the run's language, with `.english` beside it, and
    the entry's `.key` (None for a join of several)."""

    english: str

    def __new__(cls, text, english, key=None):
        message = super().__new__(cls, text)
        message.english = english
        message.key = key
        return message


def english(value):
    """The English rendering of a value: a Message's, or the value itself as text."""
    return value.english if isinstance(value, Message) else value


def t(key, **values):
    """The catalog entry `key` with its placeholders filled, in the run's language."""
    if os.environ.get(STRICT_ENV):
        raw = [name for name in PROSE & values.keys() if not isinstance(values[name], Message)]
        if any(values[name] for name in raw):
            raise AssertionError(f"t({key!r}): prose placeholder(s) {raw} not from the catalog")
    text = CATALOGS[_language][key].format(**values)
    if _language == "en":
        return Message(text, text, key)
    english_values = {name: english(value) for name, value in values.items()}
    return Message(text, EN[key].format(**english_values), key)


def join(parts):
    """Sentences joined into one message, in both languages (Chinese needs no space)."""
    parts = [part for part in parts if part]
    text = ("" if _language == "zh" else " ").join(parts)
    return Message(text, " ".join(english(part) for part in parts))


def placeholders(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
