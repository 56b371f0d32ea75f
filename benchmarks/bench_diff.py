"""Time the practice-change diff, and set it beside bpmn.io's bpmn-js-differ.

For each size, :func:`~benchmarks.generate_models.generate` draws a STANDARD model and
:func:`make_local` derives a LOCAL variant from it, the way a unit's own drawing differs
from the regional standard: every id renamed, about 10 % of the tasks relabelled with
synonyms (which a benchmark thesaurus knows), and a few tasks removed, added and moved
elsewhere in the flow. In the same run this measures, on the two documents already in
memory:

* our full diff: :class:`~process_mapper.core.diff.Differ` built and
  :meth:`~process_mapper.core.diff.Differ.diff` run (graphs, matching, facts, behaviour,
  changes), median of ``--repeat`` runs after a warm-up;
* our re-diff after the user forced one pair: :meth:`~process_mapper.core.diff.Differ.diff`
  again on the same differ with one forced pair, median likewise;
* bpmn-js-differ's ``diff`` on the same two files, read with bpmn-moddle, through
  ``tests/node/differ_bench.mjs`` (parsing not timed; skipped, with a note, where
  Node.js or the package is missing). It pairs elements by id only, so on a variant with
  renamed ids it reports every element as removed and added.

Prints a Markdown table; ``--json OUT`` also writes the raw numbers. Run from the
repository's root::

    python -m benchmarks.bench_diff [--sizes 50 100 200] [--repeat 7] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from lxml import etree

from benchmarks.bench_io import time_runs
from benchmarks.generate_models import BPMNDI, MODEL, generate
from process_mapper.core.diff import Differ, Thesaurus, default_thesaurus
from process_mapper.core.diff.thesaurus import parse_thesaurus
from process_mapper.core.xmlio import read_bpmn

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "tests" / "node"
DIFFER_BENCH = NODE_DIR / "differ_bench.mjs"
SIZES = (50, 100, 200, 500, 1000, 2000)
SEED = 11
RELABEL_SHARE = 0.10
#: Verbs of the generated labels and the synonym a unit writes instead.
SYNONYMS = {
    "Register": "Enrol", "Review": "Go through", "Assess": "Evaluate", "Prioritise": "Rank",
    "Book": "Schedule", "Confirm": "Acknowledge", "Update": "Revise", "Sign": "Undersign",
    "Archive": "File", "Prepare": "Draft", "Check": "Verify", "Document": "Write up",
    "Forward": "Pass on", "Approve": "Authorise", "Record": "Log",
}
_TASK_TAGS = {f"{{{MODEL}}}{tag}" for tag in ("task", "userTask", "manualTask", "serviceTask", "scriptTask",
                                             "businessRuleTask")}


def benchmark_thesaurus() -> Thesaurus:
    """The shipped thesaurus plus the synonyms :func:`make_local` writes."""
    lines = "\n".join(f"{verb} = {synonym}" for verb, synonym in SYNONYMS.items())
    return default_thesaurus().merged(parse_thesaurus(lines, "benchmark"))


def rename_ids(xml: bytes, prefix: str) -> tuple[bytes, dict[str, str]]:
    """The same BPMN document with every id replaced by ``prefix`` and a number.

    Every attribute value (names aside), space-separated attribute token and reference
    element text (``<incoming>``, ``<flowNodeRef>``, ``<sourceRef>`` ...) that equals an id
    is rewritten too, so references (``sourceRef``, ``bpmnElement``,
    ``<incoming>``, ``<flowNodeRef>`` ...) keep pointing at the same elements.

    Returns
    -------
    tuple
        The new document and the mapping from old to new ids.
    """
    root = etree.fromstring(xml)
    ids = [element.get("id") for element in root.iter(etree.Element) if element.get("id")]
    new = {old: f"{prefix}{n}" for n, old in enumerate(dict.fromkeys(ids), 1)}
    for element in root.iter(etree.Element):
        for name, value in element.attrib.items():
            tokens = value.split()
            if name != "name" and tokens and all(token in new for token in tokens):
                element.set(name, " ".join(new[token] for token in tokens))
        local = etree.QName(element).localname
        is_reference = local.endswith(("Ref", "Refs")) or local in ("incoming", "outgoing", "source", "target")
        if is_reference and element.text and element.text.strip() in new:
            element.text = new[element.text.strip()]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), new


class _Editor:
    """Edits a generated model in place: relabels, removes, adds and moves tasks."""

    def __init__(self, root: etree._Element, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.process = root.find(f"{{{MODEL}}}process")
        self.by_id = {e.get("id"): e for e in root.iter(etree.Element) if e.get("id")}
        messaging = {e.get(end) for e in root.iter(f"{{{MODEL}}}messageFlow") for end in ("sourceRef", "targetRef")}
        self.tasks = [e for e in self.process if e.tag in _TASK_TAGS and e.get("id") not in messaging]
        self.serial = 0

    def _flows(self, node_id: str, end: str) -> list[etree._Element]:
        return [f for f in self.process.iter(f"{{{MODEL}}}sequenceFlow") if f.get(end) == node_id]

    def _retarget_refs(self, node_id: str, kind: str, old: str, new: str | None) -> None:
        for ref in self.by_id[node_id].findall(f"{{{MODEL}}}{kind}"):
            if ref.text == old:
                if new is None:
                    self.by_id[node_id].remove(ref)
                else:
                    ref.text = new

    def _drop_drawing(self, element_id: str) -> None:
        for drawn in self.root.iter(f"{{{BPMNDI}}}BPMNShape", f"{{{BPMNDI}}}BPMNEdge"):
            if drawn.get("bpmnElement") == element_id:
                drawn.getparent().remove(drawn)
                return

    def _lane_of(self, node_id: str) -> etree._Element | None:
        return next((ref for ref in self.process.iter(f"{{{MODEL}}}flowNodeRef") if ref.text == node_id), None)

    def unlink(self, task: etree._Element) -> None:
        """Take ``task`` out of its chain: its predecessor flows straight to its successor."""
        task_id = task.get("id")
        (incoming,), (outgoing,) = self._flows(task_id, "targetRef"), self._flows(task_id, "sourceRef")
        after = outgoing.get("targetRef")
        incoming.set("targetRef", after)
        self._retarget_refs(after, "incoming", outgoing.get("id"), incoming.get("id"))
        self._retarget_refs(task_id, "incoming", incoming.get("id"), None)
        self._retarget_refs(task_id, "outgoing", outgoing.get("id"), None)
        self.process.remove(outgoing)
        self._drop_drawing(outgoing.get("id"))

    def insert_after(self, task: etree._Element, before: etree._Element) -> None:
        """Put ``task`` (unlinked) into the flow right after ``before``."""
        (flow,) = self._flows(before.get("id"), "sourceRef")
        after = flow.get("targetRef")
        self.serial += 1
        new_flow = etree.SubElement(self.process, f"{{{MODEL}}}sequenceFlow", id=f"Flow_bench_{self.serial}",
                                    sourceRef=task.get("id"), targetRef=after)
        flow.set("targetRef", task.get("id"))
        self._retarget_refs(after, "incoming", flow.get("id"), new_flow.get("id"))
        etree.SubElement(task, f"{{{MODEL}}}incoming").text = flow.get("id")
        etree.SubElement(task, f"{{{MODEL}}}outgoing").text = new_flow.get("id")

    def chained(self, exclude: set[str]) -> list[etree._Element]:
        return [t for t in self.tasks if t.get("id") not in exclude
                and len(self._flows(t.get("id"), "targetRef")) == 1 and len(self._flows(t.get("id"), "sourceRef")) == 1]

    def edit(self, count: int) -> None:
        for task in self.rng.sample(self.tasks, max(1, round(len(self.tasks) * RELABEL_SHARE))):
            verb, _, rest = (task.get("name") or "").partition(" ")
            if verb in SYNONYMS:
                task.set("name", f"{SYNONYMS[verb]} {rest}")
        touched: set[str] = set()
        for task in self.rng.sample(self.chained(touched), count):  # removed
            touched.add(task.get("id"))
            self.unlink(task)
            self.process.remove(task)
            self._drop_drawing(task.get("id"))
            lane_ref = self._lane_of(task.get("id"))
            if lane_ref is not None:
                lane_ref.getparent().remove(lane_ref)
        for anchor in self.rng.sample(self.chained(touched), count):  # added: a scan after some task
            touched.add(anchor.get("id"))
            self.serial += 1
            added = etree.SubElement(self.process, f"{{{MODEL}}}manualTask", id=f"Activity_bench_{self.serial}",
                                     name=f"Scan paper copy {self.serial}")
            self.insert_after(added, anchor)
            lane_ref = self._lane_of(anchor.get("id"))
            if lane_ref is not None:
                etree.SubElement(lane_ref.getparent(), f"{{{MODEL}}}flowNodeRef").text = added.get("id")
        movable = self.chained(touched)
        for task in self.rng.sample(movable, count):  # moved after another task
            targets = [t for t in self.chained(touched | {task.get("id")})]
            touched.add(task.get("id"))
            self.unlink(task)
            self.insert_after(task, self.rng.choice(targets))


def make_local(standard: bytes, seed: int, rename: bool = True) -> bytes:
    """A unit's variant of ``standard``: other ids, some synonyms, a few steps removed, added and moved.

    Parameters
    ----------
    standard : bytes
        A model from :func:`~benchmarks.generate_models.generate`.
    seed : int
        Seed of every random choice.
    rename : bool, optional
        False keeps the standard's ids (a variant edited from a copy of the file).
    """
    root = etree.fromstring(standard)
    editor = _Editor(root, random.Random(seed))
    editor.edit(count=max(1, len(editor.tasks) // 50))
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return rename_ids(data, "L_")[0] if rename else data


@dataclass
class SizeResult:
    """Measurements for one pair of models; times in milliseconds."""

    nodes: int
    changes: int
    full_ms: list[float]
    rediff_ms: list[float]
    differ_ms: list[float] | None
    differ_report: dict[str, object] | None
    differ_same_ids_ms: list[float] | None
    differ_same_ids_report: dict[str, object] | None

    @staticmethod
    def _median(values: list[float] | None) -> float | None:
        return statistics.median(values) if values else None

    def medians(self) -> dict[str, float | None]:
        """Median of each measurement (None where it did not run)."""
        return {"full_ms": self._median(self.full_ms), "rediff_ms": self._median(self.rediff_ms),
                "differ_ms": self._median(self.differ_ms), "differ_same_ids_ms": self._median(self.differ_same_ids_ms)}


def differ_available() -> bool:
    """Whether ``node`` is on PATH and bpmn-js-differ is installed in ``tests/node``."""
    return shutil.which("node") is not None and (NODE_DIR / "node_modules" / "bpmn-js-differ").is_dir()


def differ_runs(standard: Path, local: Path, repeat: int) -> dict[str, object]:
    """Run ``tests/node/differ_bench.mjs`` on the two files and return its report."""
    proc = subprocess.run(
        ["node", "--expose-gc", os.fspath(DIFFER_BENCH), os.fspath(standard), os.fspath(local),
         "--repeat", str(repeat)],
        capture_output=True, text=True, check=True,
    )
    report: dict[str, object] = json.loads(proc.stdout)
    return report


def measure(nodes: int, folder: Path, repeat: int, with_differ: bool) -> SizeResult:
    """Generate the pair for ``nodes`` flow nodes in ``folder`` and take every measurement."""
    standard_xml = generate(nodes, SEED)
    standard_path, local_path = folder / f"standard_{nodes}.bpmn", folder / f"local_{nodes}.bpmn"
    same_ids_path = folder / f"local_same_ids_{nodes}.bpmn"
    standard_path.write_bytes(standard_xml)
    local_path.write_bytes(make_local(standard_xml, SEED + nodes))
    same_ids_path.write_bytes(make_local(standard_xml, SEED + nodes, rename=False))
    standard, local = read_bpmn(standard_path), read_bpmn(local_path)
    thesaurus = benchmark_thesaurus()
    differ = Differ(standard, local, thesaurus=thesaurus)
    first = differ.diff()
    named_a = [s.id for s in differ.standard.graph if s.label]
    named_b = [s.id for s in differ.local.graph if s.label]
    forced = [(named_a[len(named_a) // 2], named_b[len(named_b) // 3])]
    report = differ_runs(standard_path, local_path, repeat) if with_differ else None
    same_ids = differ_runs(standard_path, same_ids_path, repeat) if with_differ else None
    return SizeResult(
        nodes=nodes,
        changes=len(first.changes),
        full_ms=time_runs(lambda: Differ(standard, local, thesaurus=thesaurus).diff(), repeat),
        rediff_ms=time_runs(lambda: differ.diff(forced), repeat),
        differ_ms=list(report["runs_ms"]) if report else None,  # type: ignore[call-overload]
        differ_report=report,
        differ_same_ids_ms=list(same_ids["runs_ms"]) if same_ids else None,  # type: ignore[call-overload]
        differ_same_ids_report=same_ids,
    )


def markdown_table(results: Sequence[SizeResult]) -> str:
    """The benchmark's Markdown table, with a legend."""
    lines = ["| nodes | ours full diff ms | ours re-diff ms | bpmn-js-differ ms |", "|---:|---:|---:|---:|"]
    for result in results:
        medians = result.medians()
        differ = "n/a" if medians["differ_ms"] is None else f"{medians['differ_ms']:.1f}"
        lines.append(f"| {result.nodes} | {medians['full_ms']:.1f} | {medians['rediff_ms']:.1f} | {differ} |")
    lines += [
        "",
        "Medians on documents already in memory. Full diff: graphs, matching, facts, behaviour and "
        "practice changes; re-diff: the same differ again with one forced pair. bpmn-js-differ pairs "
        "elements by id only, and its time excludes bpmn-moddle parsing. With every local id renamed it "
        "finds the process itself removed and added and looks no deeper; on the same variant with the "
        "standard's ids kept it compares every element:",
        "",
        "| nodes | bpmn-js-differ ms, ids kept | its added / removed / changed |",
        "|---:|---:|---|",
    ]
    for result in results:
        report = result.differ_same_ids_report
        if report is not None:
            lines.append(f"| {result.nodes} | {result.medians()['differ_same_ids_ms']:.1f} "
                         f"| {report['added']} / {report['removed']} / {report['changed']} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the arguments."""
    parser = argparse.ArgumentParser(description="Benchmark the practice-change diff against bpmn-js-differ.")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="flow nodes per model")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement (default 7)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the raw numbers here")
    args = parser.parse_args(argv)
    with_differ = differ_available()
    if not with_differ:
        print("note: bpmn-js-differ not run (needs node and `npm ci` in tests/node)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench_diff_") as folder:
        results = [measure(n, Path(folder), args.repeat, with_differ) for n in args.sizes]
    print(markdown_table(results))
    if args.json:
        report = {
            "environment": {"python": platform.python_version(), "platform": platform.platform()},
            "repeat": args.repeat,
            "results": [asdict(r) | {"medians": r.medians()} for r in results],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
