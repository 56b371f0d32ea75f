#!/usr/bin/env bash
# Starts Process Mapper, installing what it needs first. The sample standard processes are the
# standards shipped with the app (always listed); File > Open Sample Process… opens the local variants.
set -euo pipefail
cd "$(dirname "$0")"
tools/bootstrap.sh
exec .venv/bin/process-mapper gui "$@"
