#!/usr/bin/env node
'use strict'
/*
 * Validation parity between asl4j and two community validators, asl-validator (npm) and
 * statelint (npm port @wmfs/statelint of awslabs/statelint). Not part of the build: CI reads only
 * what this script commits under dsl/src/test/resources/parity/ (ValidationParityTest).
 *
 * Regenerate (from the repository root; needs node >= 18, npm and a JDK 17):
 *   (cd tools/parity && npm ci)                          # the pinned tool versions, package-lock.json
 *   mvn -B -q -pl dsl -am -DskipTests package            # asl4j's validator, for the asl4j verdicts
 *   (cd dsl && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/parity-cp.txt)
 *   node tools/parity/parity.js [--conformance ../shared/conformance] [--fixtures DIR]
 *
 * The corpus: every definition of the AWS-recorded conformance cases (pure, lambda, service,
 * test_state full machines, validation), statelint's own test fixtures (shipped in its npm
 * package), any *.json under --fixtures (e.g. asl-validator's test definitions, which its npm
 * package does not ship), and the mutations of mutations.js (each breaks one tool rule).
 *
 * For each definition a tool rejects, each of the tool's messages is reduced to a rule key
 * (asl-validator: error code + schema path; statelint: message template + field), and rules.js
 * says what the rule is: a rule of the ASL spec / AWS (asl4j must reject, with the mapped tag) or
 * a tool-only opinion (asl4j must accept). A key rules.js does not know stops the script.
 *
 * Output:
 *   target/parity/report.md (beside this script): counts, the rule table, disagreements with asl4j
 *   dsl/src/test/resources/parity/<rule-folder>/<case>.json: every tool-rejected mutation or
 *     fixture of ours with the tools' verdicts; conformance cases are referenced by path
 *     ("conformanceCase"), never copied (the corpus stays outside the repository).
 */
const fs = require('fs')
const path = require('path')
const { execFileSync } = require('child_process')

const here = __dirname
const repo = path.resolve(here, '..', '..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const conformance = path.resolve(option('--conformance', path.join(repo, '..', 'shared', 'conformance')))
const fixturesDir = option('--fixtures', null)
const out = path.join(here, 'target', 'parity')
const resources = path.join(repo, 'dsl', 'src', 'test', 'resources', 'parity')

const validator = require('asl-validator')
const StateLint = require('@wmfs/statelint').StateLint
const { cases: mutations } = require('./mutations.js')
const { classify } = require('./rules.js')

const versions = {
  'asl-validator': require('asl-validator/package.json').version,
  statelint: require('@wmfs/statelint/package.json').version
}

// ---- the corpus ------------------------------------------------------------------------------

const ACTIVITY_PLACEHOLDER = 'arn:aws:fake:us-east-1:111111111111:create_activity()[activityArn]'
const ACTIVITY_ARN = 'arn:aws:states:us-east-1:111111111111:activity:TestActivity'

function walk (dir) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])
    .filter(f => f.endsWith('.json'))
    .sort()
}

function corpus () {
  const all = []
  for (const category of ['pure', 'lambda', 'service', 'validation', 'test_state']) {
    for (const file of walk(path.join(conformance, category))) {
      const c = JSON.parse(fs.readFileSync(file, 'utf8'))
      let definition = category === 'test_state' ? c.request && c.request.definition : c.definition
      if (!definition || typeof definition !== 'object' || !definition.States) continue
      definition = JSON.parse(JSON.stringify(definition).split(ACTIVITY_PLACEHOLDER).join(ACTIVITY_ARN))
      const awsOutcome = category === 'validation' ? 'rejected' : 'ran'
      all.push({
        id: path.relative(conformance, file),
        origin: 'conformance',
        awsOutcome,
        trust: c.source && c.source.trust,
        definition,
        stateMachineType: c.stateMachineType || 'STANDARD'
      })
    }
  }
  const statelintFixtures = path.join(path.dirname(require.resolve('@wmfs/statelint/package.json')), 'test', 'fixtures')
  for (const file of walk(statelintFixtures)) {
    all.push({ id: 'statelint-fixture/' + path.basename(file), origin: 'statelint-fixture', definition: JSON.parse(fs.readFileSync(file, 'utf8')), stateMachineType: 'STANDARD' })
  }
  if (fixturesDir) {
    for (const file of walk(fixturesDir)) {
      let definition
      try { definition = JSON.parse(fs.readFileSync(file, 'utf8')) } catch (e) { continue }
      all.push({ id: 'fixture/' + path.relative(fixturesDir, file), origin: 'tool-fixture', definition, stateMachineType: 'STANDARD' })
    }
  }
  for (const m of mutations) {
    all.push({ id: 'mutation/' + m.id, origin: 'mutation', breaks: m.breaks, expect: m.expect, definition: JSON.parse(JSON.stringify(m.definition)), stateMachineType: m.stateMachineType })
  }
  return all
}

