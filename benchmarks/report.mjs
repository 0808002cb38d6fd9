// Turns target/bench/results.jsonl (written by benchmarks/compare.sh) into the Markdown table.
// Usage: node benchmarks/report.mjs RESULTS.jsonl "MACHINE" COMMIT
import { readFileSync } from 'node:fs';

const [file, machine = '?', commit = '?'] = process.argv.slice(2);
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
// Rates from counts and times where a result has them: slow rates print rounded (to 0 below 0.5/s).
const exact = (result, field) => {
  if (field === 'executionsPerSecond' && result?.executions && result?.seconds) return result.executions / result.seconds;
  if (field === 'executionsPerSecond' && Array.isArray(result?.each)) return result.each.reduce((n, e) => n + exact(e, field), 0);
  if (field === 'buildsPerSecond' && result?.microsPerBuild) return 1e6 / result.microsPerBuild;
  return result?.[field];
};
const pick = (side, mode, workload, field) =>
  rows.filter((r) => r.side === side && r.mode === mode && r.workload === workload).map((r) => exact(r.result, field)).filter((v) => typeof v === 'number');
const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (Number.isNaN(x) ? 'n/a' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const cell = (xs) => (xs.length ? `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})` : 'n/a');
const ratio = (a, b) => median(a) / median(b);
const verdict = (ok) => (ok === null ? '' : ok ? 'met' : '**missed**');
const rounds = (xs) => xs.length;

const names = ['order-processing', 'pass-chain-10', 'map-1000'];

// Outputs: every result line says how many outputs it checked against the workload's expected
// output and how many were wrong (with the first wrong one). A row shows "n ok" or a footnote.
const footnotes = [];
const outputs = (modes, workload) => {
  const cells = [];
  for (const side of ['asl4j', 'peer']) {
    const rs = rows.filter((r) => r.side === side && modes.includes(r.mode) && r.workload === workload);
    if (!rs.length) continue;
    const checked = rs.reduce((n, r) => n + (r.result?.outputsChecked ?? 0), 0);
    const wrong = rs.reduce((n, r) => n + (r.result?.wrong ?? 0), 0);
    const unchecked = rs.filter((r) => typeof r.result?.outputsChecked !== 'number').length;
    if (wrong) {
      const first = rs.find((r) => r.result?.wrong)?.result.firstWrongOutput;
      let text = JSON.stringify(first);
      if (text && text.length > 160) text = text.slice(0, 160) + '…';
      let note = footnotes.findIndex((f) => f.side === side && f.workload === workload && f.text === text);
      if (note < 0) note = footnotes.push({ side, workload, text }) - 1;
      cells.push(`${side}: **${wrong.toLocaleString('en-US')} of ${checked.toLocaleString('en-US')} wrong** [${note + 1}]`);
    } else if (unchecked) {
      cells.push(`${side}: ${unchecked} round(s) unchecked`);
    } else {
      cells.push(`${side}: ${checked.toLocaleString('en-US')} ok`);
    }
  }
  return cells.join('; ');
};
const goals = { 'order-processing': 25, 'pass-chain-10': 20, 'map-1000': 100 };
const out = [];
out.push(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, on ${machine}.`);
out.push('Peer: aws-local-stepfunctions@3.0.0. Medians of the rounds, (min–max); ratio = asl4j median / peer median.');
out.push('');
out.push('Per CPU-second: executions per second of CPU time the whole process used (JVM: every thread, JIT and GC included; Node: `process.cpuUsage()`), medians; the goal is judged on the wall-clock ratio.');
out.push('');
out.push('| Measure | asl4j | peer | ratio | goal | | outputs checked | per CPU-second: asl4j / peer = ratio |');
out.push('| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |');
const perCpu = (mode, w) => {
  const a = pick('asl4j', mode, w, 'executionsPerCpuSecond'), p = pick('peer', mode, w, 'executionsPerCpuSecond');
  return a.length && p.length ? `${fmt(median(a))} / ${fmt(median(p))} = ${fmt(ratio(a, p))}×` : '';
};
const historyRows = [
  ['exec', 'executions/s, 1 thread', goals],
  ['exec-read', 'executions/s with the history read (asl4j: `history()` and every event\'s details, their `input` and `output` read; peer: every event of `eventLogs` and its fields), 1 thread',
    { 'order-processing': 25, 'pass-chain-10': 25, 'map-1000': 25 }],
  ['exec-json', 'executions/s with every event as JSON (asl4j: `toJson().toString()`, GetExecutionHistory\'s shape; peer: `JSON.stringify` of every event), 1 thread',
    { 'order-processing': 10, 'pass-chain-10': 10, 'map-1000': 10 }],
];
for (const [mode, what, goal] of historyRows) {
  for (const w of names) {
    const a = pick('asl4j', mode, w, 'executionsPerSecond'), p = pick('peer', mode, w, 'executionsPerSecond');
    const r = ratio(a, p);
    const ev = (side) => median(pick(side, mode, w, 'eventsPerExecution'));
    const events = mode === 'exec' ? '' : `; events each: ${fmt(ev('asl4j'))} vs ${fmt(ev('peer'))}`;
    out.push(`| ${w}, ${what} (${rounds(a)} rounds${events}) | ${cell(a)} | ${cell(p)} | ${fmt(r)}× | ≥ ${goal[w]}× | ${verdict(r >= goal[w])} | ${outputs([mode], w)} | ${perCpu(mode, w)} |`);
  }
}
for (const w of names) {
  const a = pick('asl4j', 'threads', w, 'executionsPerSecond'), p = pick('peer', 'threads', w, 'executionsPerSecond');
  const one = median(pick('asl4j', 'exec', w, 'executionsPerSecond'));
  out.push(`| ${w}, executions/s, both cores (asl4j: 2 threads, ${fmt(median(a) / one)}× its 1-thread median; peer: 2 processes) | ${cell(a)} | ${cell(p)} | ${fmt(ratio(a, p))}× | | | ${outputs(['threads'], w)} | ${perCpu('threads', w)} |`);
}
for (const w of names) {
  const a = pick('asl4j', 'build', w, 'buildsPerSecond'), p = pick('peer', 'build', w, 'buildsPerSecond');
  const r = ratio(a, p);
  const us = (xs) => fmt(1e6 / median(xs));
  out.push(`| ${w}, build + validate per second (µs each: ${us(a)} vs ${us(p)}) | ${cell(a)} | ${cell(p)} | ${fmt(r)}× | ≥ 100× | ${verdict(r >= 100)} | | |`);
}
{
  const a = pick('asl4j', 'first', 'order-processing', 'sinceJvmStartMs'), p = pick('peer', 'first', 'order-processing', 'sinceProcessStartMs');
  const aw = pick('asl4j', 'first', 'order-processing', 'processWallMs'), pw = pick('peer', 'first', 'order-processing', 'processWallMs');
  const ab = pick('asl4j', 'first', 'order-processing', 'buildMs'), ar = pick('asl4j', 'first', 'order-processing', 'firstRunMs');
  out.push(`| first execution in a fresh process, ms from process start (order-processing) | ${cell(a)} | ${cell(p)} | | ≤ 500 ms | ${verdict(median(a) <= 500)} | ${outputs(['first'], 'order-processing')} | |`);
  out.push(`| — the same, whole process wall clock incl. exit, ms | ${cell(aw)} | ${cell(pw)} | | | | | |`);
  out.push(`| — of which build + validate / first run, ms (asl4j) | ${fmt(median(ab))} / ${fmt(median(ar))} | | | | | | |`);
}
{
  const h = pick('asl4j', 'handwritten', 'order-processing', 'handWrittenPerSecond');
  const i = pick('asl4j', 'handwritten', 'order-processing', 'interpreterPerSecond');
  const r = ratio(h, i);
  out.push(`| order-processing hand-written on Jackson vs interpreter, executions/s (same JVM, alternating) | ${cell(i)} interpreted | ${cell(h)} hand-written | interpreter ${fmt(r)}× slower | ≤ 5× | ${verdict(r <= 5)} | both equal to the expected output | |`);
}
{
  // Harness parked: used heap after full GCs with the executions alive, minus before starting them.
  const mib = pick('asl4j', 'parked', 'waitForTaskToken', 'heapMiB');
  const per = pick('asl4j', 'parked', 'waitForTaskToken', 'bytesPerExecution');
  const cellText = mib.length ? `${fmt(median(mib))} MiB (${fmt(median(per))} bytes each)` : 'n/a';
  out.push(`| heap held by 100,000 executions parked on \`.waitForTaskToken\` (after GC, MemoryMXBean) | ${cellText} | | | ≤ 512 MiB | ${mib.length ? verdict(median(mib) <= 512) : ''} | | |`);
}
if (footnotes.length) {
  out.push('');
  out.push('Wrong outputs (the first one of each kind; expected outputs in `benchmarks/src/main/resources/io/asl4j/bench/expected/`):');
  out.push('');
  footnotes.forEach((f, i) => out.push(`${i + 1}. ${f.side} gets ${f.workload} wrong: \`${f.text}\``));
}
console.log(out.join('\n'));
