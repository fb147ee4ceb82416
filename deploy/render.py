"""Fill a deploy/ template: every ``@NAME@`` replaced by its value; a name left without one
is an error, so a rendered file never carries a placeholder.

    python3 deploy/render.py deploy/nginx/moot.conf.in SERVER_NAME=moot.example.gov.uk ... \\
        > /etc/nginx/sites-available/moot
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")


def render(template: str, values: dict[str, str]) -> str:
    missing = sorted(set(PLACEHOLDER.findall(template)) - set(values))
    if missing:
        raise KeyError(f"no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)


def local_site(*, https, http, app, cert, key, data: Path, private: Path, cache: Path) -> dict:
    """The site's values for a stack run on this machine as the current user, on free ports
    (deploy/tests/test_stack.py, bench/cache_bench.py): ``data`` is its MOOT_DATA_DIR."""
    return {
        "SERVER_NAME": "localhost",
        "HTTP_PORT": http,
        "HTTPS_PORT": https,
        "TLS_CERT": cert,
        "TLS_KEY": key,
        "UPSTREAM": f"127.0.0.1:{app}",
        "STATIC_ROOT": data / "static",
        "MEDIA_ROOT": data / "media",
        "PRIVATE_ROOT": private,
        "ACCEL_LOCATION": "/_private/",
        "PAGE_CACHE": cache,
        "GENERATION_DIR": data / "public-generation",
    }


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pairs = dict(arg.split("=", 1) for arg in sys.argv[2:])
    try:
        sys.stdout.write(render(Path(sys.argv[1]).read_text(), pairs))
    except KeyError as error:
        sys.exit(f"{sys.argv[1]}: {error.args[0]}")
