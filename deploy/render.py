"""Fill a deploy/ template: every ``@NAME@`` replaced by its value; a name left without one
is an error, so a rendered file never carries a placeholder.

    python3 deploy/render.py deploy/nginx/moot.conf.in SERVER_NAME=moot.example.gov.uk ... \\
        > /etc/nginx/sites-available/moot
"""

from __future__ import annotations

import getpass
import re
import subprocess
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent

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


def local_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for ``localhost``, a day long, for a stack on this machine."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
            *["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
            *["-keyout", str(key), "-out", str(cert)],
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def local_nginx(
    folder: Path, values: dict, *, locations: str = "", main: dict[str, str] | None = None
) -> Path:
    """The site (deploy/nginx/moot.conf.in with ``values``, ``locations`` added before its
    catch-all one) and an nginx.conf running it from ``folder`` as the current user
    (deploy/tests/nginx-main.conf.in, each of ``main``'s texts replaced by its value); the
    path of that nginx.conf, for ``nginx -c``."""
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    site = render((DEPLOY / "nginx" / "moot.conf.in").read_text(), values)
    site = site.replace("    location / {", locations + "    location / {", 1)
    (folder / "moot.conf").write_text(site)
    conf = render(
        (DEPLOY / "tests" / "nginx-main.conf.in").read_text(),
        {"USER": getpass.getuser(), "PREFIX": str(folder)},
    )
    for old, new in (main or {}).items():
        conf = conf.replace(old, new)
    (folder / "nginx.conf").write_text(conf)
    return folder / "nginx.conf"


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pairs = dict(arg.split("=", 1) for arg in sys.argv[2:])
    try:
        sys.stdout.write(render(Path(sys.argv[1]).read_text(), pairs))
    except KeyError as error:
        sys.exit(f"{sys.argv[1]}: {error.args[0]}")
