// Times bpmn-moddle's fromXML on one BPMN file.
//
// Usage:
//   node [--expose-gc] moddle_bench.mjs FILE [--repeat N]
//
// Reads FILE once, parses it once as a warm-up, then N more times (default 7), and prints
// one JSON object:
//   {"file", "bytes", "repeat", "warmup_ms", "runs_ms": [...], "median_ms",
//    "warnings", "peak_rss_bytes"}
// Only fromXML is timed, on the string already in memory. With --expose-gc the heap is
// collected before each run, so one run's garbage is not charged to the next.

import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BpmnModdle } from 'bpmn-moddle';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeFromXML(moddle, xml) {
  globalThis.gc?.();
  const start = performance.now();
  const { warnings } = await moddle.fromXML(xml);
  return { ms: performance.now() - start, warnings: warnings.length };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { repeat: { type: 'string', default: '7' } },
  });
  const repeat = Number.parseInt(values.repeat, 10);
  if (positionals.length !== 1 || !(repeat > 0)) {
    console.error('usage: node moddle_bench.mjs FILE [--repeat N]');
    process.exit(2);
  }
  const [file] = positionals;
  const xml = await readFile(file, 'utf8');
  const moddle = new BpmnModdle();

  const warmup = await timeFromXML(moddle, xml);
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    runs.push((await timeFromXML(moddle, xml)).ms);
  }
  console.log(JSON.stringify({
    file,
    bytes: Buffer.byteLength(xml, 'utf8'),
    repeat,
    warmup_ms: warmup.ms,
    runs_ms: runs,
    median_ms: median(runs),
    warnings: warmup.warnings,
    // resourceUsage().maxRSS is in kilobytes.
    peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
  }));
}

await main();
