#!/usr/bin/env bash
# Starts Process Mapper with the sample standard processes at hand, installing what it needs first.
set -euo pipefail
cd "$(dirname "$0")"
tools/bootstrap.sh
exec .venv/bin/process-mapper gui --library sample_processes "$@"
