"""One YAML file of ``calendar/`` read the strict way and checked against its schema.

Apart from :mod:`kalender.core.calendar_data` so that the other readers of ``calendar/``
(stages, important days, phrases, settings) need not import the calendar they are part of.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Report
from .schema import Field, Validator
from .source import read_text
from .yamlsrc import Located, read_yaml


def read_data_file(path: Path, schema: Field, report: Report) -> Located | None:
    """Read one YAML file of ``calendar/`` and check it against ``schema``."""
    if not path.is_file():
        report.error(path, None, "config.missing_file")
        return None
    read = read_text(path, report)
    if read is None:
        return None
    located = read_yaml(read[1], path, report)
    if located is None:
        return None
    if located.value is None:
        located.value = {}
    validator = Validator(located, path, report)
    valid = validator.check(schema, located.value, ())
    return located if valid and located.ok else None
