"""``python -m kalender``: the same as the ``kalender`` command."""

from .cli.main import main

main()
