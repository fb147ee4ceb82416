#!/usr/bin/env python
"""Same as the installed ``moot`` command, for those who expect manage.py."""

from moot.cli import main

if __name__ == "__main__":
    main()
