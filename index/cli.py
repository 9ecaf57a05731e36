"""What both command lines do around a command: user errors as messages, an early-closing reader as success."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from .errors import UserError


def run(command: Callable[[], int]) -> int:
    """Run a command; a UserError prints as `error: …` with exit status 2."""
    try:
        return command()
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped early (| head): not an error. Python would complain again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