// ---- the tools, and their messages reduced to rule keys ---------------------------------------

function runAslValidator (definition) {
  // asl-validator writes a default QueryLanguage into every state: give it a copy.
  let result
  try {
    result = validator(JSON.parse(JSON.stringify(definition)))
  } catch (e) {
    // It throws on some malformed definitions (a state that is not an object): a rejection too.
    return [{ tool: 'asl-validator', rule: `throws ${e.constructor.name}`, message: `throws ${e}` }]
  }
  return result.errors.map(e => {
    let key = e['Error code']
    if (e.schemaError) {
      key += ' ' + e.schemaError.schemaPath.replace('http://asl-validator.cloud/', '') + ' at ' + fieldOf(e.schemaError.instancePath)
      const params = e.schemaError.params || {}
      if (params.additionalProperty) key += ` +${params.additionalProperty}`
      if (params.missingProperty) key += ` -${params.missingProperty}`
    } else if (key === 'MISSING_TRANSITION_TARGET') {
      key += e.Message.includes('not reachable') ? ' (not reachable)' : ' (missing target)'
    }
    return { tool: 'asl-validator', rule: key, message: `${e['Error code']}: ${e.Message}` }
  })
}

/** The field an instance path ends in, state names and indices left out: /States/A/Retry/0 -> Retry[]. */
function fieldOf (instancePath) {
  const parts = instancePath.split('/').slice(1)
  let field = '(machine)'
  for (let i = 0; i < parts.length; i++) {
    if (parts[i - 1] === 'States' && field === 'States') field = '(state)'
    else if (/^\d+$/.test(parts[i])) field = field + '[]'
    else field = parts[i]
  }
  return field
}

const statelint = new StateLint()

/** What kind of object a statelint path names: Machine, State(Type), Retrier, Catcher, ... */
function kindAt (definition, at) {
  const tokens = []
  const re = /\.([^.[\]]+)|\[(\d+)\]/g
  let m
  const rest = at.replace(/^State Machine/, '')
  while ((m = re.exec(rest)) !== null) tokens.push(m[1] !== undefined ? m[1] : Number(m[2]))
  let node = definition
  let parentKey = null
  let grandKey = null
  for (const t of tokens) {
    if (node === null || typeof node !== 'object' || !(t in node)) return '?'
    grandKey = parentKey
    parentKey = t
    node = node[t]
  }
  if (parentKey === null) return 'Machine'
  if (grandKey === 'States') return `State(${node && node.Type})`
  if (typeof parentKey === 'number') {
    return { Retry: 'Retrier', Catch: 'Catcher', Choices: 'ChoiceRule', And: 'NestedRule', Or: 'NestedRule', Branches: 'Branch' }[grandKey] || grandKey
  }
  return { Not: 'NestedRule', Iterator: 'Processor', ItemProcessor: 'Processor' }[parentKey] || parentKey
}

