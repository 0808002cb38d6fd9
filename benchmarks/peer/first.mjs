// First execution in a fresh Node process, as a test pays it: import + construct + one run.
// Usage: node first.mjs DEFINITION.json INPUT.json [EXPECTED.json]
// With EXPECTED.json, the output is checked against it (`wrong`: 0 or 1, and the output when wrong).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { localOverrides, same } from './common.mjs';

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
const overrides = localOverrides(definition);
const t1 = performance.now();
const machine = new StateMachine(definition);
const t2 = performance.now();
const output = await machine.run(input, { overrides }).result;
const t3 = performance.now();
const result = { side: 'peer', mode: 'first', importMs: +(t1 - t0).toFixed(1), buildMs: +(t2 - t1).toFixed(1),
  firstRunMs: +(t3 - t2).toFixed(1), inMainMs: +(t3 - t0).toFixed(1), sinceProcessStartMs: Math.round(performance.now()) };
if (expectedPath) {
  result.outputsChecked = 1;
  result.wrong = same(output, JSON.parse(readFileSync(expectedPath, 'utf8'))) ? 0 : 1;
  if (result.wrong) result.firstWrongOutput = output;
}
console.log(JSON.stringify(result));
