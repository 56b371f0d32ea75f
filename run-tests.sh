#!/usr/bin/env bash
# Runs the whole test suite headless, installing whatever it needs first.
set -euo pipefail
cd "$(dirname "$0")"
tools/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports --config pyproject.toml
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
