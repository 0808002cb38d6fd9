// Times a workload on aws-local-stepfunctions, the npm peer, as compare.sh's asl4j side times it
// (io.asl4j.bench.Harness exec), and checks its outputs against the workload's expected output.
// It is ../shared/bench/peer-als/run.mjs plus two things: the history modes and the output check.
//
// Usage (from the folder where aws-local-stepfunctions is installed):
//   node exec.mjs DEFINITION.json INPUT.json EXPECTED.json EXECUTIONS WARMUP [none|read|json]
//
// History modes, the peer's closest equivalent of asl4j's execution history (the peer has no
// GetExecutionHistory; run() returns `eventLogs`, an async generator over the events its
// EventLogger queued while the execution ran: {type, timestamp, state: {name, type, input,
// output}, index, parentState, ...}, values held by reference):
//   none  the execution only (the peer queues its events anyway; nobody reads them)
//   read  every event taken from eventLogs and its fields read (type, timestamp, and the state's
//         or execution's input and output)
//   json  every event taken from eventLogs and serialised with JSON.stringify
//
// Outputs: every warm-up execution's output is checked, and during the measured executions one
// in 16 (the last of each 16, as the asl4j side checks); a wrong output is counted and the first
// one is printed in the result (`wrong`, `firstWrongOutput`), so the report can say so.
// Rates: per second of wall clock, and per second of the process's CPU time (process.cpuUsage():
// every thread of the process, as the asl4j side counts its JVM's). Prints one JSON line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { StateMachine } from 'aws-local-stepfunctions';
import { localOverrides, same } from './common.mjs';

// The package targets Node 22; on Node 20 its Task states need this one Node 22 built-in.
Promise.withResolvers ??= () => {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};

const [defPath, inputPath, expectedPath, n = '2000', warm = '200', history = 'none'] = process.argv.slice(2);
if (!defPath || !inputPath || !expectedPath || !['none', 'read', 'json'].includes(history)) {
  console.error('usage: node exec.mjs DEFINITION.json INPUT.json EXPECTED.json [EXECUTIONS] [WARMUP] [none|read|json]');
  process.exit(2);
}
const definition = JSON.parse(readFileSync(defPath, 'utf8'));
const input = JSON.parse(readFileSync(inputPath, 'utf8'));
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const executions = Number(n), warmup = Number(warm);
const overrides = localOverrides(definition);

let sink, events = 0, checked = 0, wrong = 0, firstWrongOutput;
const check = (output) => {
  checked++;
  if (!same(output, expected)) {
    if (wrong++ === 0) firstWrongOutput = output;
  }
};

const machine = new StateMachine(definition);
const once = async (checkIt) => {
  const execution = machine.run(input, { overrides });
  const output = await execution.result;
  if (history === 'read') {
    for await (const e of execution.eventLogs) {
      events++;
      sink = e.type;
      sink = e.timestamp;
      sink = e.state?.input ?? e.input;
      sink = e.state?.output ?? e.output;
    }
  } else if (history === 'json') {
    for await (const e of execution.eventLogs) {
      events++;
      sink = JSON.stringify(e);
    }
  }
  if (checkIt) check(output);
  return output;
};
for (let i = 0; i < warmup; i++) await once(true);
const warmChecked = checked;
events = 0;
const cpu = process.cpuUsage(); // the whole process's CPU time, as the asl4j side measures its own
const t = performance.now();
for (let i = 0; i < executions; i++) await once(i % 16 === 15 || i === executions - 1);
const seconds = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
// Whole numbers, but three significant digits below 100 (map-1000 runs under 1 execution/s on a busy host).
const rate = (x) => (x >= 100 ? Math.round(x) : +x.toPrecision(3));
const result = { side: 'peer', peer: 'aws-local-stepfunctions@3.0.0', node: process.version, history, executions,
  seconds: +seconds.toFixed(4), executionsPerSecond: Math.round(executions / seconds), // whole: compare.sh calibrates on it in bash
  executionsPerCpuSecond: rate(executions / cpuSeconds),
  eventsPerExecution: history === 'none' ? undefined : events / executions,
  outputsChecked: checked, warmupOutputsChecked: warmChecked, wrong };
if (wrong) result.firstWrongOutput = firstWrongOutput;
console.log(JSON.stringify(result));
