"""Letters typed for digits inside a long number (SOP D.4): a NIK, KK or phone number written
with the letter O for zero and l or I for one, whole or in groups (``6172 O354 lO9O OOO2``,
``O8l2-4433-9O17``), so that a reader still reads the number and the screen did not.

Only a **run** is read: at least ``RUN`` characters that are digits or look-alike letters
(``O``, ``o``, ``l``, ``I``), with at most ``SEPARATORS`` spaces, dots or hyphens between
two of them, standing alone (no letter or digit touching either end) and holding at least
``DIGITS`` real digits. Ordinary words (*Ollie*, *Illinois*), codes (*KPU-O1*, *SK
l2/2026*) and short numbers stay as written. The text keeps its length, so spans found in
the read text are spans of the text as written.
"""

from __future__ import annotations

import re

RUN = 10  # a phone number's digits at least; a NIK's are 16
DIGITS = 7  # real digits in the run: more than half of the shortest phone number
SEPARATORS = 3
LOOKALIKE = str.maketrans("OoIl", "0011")
DIGIT_RUN = re.compile(rf"(?<![\w+])[0-9OoIl](?:[ .\-]{{0,{SEPARATORS}}}[0-9OoIl]){{{RUN - 1},}}"
                       r"(?![\w]|[.\-]\w)")


def read_digits(text: str) -> str:
    """``text`` with the look-alike letters of every long digit run read as digits."""
    return DIGIT_RUN.sub(_read_run, text)


def _read_run(match: re.Match[str]) -> str:
    run = match.group()
    if sum(c.isdigit() for c in run) < DIGITS:
        return run
    return run.translate(LOOKALIKE)
