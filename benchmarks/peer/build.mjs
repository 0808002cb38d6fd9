// Build + validate on the peer: JSON text -> new StateMachine(definition) (the constructor
// validates the definition), repeated for a time after a warm-up, like asl4j's "build" mode.
// Usage (from the folder where aws-local-stepfunctions is installed):
//   node build.mjs DEFINITION.json [WARMUP_SECONDS=3] [SECONDS=3]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { StateMachine } from 'aws-local-stepfunctions';

const [defPath, warm = '3', secs = '3'] = process.argv.slice(2);
const text = readFileSync(defPath, 'utf8');
let sink;
const runFor = (seconds) => {
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  do { sink = new StateMachine(JSON.parse(text)); n++; } while (performance.now() < deadline);
  return n;
};
let t = performance.now();
sink = new StateMachine(JSON.parse(text));
const firstMs = performance.now() - t;
runFor(Number(warm));
t = performance.now();
const n = runFor(Number(secs));
const seconds = (performance.now() - t) / 1000;
console.log(JSON.stringify({ side: 'peer', mode: 'build', node: process.version, builds: n,
  buildsPerSecond: Math.round(n / seconds), microsPerBuild: +(seconds * 1e6 / n).toFixed(2), firstMs: +firstMs.toFixed(2) }));
