// Times bpmn-js-differ's diff of two BPMN files (bpmn.io's semantic differ, which pairs
// elements by id only).
//
// Usage:
//   node [--expose-gc] differ_bench.mjs OLD NEW [--repeat N]
//
// Reads both files, parses them with bpmn-moddle (timed once, as parse_ms), then runs
// diff(oldDefinitions, newDefinitions) once as a warm-up and N more times (default 7), and
// prints one JSON object:
//   {"old", "new", "repeat", "parse_ms", "warmup_ms", "runs_ms": [...], "median_ms",
//    "added", "removed", "changed", "layout_changed"}
// Only diff() is timed in runs_ms, on definitions already in memory. With --expose-gc the
// heap is collected before each run.

import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BpmnModdle } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeDiff(oldDefinitions, newDefinitions) {
  globalThis.gc?.();
  const start = performance.now();
  const changes = diff(oldDefinitions, newDefinitions);
  return { ms: performance.now() - start, changes };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { repeat: { type: 'string', default: '7' } },
  });
  const repeat = Number.parseInt(values.repeat, 10);
  if (positionals.length !== 2 || !(repeat > 0)) {
    console.error('usage: node differ_bench.mjs OLD NEW [--repeat N]');
    process.exit(2);
  }
  const [oldFile, newFile] = positionals;
  const moddle = new BpmnModdle();
  const [oldXml, newXml] = await Promise.all([readFile(oldFile, 'utf8'), readFile(newFile, 'utf8')]);
  const parseStart = performance.now();
  const { rootElement: oldDefinitions } = await moddle.fromXML(oldXml);
  const { rootElement: newDefinitions } = await moddle.fromXML(newXml);
  const parseMs = performance.now() - parseStart;

  const warmup = timeDiff(oldDefinitions, newDefinitions);
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    runs.push(timeDiff(oldDefinitions, newDefinitions).ms);
  }
  const { changes } = warmup;
  console.log(JSON.stringify({
    old: oldFile,
    new: newFile,
    repeat,
    parse_ms: parseMs,
    warmup_ms: warmup.ms,
    runs_ms: runs,
    median_ms: median(runs),
    added: Object.keys(changes._added).length,
    removed: Object.keys(changes._removed).length,
    changed: Object.keys(changes._changed).length,
    layout_changed: Object.keys(changes._layoutChanged).length,
  }));
}

await main();
