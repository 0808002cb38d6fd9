// First execution in a fresh Node process, as a test pays it: import + construct + one run.
// Usage: node first.mjs DEFINITION.json INPUT.json [EXPECTED.json]
// With EXPECTED.json, the output is checked against it (`wrong`: 0 or 1, and the output when wrong).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { StateMachine } = await import('aws-local-stepfunctions');
Promise.withResolvers ??= () => {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};
const [defPath, inputPath, expectedPath] = process.argv.slice(2);
const definition = JSON.parse(readFileSync(defPath, 'utf8'));
const input = JSON.parse(readFileSync(inputPath, 'utf8'));
const overrides = { taskResourceLocalHandlers: {}, waitTimeOverrides: {} };
const collect = (states) => {
  for (const [name, s] of Object.entries(states)) {
    if (s.Type === 'Task') overrides.taskResourceLocalHandlers[name] = async (x) => x;
    if (s.Type === 'Wait') overrides.waitTimeOverrides[name] = 0;
    for (const b of s.Branches ?? []) collect(b.States);
    const p = s.ItemProcessor ?? s.Iterator;
    if (p) collect(p.States);
  }
};
collect(definition.States);
const t1 = performance.now();
const machine = new StateMachine(definition);
const t2 = performance.now();
const output = await machine.run(input, { overrides }).result;
const t3 = performance.now();
const result = { side: 'peer', mode: 'first', importMs: +(t1 - t0).toFixed(1), buildMs: +(t2 - t1).toFixed(1),
  firstRunMs: +(t3 - t2).toFixed(1), inMainMs: +(t3 - t0).toFixed(1), sinceProcessStartMs: Math.round(performance.now()) };
if (expectedPath) {
  // JSON equality: objects compare by their members whatever the order, arrays item by item.
  const same = (a, b) => a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null
    && Array.isArray(a) === Array.isArray(b)
    && (Array.isArray(a) ? a.length === b.length && a.every((x, i) => same(x, b[i]))
      : Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => Object.hasOwn(b, k) && same(a[k], b[k]))));
  result.outputsChecked = 1;
  result.wrong = same(output, JSON.parse(readFileSync(expectedPath, 'utf8'))) ? 0 : 1;
  if (result.wrong) result.firstWrongOutput = output;
}
console.log(JSON.stringify(result));
