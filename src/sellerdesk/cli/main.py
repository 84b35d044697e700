"""The ``sellerdesk`` command.

Every command works on an empty ``SELLERDESK_HOME``: it creates and migrates the
database first. Exit codes: 0 success, 1 a check failed, 2 bad input (one line on
stderr saying why).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


Handler = Callable[[argparse.Namespace], int]


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellerdesk.settings")
    import django
    from django.apps import apps

    # Once per process: set up again, Django would reconfigure logging and bind new
    # handlers to whatever sys.stderr is at that moment (in tests, a capture that closes).
    if not apps.ready:
        django.setup()


def ensure_database() -> None:
    """Apply any unapplied migrations (creates the database on first use)."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=0)


def build_parser() -> argparse.ArgumentParser:
    from sellerdesk.cli import commands

    parser = _Parser(prog="sellerdesk", description="The customer-service desk for Amazon sellers.")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    commands.register(sub)
    return parser


def _version() -> str:
    from sellerdesk import __version__

    return f"sellerdesk {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_django()
    from django.core.exceptions import ObjectDoesNotExist, ValidationError

    try:
        if getattr(args, "needs_db", True):
            ensure_database()
        handler: Handler = args.handler
        return handler(args)
    except UsageError as exc:
        print(f"sellerdesk: error: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"sellerdesk: error: {'; '.join(exc.messages)}", file=sys.stderr)
        return 2
    except ObjectDoesNotExist as exc:
        print(f"sellerdesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `sellerdesk … --json | head`: the reader left, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
