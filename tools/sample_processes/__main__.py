"""Regenerate every sample file: ``python -m tools.sample_processes [--check]``.

Writes ``sample_processes/standard/*.bpmn``, ``sample_processes/local/*.bpmn`` and the
``*.expected.json`` beside each local variant. With ``--check`` nothing is written; the
command fails when a file on disk differs from what the generator produces.
"""

from __future__ import annotations

import argparse
import sys

from . import ROOT, all_specs, expected_json, render_bpmn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.sample_processes", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the files on disk")
    args = parser.parse_args(argv)
    stale: list[str] = []
    for spec in all_specs():
        outputs = {ROOT / f"{spec.file}.bpmn": render_bpmn(spec)}
        if spec.standard:
            outputs[ROOT / f"{spec.file}.expected.json"] = expected_json(spec)
        for path, data in outputs.items():
            current = path.read_bytes() if path.exists() else None
            if current == data:
                continue
            if args.check:
                stale.append(str(path.relative_to(ROOT.parent)))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT.parent)}")
    if stale:
        print("out of date (run python -m tools.sample_processes):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
