"""``python -m kalender.bench``."""

from . import main

main()
