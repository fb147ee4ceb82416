#!/usr/bin/env bash
# CI: what the reference deployment's test (deploy/tests/test_stack.py) needs on a fresh
# Debian machine: nginx from Debian (not started as a service: the test runs its own, on free
# ports, as the current user) and openssl for its self-signed certificate.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need_apt=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
command -v openssl >/dev/null || need_apt+=(openssl)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing: ${need_apt[*]}"
  apt-get update -qq
  # The package would start nginx on port 80; the test needs none running.
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
  [ -z "$made_policy" ] || rm -f /usr/sbin/policy-rc.d
fi
[ -f /etc/nginx/mime.types ] || { echo "nginx's mime.types is missing" >&2; exit 1; }
nginx -v
