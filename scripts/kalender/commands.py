"""Commands beyond ``check``; importing a module adds its commands to :data:`kalender.cli.cli`."""

from . import site  # noqa: F401
from . import feed  # noqa: F401
from . import cards  # noqa: F401
from . import measure  # noqa: F401
from . import workflow_cli  # noqa: F401
from . import new  # noqa: F401
from . import minutes  # noqa: F401
from . import export  # noqa: F401
from . import report_cli  # noqa: F401
from .review import cli as review_cli  # noqa: F401