function runStatelint (definition) {
  return statelint.validate(JSON.parse(JSON.stringify(definition))).map(message => {
    let m
    let rule
    if ((m = /^Field "([^"]+)" not allowed in (.*)$/.exec(message))) {
      rule = `not allowed: ${kindAt(definition, m[2])}.${m[1]}`
    } else if ((m = /^(.*) does not have required field (.*)$/.exec(message))) {
      rule = `required: ${kindAt(definition, m[1])}.${m[2].replace(/"/g, '')}`
    } else if ((m = /^(.*) may have only one of (.*)$/.exec(message))) {
      rule = `only one of: ${m[2]}`
    } else if ((m = /^(.*)\.([^.]+) is empty, non-empty required$/.exec(message))) {
      rule = `non-empty: ${m[2]}`
    } else if ((m = /^(.*) have forbidden field "(.*)"$/.exec(message))) {
      rule = `forbidden: ${kindAt(definition, m[1])}.${m[2]}`
    } else if ((m = /^Field "([^"]+)" defined at ".*" should be non-null$/.exec(message))) {
      rule = `non-null: ${m[1]}`
    } else if ((m = /^(.*?)([A-Za-z]+)(\[\d+\])? should be non-null$/.exec(message))) {
      rule = `non-null: ${m[2]}`
    } else if ((m = /^(.*?)\.([A-Za-z]+)(\[\d+\])? is .* but should be (.*)$/s.exec(message))) {
      rule = `type: ${m[2]} ${m[4]}`
    } else if ((m = /^.*\.([A-Za-z]+) is ".*", not one of the allowed values/s.exec(message))) {
      rule = `enum: ${m[1]}`
    } else if ((m = /^.*\.([A-Za-z]+) is ".*", but allowed (floor|minimum|ceiling|max) is (.*)$/s.exec(message))) {
      rule = `${m[2]}: ${m[1]} ${m[3]}`
    } else if (/^No terminal state found/.test(message)) {
      rule = 'no terminal state'
    } else if ((m = /^No state found named ".*", referenced at .*\.([A-Za-z]+)$/s.exec(message))) {
      rule = `unknown target: ${m[1]}`
    } else if (/States\.ALL can only appear in the last element/.test(message)) {
      rule = 'States.ALL last and alone'
    } else if (/^StartAt value .* not found in States field/s.test(message)) {
      rule = 'unknown target: StartAt'
    } else if (/^State ".*", defined at .* is also defined at/s.test(message)) {
      rule = 'duplicate state name'
    } else if (/^No transition found to state/.test(message)) {
      rule = 'no transition to state'
    } else if ((m = /^Field "([^"]+)" defined at ".*" is not a JSONPath$/s.exec(message))) {
      rule = `not a JSONPath: ${m[1]}`
    } else if ((m = /^Field ".*" of ([A-Za-z]+) at ".*" is not a JSONPath or intrinsic function expression$/s.exec(message))) {
      rule = `not a path or intrinsic: ${m[1]}`
    } else if (/^Field "Variable" of Choice state at ".*" is not a JSONPath$/s.test(message)) {
      rule = 'not a JSONPath: Variable'
    } else {
      rule = `? ${message}`
    }
    return { tool: 'statelint', rule, message }
  })
}

// ---- asl4j, through the dsl module's classes -------------------------------------------------

function runAsl4j (all) {
  const cpFile = path.join(repo, 'dsl', 'target', 'parity-cp.txt')
  const classes = path.join(repo, 'dsl', 'target', 'classes')
  if (!fs.existsSync(cpFile) || !fs.existsSync(classes)) {
    throw new Error('build dsl and write its class path first (see the header of this script)')
  }
  fs.mkdirSync(out, { recursive: true })
  const input = path.join(out, 'corpus.jsonl')
  const output = path.join(out, 'asl4j.jsonl')
  fs.writeFileSync(input, all.map(c => JSON.stringify({ id: c.id, definition: c.definition, stateMachineType: c.stateMachineType })).join('\n') + '\n')
  const cp = classes + path.delimiter + fs.readFileSync(cpFile, 'utf8').trim()
  execFileSync('java', ['-cp', cp, path.join(here, 'Asl4jVerdicts.java'), input, output], { stdio: 'inherit' })
  const verdicts = new Map()
  for (const line of fs.readFileSync(output, 'utf8').split('\n').filter(Boolean)) {
    const v = JSON.parse(line)
    verdicts.set(v.id, v.problems)
  }
  return verdicts
}

// ---- main ------------------------------------------------------------------------------------

