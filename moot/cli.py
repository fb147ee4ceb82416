"""The ``moot`` console command: Django's management commands under the product's name.

``moot migrate``, ``moot demo``, ``moot createsuperuser``, ``moot runserver`` … all work.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moot.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "moot"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
