"""``python -m kalender``: the same as the ``kalender`` command."""

from .cli import main

main()