function main () {
  const all = corpus()
  const asl4j = runAsl4j(all)
  const unknown = new Map()
  const table = new Map() // rule key -> {tool, classification, cases, asl4jMisses}
  const disagreements = []
  const counts = { corpus: all.length, 'asl-validator': 0, statelint: 0, asl4j: 0, byOrigin: {} }
  const committed = []
  const dump = []
  const unresolved = []
  const openFixtures = []

  // asl-validator compiles its schemas on every call: keep the tools' verdicts between runs.
  const cacheFile = path.join(out, `tool-verdicts-${versions['asl-validator']}-${versions.statelint}.json`)
  const cache = fs.existsSync(cacheFile) && !args.includes('--no-cache') ? JSON.parse(fs.readFileSync(cacheFile, 'utf8')) : {}
  for (const c of all) {
    const text = JSON.stringify(c.definition)
    const verdicts = cache[text] || (cache[text] = [...runAslValidator(c.definition), ...runStatelint(c.definition)])
    c.problems = asl4j.get(c.id)
    const asl4jErrors = c.problems.filter(p => p.severity === 'error')
    dump.push(JSON.stringify({ id: c.id, verdicts: verdicts.map(v => `${v.tool}: ${v.rule}  <<${v.message.split('\n')[0].slice(0, 160)}>>`), asl4j: c.problems.map(p => `${p.severity} [${p.tag}] ${p.pointer}: ${p.message.slice(0, 120)}`) }))
    const byOrigin = counts.byOrigin[c.origin] || (counts.byOrigin[c.origin] = { cases: 0, 'asl-validator': 0, statelint: 0, asl4j: 0 })
    byOrigin.cases++
    for (const tool of ['asl-validator', 'statelint']) {
      if (verdicts.some(v => v.tool === tool)) { counts[tool]++; byOrigin[tool]++ }
    }
    if (asl4jErrors.length) { counts.asl4j++; byOrigin.asl4j++ }
    if (!verdicts.length) continue

    const rules = []
    for (const v of verdicts) {
      const cls = classify(v.tool, v.rule)
      if (!cls) {
        if (!unknown.has(`${v.tool}|${v.rule}`)) unknown.set(`${v.tool}|${v.rule}`, `${c.id}: ${v.message}`)
        continue
      }
      rules.push({ ...v, cls })
    }
    const decision = decide(c, rules)
    if (!decision) {
      // Third-party fixtures are not committed: an open one is only listed in the report.
      if (c.origin === 'mutation' || c.origin === 'conformance') unresolved.push(`${c.id}: ${verdicts.map(v => v.rule).join('; ')}`)
      else openFixtures.push(`${c.id}: ${verdicts.map(v => v.message).join('; ')}`)
      continue
    }
    for (const r of rules) {
      const key = `${r.tool}|${r.rule}`
      const row = table.get(key) || { tool: r.tool, rule: r.rule, cls: r.cls, cases: 0, misses: [], contradictions: [] }
      row.cases++
      if (r.cls.spec && (c.awsOutcome === 'ran' || decision.expect === 'accept')) row.contradictions.push(c.id)
      else if (r.cls.spec && !asl4jErrors.length) row.misses.push(c.id)
      table.set(key, row)
    }
    const agrees = decision.expect === 'reject'
      ? asl4jErrors.length > 0 && decision.tags.every(t => asl4jErrors.some(p => p.tag === t))
      : asl4jErrors.length === 0
    if (!agrees) disagreements.push({ id: c.id, decision, verdicts, asl4j: c.problems })
    committed.push({ c, rules, decision })
  }

  fs.writeFileSync(cacheFile, JSON.stringify(cache))
  fs.writeFileSync(path.join(out, 'cases.jsonl'), dump.join('\n') + '\n')
  if (unknown.size) {
    console.error('rules.js does not classify these tool rules (first case each):')
    for (const [key, example] of unknown) console.error(`  ${key}\n      ${example}`)
    process.exitCode = 1
  }
  if (unresolved.length) {
    console.error('only generic messages, and no entry in CASES of rules.js:')
    for (const u of unresolved) console.error('  ' + u)
    process.exitCode = 1
  }
  writeResources(committed)
  writeReport(counts, table, disagreements, openFixtures)
  console.log(`corpus ${counts.corpus}; rejected by asl-validator ${counts['asl-validator']}, statelint ${counts.statelint}, asl4j ${counts.asl4j}; disagreements ${disagreements.length}`)
}

/**
 * What asl4j must do with a tool-rejected case: CASES of rules.js when it names the case; accept
 * when AWS ran it; else reject with the tags of the spec rules among the tools' messages, or
 * accept when all of them are tool-only or unverified. Null when only generic messages remain.
 */
function decide (c, rules) {
  if (c.origin === 'mutation') {
    if (typeof c.expect === 'string') {
      return { expect: 'reject', tags: [c.expect], rule: c.breaks, kind: 'spec', folder: kebab(c.expect) }
    }
    return { expect: 'accept', tags: [], rule: c.expect.why, kind: c.expect.accept, folder: c.expect.accept === 'unverified' ? 'unverified' : 'aws-accepts' }
  }
  if (c.awsOutcome === 'ran') {
    return { expect: 'accept', tags: [], rule: 'AWS ran this definition (conformance corpus)', kind: 'tool-only', folder: 'aws-ran' }
  }
  const specRules = rules.filter(r => r.cls.spec)
  if (specRules.length) {
    return { expect: 'reject', tags: [...new Set(specRules.map(r => r.cls.tag))].sort(), rule: [...new Set(specRules.map(r => r.cls.specRule))].join('; '), kind: 'spec', folder: specRules[0].cls.folder }
  }
  if (c.awsOutcome === 'rejected') {
    return { expect: 'reject', tags: [], rule: `CreateStateMachine rejected this definition (conformance corpus, recorded ${c.trust === 'aws-validated' ? 'against AWS' : 'against LocalStack only'})`, kind: 'spec', folder: 'create-rejected' }
  }
  const opinions = rules.filter(r => r.cls.kind !== 'generic')
  if (opinions.length) {
    return { expect: 'accept', tags: [], rule: opinions.map(r => r.cls.why).join('; '), kind: opinions.some(r => r.cls.kind === 'unverified') ? 'unverified' : 'tool-only', folder: opinions[0].cls.folder }
  }
  return null
}

