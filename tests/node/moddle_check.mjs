// Parses BPMN files with bpmn-moddle and reports, per file, what it made of them.
//
// Usage:
//   node moddle_check.mjs FILE...          check the files named on the command line
//   node moddle_check.mjs < list.txt       check the files listed on stdin, one per line
//
// Prints one JSON object per line, in input order:
//   {"file": path, "ok": bool, "warnings": [message...], "error": string|null, "root": type|null}
// "ok" is true when fromXML resolved (warnings may still be present). The exit code is 0
// once every file has its line, whatever the verdicts.

import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';

async function readStdinLines() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
}

// moddle quotes the unparsable text in its message; keep both ends of a long one.
function shorten(message, limit = 600) {
  return message.length <= limit ? message : `${message.slice(0, limit / 2)} … ${message.slice(-limit / 2)}`;
}

function messages(warnings) {
  return (warnings || []).map((warning) => shorten(String(warning.message ?? warning)));
}

async function check(moddle, file) {
  let xml;
  try {
    xml = await readFile(file, 'utf8');
  } catch (err) {
    return { file, ok: false, warnings: [], error: `cannot read file: ${err.message}`, root: null };
  }
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml);
    return { file, ok: true, warnings: messages(warnings), error: null, root: rootElement.$type };
  } catch (err) {
    return { file, ok: false, warnings: messages(err.warnings), error: shorten(err.message), root: null };
  }
}

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2) : await readStdinLines();
  const moddle = new BpmnModdle();
  for (const file of files) {
    process.stdout.write(JSON.stringify(await check(moddle, file)) + '\n');
  }
}

await main();