const kebab = tag => tag.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()

function writeResources (committed) {
  fs.rmSync(resources, { recursive: true, force: true })
  for (const { c, rules, decision } of committed) {
    const record = {}
    if (c.origin === 'conformance') {
      record.conformanceCase = c.id
      record.awsOutcome = c.awsOutcome
      if (c.trust) record.trust = c.trust
    } else if (c.origin === 'mutation') {
      record.mutation = c.breaks
    } else {
      continue // third-party fixtures stay out of the repository; mutations of ours cover their rules
    }
    record.stateMachineType = c.stateMachineType
    record.rejectedBy = [...new Set(rules.map(r => `${r.tool} ${versions[r.tool]}`))]
    record.expect = decision.expect
    if (decision.expect === 'reject') record.asl4jTags = decision.tags
    record.kind = decision.kind
    record[decision.kind === 'spec' ? 'specRule' : 'why'] = decision.rule
    record.verdicts = rules.map(r => {
      const v = { tool: r.tool, rule: r.rule, toolMessage: r.message, kind: r.cls.kind }
      if (r.cls.spec) { v.specRule = r.cls.specRule; v.asl4jTag = r.cls.tag } else v.why = r.cls.why
      return v
    })
    if (c.origin === 'mutation') record.definition = c.definition
    const folder = path.join(resources, decision.folder)
    fs.mkdirSync(folder, { recursive: true })
    const name = c.id.replace(/^mutation\//, '').replace(/\.json$/, '').replace(/[^A-Za-z0-9._-]+/g, '_') + '.json'
    fs.writeFileSync(path.join(folder, name), JSON.stringify(record, null, 2) + '\n')
  }
}

function writeReport (counts, table, disagreements, openFixtures) {
  fs.mkdirSync(out, { recursive: true })
  const cell = t => String(t).replace(/\|/g, '\\|')
  const lines = ['# Parity report', '', `asl-validator ${versions['asl-validator']}, statelint (@wmfs/statelint) ${versions.statelint}`, '',
    '```', JSON.stringify(counts, null, 2), '```', '',
    '| tool | rule key | cases | kind | spec rule / why | asl4j tag | cases asl4j accepts | fired on cases AWS accepts |', '|---|---|---|---|---|---|---|---|']
  for (const row of [...table.values()].sort((a, b) => (a.tool + a.rule).localeCompare(b.tool + b.rule))) {
    const list = xs => xs.length ? xs.slice(0, 3).join(', ') + (xs.length > 3 ? ` (+${xs.length - 3})` : '') : ''
    lines.push(`| ${row.tool} | \`${cell(row.rule)}\` | ${row.cases} | ${row.cls.kind} | ${cell(row.cls.spec ? row.cls.specRule : row.cls.why)} | ${row.cls.spec ? row.cls.tag : '-'} | ${list(row.misses)} | ${list(row.contradictions)} |`)
  }
  lines.push('', `## Disagreements (${disagreements.length})`, '')
  for (const d of disagreements) {
    lines.push(`- ${d.id}: expect ${d.decision.expect} ${d.decision.tags.join(',')} (${d.decision.kind}: ${d.decision.rule})`)
    for (const v of d.verdicts) lines.push(`  - ${v.tool}: ${v.message.split('\n')[0]}`)
    for (const p of d.asl4j) lines.push(`  - asl4j ${p.severity} [${p.tag}] ${p.pointer}: ${p.message}`)
  }
  lines.push('', `## Tool fixtures with only generic messages (${openFixtures.length}, not committed)`, '')
  for (const f of openFixtures) lines.push(`- ${f}`)
  fs.writeFileSync(path.join(out, 'report.md'), lines.join('\n') + '\n')
}

main()
