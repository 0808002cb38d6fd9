'use strict'
// Systematic mutations for the parity corpus: each definition breaks exactly one rule of
// asl-validator or statelint (see rules.js), derived from a small valid machine. Ids are stable
// file names; `breaks` says which rule the mutation aims at, in words.

const LAMBDA = 'arn:aws:lambda:us-east-1:111111111111:function:Fn'
const S3_LIST = 'arn:aws:states:::s3:listObjectsV2'
const S3_WRITE = 'arn:aws:states:::s3:putObject'

const one = (state, top = {}) => ({ StartAt: 'S', States: { S: state }, ...top })
const jsonata = (state) => one(state, { QueryLanguage: 'JSONata' })
const pass = (extra = {}) => ({ Type: 'Pass', End: true, ...extra })
const task = (extra = {}) => ({ Type: 'Task', Resource: LAMBDA, End: true, ...extra })
const wait = (extra = {}) => ({ Type: 'Wait', End: true, ...extra })
const fail = (extra = {}) => ({ Type: 'Fail', ...extra })
const proc = (extra = {}) => ({ StartAt: 'I', States: { I: { Type: 'Pass', End: true } }, ...extra })
const map = (extra = {}) => ({ Type: 'Map', End: true, ItemProcessor: proc(), ...extra })
const branch = (extra = {}) => ({ StartAt: 'B', States: { B: { Type: 'Pass', End: true } }, ...extra })
const parallel = (extra = {}) => ({ Type: 'Parallel', End: true, Branches: [branch()], ...extra })
const choiceMachine = (choice, top = {}) => ({
  StartAt: 'C',
  States: { C: { Type: 'Choice', Default: 'D', ...choice }, D: { Type: 'Succeed' } },
  ...top
})
const rule = (extra) => ({ Variable: '$.x', Next: 'D', ...extra })
const choice = (r) => choiceMachine({ Choices: [rule(r)] })
const without = (object, ...keys) => {
  const copy = { ...object }
  for (const key of keys) delete copy[key]
  return copy
}
const retry = (r) => one(task({ Retry: [r] }))
const catcher = (c) => ({
  StartAt: 'S',
  States: { S: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H', ...c }] }), H: { Type: 'Succeed' } }
})
const template = (field, value, state = pass) => one(state({ [field]: value }))

const cases = []
const m = (id, breaks, definition, stateMachineType = 'STANDARD') =>
  cases.push({ id, breaks, definition, stateMachineType })

// ---- the machine -----------------------------------------------------------------------------
m('machine-missing-startat', 'a machine needs StartAt', { States: { S: pass() } })
m('machine-missing-states', 'a machine needs States', { StartAt: 'S' })
m('machine-startat-not-string', 'StartAt is a string', { StartAt: 1, States: { S: pass() } })
m('machine-unknown-field', 'no unknown top-level fields', one(pass(), { Foo: 1 }))
m('machine-comment-not-string', 'Comment is a string', one(pass(), { Comment: 1 }))
m('machine-version-not-string', 'Version is a string', one(pass(), { Version: 1 }))
m('machine-timeout-zero', 'TimeoutSeconds is a positive integer', one(pass(), { TimeoutSeconds: 0 }))
m('machine-timeout-fraction', 'TimeoutSeconds is an integer', one(pass(), { TimeoutSeconds: 1.5 }))
m('machine-timeout-limit', 'TimeoutSeconds is below 99999999', one(pass(), { TimeoutSeconds: 99999999 }))
m('machine-querylanguage-unknown', 'QueryLanguage is JSONPath or JSONata', one(pass(), { QueryLanguage: 'XPath' }))
m('machine-startat-unknown', 'StartAt names a state', { StartAt: 'Nowhere', States: { S: pass() } })
m('machine-states-empty', 'States has a state StartAt names', { StartAt: 'S', States: {} })
m('machine-states-not-object', 'States is an object', { StartAt: 'S', States: [] })
m('state-name-empty', 'a state name has 1 to 80 characters', { StartAt: '', States: { '': pass() } })
m('state-name-81', 'a state name has at most 80 characters', { StartAt: 'x'.repeat(81), States: { ['x'.repeat(81)]: pass() } })
m('state-unreferenced', 'every state is the target of a transition', {
  StartAt: 'A', States: { A: pass(), Orphan: pass() }
})
m('state-unreferenced-in-branch', 'every state of a branch is the target of a transition', one(parallel({
  Branches: [{ StartAt: 'B', States: { B: pass(), Orphan: pass() } }]
})))
m('no-terminal-state', 'a machine has a terminal state', {
  StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } }
})
m('no-terminal-state-in-branch', 'a branch has a terminal state', one(parallel({
  Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Next: 'B' } } }]
})))
m('duplicate-state-name-across-branches', 'state names are unique in the whole machine', one(parallel({
  Branches: [branch(), branch()]
})))
m('duplicate-state-name-in-map', 'a Map processor state name is unique in the machine', {
  StartAt: 'I', States: { I: map({ Next: 'Done', End: undefined }), Done: { Type: 'Succeed' } }
})

// ---- every state -----------------------------------------------------------------------------
m('state-missing-type', 'a state has a Type', one({ End: true }))
m('state-unknown-type', 'Type is one of the eight state types', one({ Type: 'Sleep', End: true }))
m('state-type-not-string', 'Type is a string', one({ Type: 1, End: true }))
m('state-unknown-field', 'no unknown state fields', one(pass({ Foo: 1 })))
m('state-comment-not-string', 'a state Comment is a string', one(pass({ Comment: 1 })))
m('state-not-object', 'a state is an object', { StartAt: 'S', States: { S: 'Pass' } })
m('next-not-string', 'Next is a string', { StartAt: 'S', States: { S: { Type: 'Pass', Next: 1 } } })
m('next-unknown', 'Next names a state', { StartAt: 'S', States: { S: { Type: 'Pass', Next: 'Nowhere' }, T: pass() } })
m('end-false', 'End is true when given', { StartAt: 'S', States: { S: { Type: 'Pass', End: false, Next: 'T' }, T: pass() } })
m('end-string', 'End is a boolean', one({ Type: 'Pass', End: 'true' }))
m('end-and-next', 'End and Next are exclusive', { StartAt: 'S', States: { S: pass({ Next: 'T' }), T: pass() } })
m('neither-end-nor-next', 'a non-terminal state needs Next or End', { StartAt: 'S', States: { S: { Type: 'Pass' }, T: { Type: 'Succeed' } } })
m('succeed-with-next', 'a Succeed state has no Next', { StartAt: 'S', States: { S: { Type: 'Succeed', Next: 'T' }, T: pass() } })
m('succeed-with-end', 'a Succeed state has no End', one({ Type: 'Succeed', End: true }))
m('fail-with-next', 'a Fail state has no Next', { StartAt: 'S', States: { S: { Type: 'Fail', Next: 'T' }, T: pass() } })
m('fail-with-inputpath', 'a Fail state has no InputPath', one(fail({ InputPath: '$.a' })))
m('fail-with-outputpath', 'a Fail state has no OutputPath', one(fail({ OutputPath: '$.a' })))
m('fail-with-resultpath', 'a Fail state has no ResultPath', one(fail({ ResultPath: '$.a' })))
m('fail-with-parameters', 'a Fail state has no Parameters', one(fail({ Parameters: { a: 1 } })))
m('choice-with-next', 'a Choice state has no Next', choiceMachine({ Choices: [rule({ IsPresent: true })], Next: 'D' }))
m('choice-with-end', 'a Choice state has no End', choiceMachine({ Choices: [rule({ IsPresent: true })], End: true }))
m('choice-with-parameters', 'a Choice state has no Parameters', choiceMachine({ Choices: [rule({ IsPresent: true })], Parameters: { a: 1 } }))
m('choice-with-resultpath', 'a Choice state has no ResultPath', choiceMachine({ Choices: [rule({ IsPresent: true })], ResultPath: '$.a' }))
m('choice-with-resultselector', 'a Choice state has no ResultSelector', choiceMachine({ Choices: [rule({ IsPresent: true })], ResultSelector: { a: 1 } }))
m('wait-with-parameters', 'a Wait state has no Parameters', one(wait({ Seconds: 1, Parameters: { a: 1 } })))
m('wait-with-resultpath', 'a Wait state has no ResultPath', one(wait({ Seconds: 1, ResultPath: '$.a' })))
m('succeed-with-parameters', 'a Succeed state has no Parameters', one({ Type: 'Succeed', Parameters: { a: 1 } }))
m('succeed-with-resultpath', 'a Succeed state has no ResultPath', one({ Type: 'Succeed', ResultPath: '$.a' }))
m('pass-with-resultselector', 'a Pass state has no ResultSelector', one(pass({ ResultSelector: { a: 1 } })))
m('pass-with-retry', 'a Pass state has no Retry', one(pass({ Retry: [{ ErrorEquals: ['States.ALL'] }] })))
m('pass-with-catch', 'a Pass state has no Catch', { StartAt: 'S', States: { S: pass({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'T' }] }), T: pass() } })

// ---- paths -----------------------------------------------------------------------------------
m('inputpath-not-a-path', 'InputPath is a JSONPath', one(pass({ InputPath: 'a.b' })))
m('inputpath-bad-syntax', 'InputPath is a JSONPath', one(pass({ InputPath: '$.a[0' })))
m('inputpath-trailing-bracket', 'InputPath is a JSONPath', one(pass({ InputPath: '$.a[' })))
m('inputpath-number', 'InputPath is a string or null', one(pass({ InputPath: 1 })))
m('inputpath-intrinsic', 'InputPath is a JSONPath, not an intrinsic call', one(pass({ InputPath: "States.Format('{}', $.a)" })))
m('outputpath-not-a-path', 'OutputPath is a JSONPath', one(pass({ OutputPath: 'a' })))
m('resultpath-not-reference-path', 'ResultPath is a Reference Path', one(pass({ ResultPath: '$.a[*]' })))
m('resultpath-filter', 'ResultPath is a Reference Path', one(pass({ ResultPath: '$.a[?(@.b)]' })))
m('resultpath-context', 'ResultPath points into the state input', one(pass({ ResultPath: '$$.Execution' })))
m('resultpath-number', 'ResultPath is a string or null', one(pass({ ResultPath: 1 })))
m('itemspath-null', 'ItemsPath is a Reference Path, not null', one(map({ ItemsPath: null })))
m('itemspath-not-reference-path', 'ItemsPath is a Reference Path', one(map({ ItemsPath: '$.a[*]' })))
m('itemspath-not-a-path', 'ItemsPath is a Reference Path', one(map({ ItemsPath: 'a' })))
m('timeoutsecondspath-not-reference-path', 'TimeoutSecondsPath is a Reference Path', one(task({ TimeoutSecondsPath: '$.a[*]' })))
m('heartbeatsecondspath-not-a-path', 'HeartbeatSecondsPath is a Reference Path', one(task({ HeartbeatSecondsPath: 'a' })))
m('secondspath-not-a-path', 'SecondsPath is a Reference Path', one(wait({ SecondsPath: 'a' })))
m('timestamppath-not-reference-path', 'TimestampPath is a Reference Path', one(wait({ TimestampPath: '$..a' })))
m('errorpath-not-a-path', 'ErrorPath is a Reference Path or an intrinsic call', one(fail({ ErrorPath: 'a' })))
m('causepath-not-a-path', 'CausePath is a Reference Path or an intrinsic call', one(fail({ CausePath: '$.a[' })))
m('errorpath-number', 'ErrorPath is a string', one(fail({ ErrorPath: 1 })))

// ---- payload templates -----------------------------------------------------------------------
m('parameters-dollar-not-a-path', 'a key.$ value is a path or an intrinsic call', template('Parameters', { 'a.$': 'a' }))
m('parameters-dollar-bad-path', 'a key.$ value is a path or an intrinsic call', template('Parameters', { 'a.$': '$.a[0' }))
m('parameters-dollar-trailing-bracket', 'a key.$ value is a path or an intrinsic call', template('Parameters', { 'a.$': '$.a[' }))
m('parameters-dollar-number', 'a key.$ value is a string', template('Parameters', { 'a.$': 1 }))
m('parameters-dollar-null', 'a key.$ value is a string', template('Parameters', { 'a.$': null }))
m('parameters-dollar-unknown-intrinsic', 'a key.$ intrinsic call names a known function', template('Parameters', { 'a.$': 'States.Concat($.a, $.b)' }))
m('parameters-dollar-bad-intrinsic', 'a key.$ intrinsic call is well formed', template('Parameters', { 'a.$': "States.Format('{}', $.a" }))
m('parameters-dollar-nested', 'a nested key.$ value is a path or an intrinsic call', template('Parameters', { a: { 'b.$': 'b' } }))
m('parameters-dollar-in-array', 'a key.$ value inside an array is a path or an intrinsic call', template('Parameters', { a: [{ 'b.$': 'b' }] }))
m('parameters-duplicate-field', 'a field and its key.$ twin are exclusive', template('Parameters', { a: 1, 'a.$': '$.a' }))
m('resultselector-duplicate-field', 'a field and its key.$ twin are exclusive', template('ResultSelector', { a: 1, 'a.$': '$.a' }, task))
m('resultselector-dollar-not-a-path', 'a key.$ value is a path or an intrinsic call', template('ResultSelector', { 'a.$': 'a' }, task))
m('itemselector-dollar-not-a-path', 'a key.$ value is a path or an intrinsic call', template('ItemSelector', { 'a.$': 'a' }, map))
m('assign-dollar-not-a-path', 'an Assign key.$ value is a path or an intrinsic call', template('Assign', { 'a.$': 'a' }))
m('assign-bad-variable-name', 'a variable name is an identifier', template('Assign', { '1a': 1 }))
m('assign-states-variable', 'the variable name states is reserved', template('Assign', { states: 1 }))
m('parameters-jsonata-in-jsonpath', 'Parameters in a JSONPath state is no JSONata expression', template('Parameters', '{% $x %}'))
m('credentials-not-object', 'Credentials is an object', one(task({ Credentials: 'role' })))
m('credentials-number', 'Credentials is an object', one(task({ Credentials: 1 })))
m('credentials-dollar-not-a-path', 'a Credentials key.$ value is a path or an intrinsic call', one(task({ Credentials: { 'RoleArn.$': 'a' } })))

// ---- Task ------------------------------------------------------------------------------------
m('task-missing-resource', 'a Task has a Resource', one(without(task(), 'Resource')))
m('task-resource-number', 'Resource is a string', one(task({ Resource: 1 })))
m('task-resource-not-arn', 'Resource is an ARN', one(task({ Resource: 'my-function' })))
m('task-resource-not-uri', 'Resource is a URI', one(task({ Resource: 'not a uri' })))
m('task-resource-bad-partition', 'Resource is an ARN of a known partition', one(task({ Resource: 'arn:foo:lambda:us-east-1:111111111111:function:Fn' })))
m('task-timeout-zero', 'TimeoutSeconds is a positive integer', one(task({ TimeoutSeconds: 0 })))
m('task-timeout-fraction', 'TimeoutSeconds is an integer', one(task({ TimeoutSeconds: 1.5 })))
m('task-timeout-string', 'TimeoutSeconds is a number', one(task({ TimeoutSeconds: '10' })))
m('task-timeout-limit', 'TimeoutSeconds is below 99999999', one(task({ TimeoutSeconds: 99999999 })))
m('task-heartbeat-zero', 'HeartbeatSeconds is a positive integer', one(task({ HeartbeatSeconds: 0 })))
m('task-heartbeat-fraction', 'HeartbeatSeconds is an integer', one(task({ HeartbeatSeconds: 2.5 })))
m('task-heartbeat-limit', 'HeartbeatSeconds is below 99999999', one(task({ HeartbeatSeconds: 99999999 })))
m('task-timeout-and-path', 'TimeoutSeconds and TimeoutSecondsPath are exclusive', one(task({ TimeoutSeconds: 10, TimeoutSecondsPath: '$.t' })))
m('task-heartbeat-and-path', 'HeartbeatSeconds and HeartbeatSecondsPath are exclusive', one(task({ HeartbeatSeconds: 10, HeartbeatSecondsPath: '$.h' })))

// ---- Retry and Catch -------------------------------------------------------------------------
m('retry-not-array', 'Retry is an array', one(task({ Retry: { ErrorEquals: ['States.ALL'] } })))
m('retry-missing-errorequals', 'a Retrier has ErrorEquals', retry({ MaxAttempts: 1 }))
m('retry-errorequals-empty', 'ErrorEquals is non-empty', retry({ ErrorEquals: [] }))
m('retry-errorequals-not-array', 'ErrorEquals is an array of strings', retry({ ErrorEquals: 'States.ALL' }))
m('retry-errorequals-number', 'ErrorEquals holds strings', retry({ ErrorEquals: [1] }))
m('retry-interval-zero', 'IntervalSeconds is a positive integer', retry({ ErrorEquals: ['States.ALL'], IntervalSeconds: 0 }))
m('retry-interval-negative', 'IntervalSeconds is not negative', retry({ ErrorEquals: ['States.ALL'], IntervalSeconds: -1 }))
m('retry-interval-fraction', 'IntervalSeconds is an integer', retry({ ErrorEquals: ['States.ALL'], IntervalSeconds: 1.5 }))
m('retry-maxattempts-negative', 'MaxAttempts is not negative', retry({ ErrorEquals: ['States.ALL'], MaxAttempts: -1 }))
m('retry-maxattempts-fraction', 'MaxAttempts is an integer', retry({ ErrorEquals: ['States.ALL'], MaxAttempts: 1.5 }))
m('retry-maxattempts-limit', 'MaxAttempts is below 99999999', retry({ ErrorEquals: ['States.ALL'], MaxAttempts: 99999999 }))
m('retry-backoff-below-one', 'BackoffRate is at least 1.0', retry({ ErrorEquals: ['States.ALL'], BackoffRate: 0.5 }))
m('retry-backoff-negative', 'BackoffRate is not negative', retry({ ErrorEquals: ['States.ALL'], BackoffRate: -1 }))
m('retry-backoff-string', 'BackoffRate is a number', retry({ ErrorEquals: ['States.ALL'], BackoffRate: '2' }))
m('retry-maxdelay-zero', 'MaxDelaySeconds is a positive integer', retry({ ErrorEquals: ['States.ALL'], MaxDelaySeconds: 0 }))
m('retry-jitter-unknown', 'JitterStrategy is FULL or NONE', retry({ ErrorEquals: ['States.ALL'], JitterStrategy: 'HALF' }))
m('retry-unknown-field', 'no unknown Retrier fields', retry({ ErrorEquals: ['States.ALL'], Foo: 1 }))
m('retry-all-not-alone', 'States.ALL appears alone', retry({ ErrorEquals: ['States.ALL', 'States.Timeout'] }))
m('retry-all-not-last', 'a States.ALL retrier is the last', one(task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'] }] })))
m('catch-not-array', 'Catch is an array', { StartAt: 'S', States: { S: task({ Catch: { ErrorEquals: ['States.ALL'], Next: 'H' } }), H: { Type: 'Succeed' } } })
m('catch-missing-next', 'a Catcher has Next', catcher({ Next: undefined }))
m('catch-next-unknown', 'a Catcher Next names a state', catcher({ Next: 'Nowhere' }))
m('catch-missing-errorequals', 'a Catcher has ErrorEquals', catcher({ ErrorEquals: undefined }))
m('catch-errorequals-empty', 'ErrorEquals is non-empty', catcher({ ErrorEquals: [] }))
m('catch-resultpath-not-reference-path', 'a Catcher ResultPath is a Reference Path', catcher({ ResultPath: '$.a[*]' }))
m('catch-unknown-field', 'no unknown Catcher fields', catcher({ Foo: 1 }))
m('catch-all-not-last', 'a States.ALL catcher is the last', {
  StartAt: 'S',
  States: { S: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }, { ErrorEquals: ['States.Timeout'], Next: 'H' }] }), H: { Type: 'Succeed' } }
})

// ---- Choice ----------------------------------------------------------------------------------
m('choice-missing-choices', 'a Choice state has Choices', choiceMachine({}))
m('choice-choices-empty', 'Choices is non-empty', choiceMachine({ Choices: [] }))
m('choice-choices-not-array', 'Choices is an array', choiceMachine({ Choices: rule({ IsPresent: true }) }))
m('choice-rule-missing-next', 'a Choice rule has Next', choiceMachine({ Choices: [without(rule({ IsPresent: true }), 'Next')] }))
m('choice-rule-next-unknown', 'a Choice rule Next names a state', choiceMachine({ Choices: [rule({ IsPresent: true, Next: 'Nowhere' })] }))
m('choice-rule-no-operator', 'a comparison has an operator', choice({}))
m('choice-rule-two-operators', 'a comparison has one operator', choice({ IsPresent: true, IsNull: false }))
m('choice-rule-unknown-operator', 'no unknown Choice rule fields', choice({ StringContains: 'a' }))
m('choice-rule-missing-variable', 'a comparison has Variable', choiceMachine({ Choices: [{ StringEquals: 'a', Next: 'D' }] }))
m('choice-variable-not-a-path', 'Variable is a JSONPath', choice({ Variable: 'x', IsPresent: true }))
m('choice-variable-number', 'Variable is a string', choice({ Variable: 1, IsPresent: true }))
m('choice-stringequals-number', 'StringEquals takes a string', choice({ StringEquals: 1 }))
m('choice-stringmatches-number', 'StringMatches takes a string', choice({ StringMatches: 1 }))
m('choice-numericequals-string', 'NumericEquals takes a number', choice({ NumericEquals: '1' }))
m('choice-booleanequals-string', 'BooleanEquals takes a boolean', choice({ BooleanEquals: 'true' }))
m('choice-timestampequals-not-timestamp', 'TimestampEquals takes a timestamp', choice({ TimestampEquals: 'yesterday' }))
m('choice-timestampequals-number', 'TimestampEquals takes a timestamp string', choice({ TimestampEquals: 1 }))
m('choice-isnull-string', 'IsNull takes a boolean', choice({ IsNull: 'true' }))
m('choice-stringequalspath-not-path', 'StringEqualsPath takes a Reference Path', choice({ StringEqualsPath: 'a' }))
m('choice-numericequalspath-not-reference-path', 'NumericEqualsPath takes a Reference Path', choice({ NumericEqualsPath: '$.a[*]' }))
m('choice-and-empty', 'And is non-empty', choiceMachine({ Choices: [{ And: [], Next: 'D' }] }))
m('choice-and-not-array', 'And is an array', choiceMachine({ Choices: [{ And: { Variable: '$.x', IsPresent: true }, Next: 'D' }] }))
m('choice-not-array', 'Not is an object', choiceMachine({ Choices: [{ Not: [{ Variable: '$.x', IsPresent: true }], Next: 'D' }] }))
m('choice-nested-next', 'a nested rule has no Next', choiceMachine({ Choices: [{ And: [{ Variable: '$.x', IsPresent: true, Next: 'D' }], Next: 'D' }] }))
m('choice-comparison-with-and', 'a comparison is not also a boolean rule', choice({ IsPresent: true, And: [{ Variable: '$.y', IsPresent: true }] }))
m('choice-nested-variable-not-a-path', 'a nested Variable is a JSONPath', choiceMachine({ Choices: [{ Not: { Variable: 'x', IsPresent: true }, Next: 'D' }] }))
m('choice-default-number', 'Default is a string', choiceMachine({ Choices: [rule({ IsPresent: true })], Default: 1 }))
m('choice-default-unknown', 'Default names a state', choiceMachine({ Choices: [rule({ IsPresent: true })], Default: 'Nowhere' }))

// ---- Wait ------------------------------------------------------------------------------------
m('wait-no-time', 'a Wait state has one of Seconds, SecondsPath, Timestamp, TimestampPath', one(wait()))
m('wait-two-times', 'a Wait state has only one of its times', one(wait({ Seconds: 1, SecondsPath: '$.s' })))
m('wait-seconds-negative', 'Seconds is not negative', one(wait({ Seconds: -1 })))
m('wait-seconds-fraction', 'Seconds is an integer', one(wait({ Seconds: 1.5 })))
m('wait-seconds-zero', 'Seconds is a positive integer', one(wait({ Seconds: 0 })))
m('wait-seconds-string', 'Seconds is a number', one(wait({ Seconds: '10' })))
m('wait-timestamp-not-timestamp', 'Timestamp is an RFC3339 timestamp', one(wait({ Timestamp: 'tomorrow' })))
m('wait-timestamp-no-offset', 'Timestamp has a time zone offset', one(wait({ Timestamp: '2016-03-14T01:59:00' })))
m('wait-timestamp-number', 'Timestamp is a string', one(wait({ Timestamp: 1 })))

// ---- Fail ------------------------------------------------------------------------------------
m('fail-error-and-errorpath', 'Error and ErrorPath are exclusive', one(fail({ Error: 'E', ErrorPath: '$.e' })))
m('fail-cause-and-causepath', 'Cause and CausePath are exclusive', one(fail({ Cause: 'C', CausePath: '$.c' })))
m('fail-error-number', 'Error is a string', one(fail({ Error: 1 })))
m('fail-cause-number', 'Cause is a string', one(fail({ Cause: 1 })))

// ---- Parallel --------------------------------------------------------------------------------
m('parallel-missing-branches', 'a Parallel state has Branches', one(without(parallel(), 'Branches')))
m('parallel-branches-empty', 'Branches is non-empty', one(parallel({ Branches: [] })))
m('parallel-branches-not-array', 'Branches is an array', one(parallel({ Branches: branch() })))
m('parallel-branch-not-object', 'a branch is an object', one(parallel({ Branches: ['B'] })))
m('parallel-branch-missing-startat', 'a branch has StartAt', one(parallel({ Branches: [without(branch(), 'StartAt')] })))
m('parallel-branch-missing-states', 'a branch has States', one(parallel({ Branches: [without(branch(), 'States')] })))
m('parallel-branch-unknown-field', 'no unknown branch fields', one(parallel({ Branches: [branch({ Foo: 1 })] })))
m('parallel-branch-startat-unknown', 'a branch StartAt names one of its states', one(parallel({ Branches: [branch({ StartAt: 'Nowhere' })] })))
m('parallel-branch-transition-out', 'a branch state cannot transition out of the branch', {
  StartAt: 'P',
  States: {
    P: parallel({ End: undefined, Next: 'Done', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Next: 'Done' } } }] }),
    Done: { Type: 'Succeed' }
  }
})
m('parallel-transition-into-branch', 'a state cannot transition into a branch', {
  StartAt: 'A',
  States: { A: { Type: 'Pass', Next: 'B' }, P: parallel(), Done: { Type: 'Succeed' } }
})

// ---- Map -------------------------------------------------------------------------------------
m('map-missing-processor', 'a Map state has ItemProcessor or Iterator', one(without(map(), 'ItemProcessor')))
m('map-iterator-and-itemprocessor', 'ItemProcessor and Iterator are exclusive', one(map({ Iterator: { StartAt: 'J', States: { J: pass() } } })))
m('map-itemselector-and-parameters', 'ItemSelector and Parameters are exclusive', one(map({ ItemSelector: { a: 1 }, Parameters: { b: 1 } })))
m('map-processor-missing-startat', 'an ItemProcessor has StartAt', one(map({ ItemProcessor: without(proc(), 'StartAt') })))
m('map-processor-unknown-field', 'no unknown ItemProcessor fields', one(map({ ItemProcessor: proc({ Foo: 1 }) })))
m('map-processorconfig-unknown-mode', 'ProcessorConfig Mode is INLINE or DISTRIBUTED', one(map({ ItemProcessor: proc({ ProcessorConfig: { Mode: 'PARALLEL' } }) })))
m('map-distributed-no-executiontype', 'a DISTRIBUTED ProcessorConfig has ExecutionType', one(map({ ItemProcessor: proc({ ProcessorConfig: { Mode: 'DISTRIBUTED' } }) })))
m('map-iterator-transition-out', 'an Iterator state cannot transition out of the Map', {
  StartAt: 'M',
  States: {
    M: { Type: 'Map', Next: 'Done', Iterator: { StartAt: 'I', States: { I: { Type: 'Pass', Next: 'Done' } } } },
    Done: { Type: 'Succeed' }
  }
})
m('map-processor-transition-out', 'an ItemProcessor state cannot transition out of the Map', {
  StartAt: 'M',
  States: {
    M: { Type: 'Map', Next: 'Done', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Next: 'Done' } } } },
    Done: { Type: 'Succeed' }
  }
})
m('map-maxconcurrency-negative', 'MaxConcurrency is not negative', one(map({ MaxConcurrency: -1 })))
m('map-maxconcurrency-fraction', 'MaxConcurrency is an integer', one(map({ MaxConcurrency: 1.5 })))
m('map-maxconcurrency-string', 'MaxConcurrency is a number', one(map({ MaxConcurrency: '5' })))
m('map-maxconcurrency-and-path', 'MaxConcurrency and MaxConcurrencyPath are exclusive', one(map({ MaxConcurrency: 1, MaxConcurrencyPath: '$.m' })))
m('map-toleratedcount-negative', 'ToleratedFailureCount is not negative', one(map({ ToleratedFailureCount: -1 })))
m('map-toleratedcount-fraction', 'ToleratedFailureCount is an integer', one(map({ ToleratedFailureCount: 1.5 })))
m('map-toleratedcount-and-path', 'ToleratedFailureCount and its Path are exclusive', one(map({ ToleratedFailureCount: 1, ToleratedFailureCountPath: '$.c' })))
m('map-toleratedpercentage-above-100', 'ToleratedFailurePercentage is at most 100', one(map({ ToleratedFailurePercentage: 101 })))
m('map-toleratedpercentage-fraction', 'ToleratedFailurePercentage is an integer', one(map({ ToleratedFailurePercentage: 50.5 })))
m('map-toleratedpercentage-and-path', 'ToleratedFailurePercentage and its Path are exclusive', one(map({ ToleratedFailurePercentage: 1, ToleratedFailurePercentagePath: '$.p' })))
m('map-label-number', 'Label is a string', one(map({ Label: 1 })))
m('map-itemreader-missing-resource', 'an ItemReader has Resource', one(map({ ItemReader: { Parameters: { Bucket: 'b' } } })))
m('map-itemreader-maxitems-zero', 'ReaderConfig MaxItems is a positive integer', one(map({ ItemReader: { Resource: S3_LIST, Parameters: { Bucket: 'b' }, ReaderConfig: { MaxItems: 0 } } })))
m('map-itemreader-maxitems-and-path', 'MaxItems and MaxItemsPath are exclusive', one(map({ ItemReader: { Resource: S3_LIST, Parameters: { Bucket: 'b' }, ReaderConfig: { MaxItems: 1, MaxItemsPath: '$.m' } } })))
m('map-itembatcher-maxitems-zero', 'MaxItemsPerBatch is positive', one(map({ ItemBatcher: { MaxItemsPerBatch: 0 } })))
m('map-itembatcher-maxitems-fraction', 'MaxItemsPerBatch is an integer', one(map({ ItemBatcher: { MaxItemsPerBatch: 1.5 } })))
m('map-itembatcher-maxbytes-too-big', 'MaxInputBytesPerBatch is at most 256 KiB', one(map({ ItemBatcher: { MaxInputBytesPerBatch: 262145 } })))
m('map-itembatcher-maxitems-and-path', 'MaxItemsPerBatch and its Path are exclusive', one(map({ ItemBatcher: { MaxItemsPerBatch: 1, MaxItemsPerBatchPath: '$.m' } })))
m('map-itembatcher-maxbytes-and-path', 'MaxInputBytesPerBatch and its Path are exclusive', one(map({ ItemBatcher: { MaxInputBytesPerBatch: 1, MaxInputBytesPerBatchPath: '$.m' } })))
m('map-resultwriter-missing-resource', 'a ResultWriter has Resource', one(map({ ResultWriter: { Parameters: { Bucket: 'b', Prefix: 'p' } } })))
m('map-items-in-jsonpath', 'Items belongs to JSONata states', one(map({ Items: [1, 2] })))

// ---- JSONata ---------------------------------------------------------------------------------
m('jsonata-parameters', 'a JSONata state has no Parameters', jsonata(pass({ Parameters: { a: 1 } })))
m('jsonata-inputpath', 'a JSONata state has no InputPath', jsonata(pass({ InputPath: '$.a' })))
m('jsonata-outputpath', 'a JSONata state has no OutputPath', jsonata(pass({ OutputPath: '$.a' })))
m('jsonata-resultpath', 'a JSONata state has no ResultPath', jsonata(task({ ResultPath: '$.a' })))
m('jsonata-resultselector', 'a JSONata state has no ResultSelector', jsonata(task({ ResultSelector: { a: 1 } })))
m('jsonata-itemspath', 'a JSONata Map has no ItemsPath', jsonata(map({ ItemsPath: '$.a' })))
m('jsonata-secondspath', 'a JSONata Wait has no SecondsPath', jsonata(wait({ SecondsPath: '$.a' })))
m('jsonata-errorpath', 'a JSONata Fail has no ErrorPath', jsonata(fail({ ErrorPath: '$.a' })))
m('jsonata-choice-variable', 'a JSONata Choice rule uses Condition, not Variable', choiceMachine({ Choices: [rule({ IsPresent: true })] }, { QueryLanguage: 'JSONata' }))
m('jsonpath-output', 'Output belongs to JSONata states', one(pass({ Output: { a: 1 } })))
m('jsonpath-arguments', 'Arguments belongs to JSONata states', one(task({ Arguments: { a: 1 } })))
m('jsonpath-condition', 'Condition belongs to JSONata states', choiceMachine({ Choices: [{ Condition: '{% true %}', Next: 'D' }] }))
m('jsonata-output-bad-syntax', 'a JSONata expression parses', jsonata(pass({ Output: '{% $x + %}' })))
m('jsonata-output-unclosed-paren', 'a JSONata expression parses', jsonata(pass({ Output: { a: '{% $count($x %}' } })))
m('jsonata-arguments-bad-syntax', 'a JSONata expression parses', jsonata(task({ Arguments: { a: '{% 1 + + %}' } })))
m('jsonata-assign-bad-syntax', 'a JSONata expression parses', jsonata(pass({ Assign: { a: '{% ] %}' } })))
m('jsonata-condition-not-expression', 'Condition is a JSONata expression', choiceMachine({ Choices: [{ Condition: 'true', Next: 'D' }] }, { QueryLanguage: 'JSONata' }))
m('jsonata-condition-bad-syntax', 'Condition parses', choiceMachine({ Choices: [{ Condition: '{% $x = %}', Next: 'D' }] }, { QueryLanguage: 'JSONata' }))
m('jsonata-items-not-expression', 'Items is an array or a JSONata expression', jsonata(map({ Items: 'abc' })))
m('jsonata-items-and-itemspath', 'Items and ItemsPath are exclusive', jsonata(map({ Items: [1], ItemsPath: '$.a' })))
m('jsonata-seconds-bad-syntax', 'a JSONata Seconds expression parses', jsonata(wait({ Seconds: '{% 1 + %}' })))
m('jsonata-seconds-not-expression', 'Seconds is a number or a JSONata expression', jsonata(wait({ Seconds: 'ten' })))
m('jsonata-timeout-not-expression', 'TimeoutSeconds is a number or a JSONata expression', jsonata(task({ TimeoutSeconds: 'ten' })))
m('jsonata-timeout-in-jsonpath', 'a JSONPath TimeoutSeconds is a number', one(task({ TimeoutSeconds: '{% 10 %}' })))
m('jsonata-fail-error-bad-syntax', 'a JSONata Error expression parses', jsonata(fail({ Error: '{% $ + %}' })))
m('jsonata-maxconcurrency-not-expression', 'MaxConcurrency is a number or a JSONata expression', jsonata(map({ MaxConcurrency: 'many' })))
m('jsonata-state-jsonpath-in-jsonata-machine', 'a JSONata machine has no JSONPath states', jsonata(pass({ QueryLanguage: 'JSONPath' })))
m('jsonata-querylanguage-unknown', 'a state QueryLanguage is JSONPath or JSONata', one(pass({ QueryLanguage: 'XPath' })))
m('jsonata-assign-bad-variable-name', 'a variable name is an identifier', jsonata(pass({ Assign: { 'a-b': 1 } })))
m('jsonata-arguments-not-expression', 'Arguments is an object or a JSONata expression', jsonata(task({ Arguments: 'abc' })))
m('jsonata-output-no-spaces', 'a JSONata expression is written {% expr %}', jsonata(pass({ Output: '{%$states.input%}' })))
m('jsonata-states-result-in-pass', '$states.result is only available where there is a result', jsonata(pass({ Output: '{% $states.result %}' })))

// What AWS does with each mutation, so what asl4j must do: reject with the tag of the rule the
// mutation breaks, or accept (with the evidence that AWS accepts, or why it is unverified).
const accept = (why) => ({ accept: 'tool-only', why })
const unverified = (why) => ({ accept: 'unverified', why })
const EXPECT = {
  'machine-missing-startat': 'MissingField',
  'machine-missing-states': 'MissingField',
  'machine-startat-not-string': 'WrongType',
  'machine-unknown-field': 'UnknownField',
  'machine-comment-not-string': 'WrongType',
  'machine-version-not-string': 'WrongType',
  'machine-timeout-zero': 'NumberRange',
  'machine-timeout-fraction': 'WrongType',
  'machine-timeout-limit': 'NumberRange',
  'machine-querylanguage-unknown': 'InvalidValue',
  'machine-startat-unknown': 'UnknownState',
  'machine-states-empty': 'UnknownState',
  'machine-states-not-object': 'WrongType',
  'state-name-empty': 'EmptyStateName',
  'state-name-81': 'StateNameTooLong',
  'state-unreferenced': 'UnreachableState',
  'state-unreferenced-in-branch': 'UnreachableState',
  'no-terminal-state': 'NoTerminalState',
  'no-terminal-state-in-branch': 'NoTerminalState',
  'duplicate-state-name-across-branches': 'DuplicateStateName',
  'duplicate-state-name-in-map': 'DuplicateStateName',
  'state-missing-type': 'MissingField',
  'state-unknown-type': 'UnknownStateType',
  'state-type-not-string': 'UnknownStateType',
  'state-unknown-field': 'UnknownField',
  'state-comment-not-string': 'WrongType',
  'state-not-object': 'WrongType',
  'next-not-string': 'WrongType',
  'next-unknown': 'UnknownState',
  'end-false': 'NextOrEnd',
  'end-string': 'WrongType',
  'end-and-next': 'NextOrEnd',
  'neither-end-nor-next': 'NextOrEnd',
  'succeed-with-next': 'UnknownField',
  'succeed-with-end': 'UnknownField',
  'fail-with-next': 'UnknownField',
  'fail-with-inputpath': 'UnknownField',
  'fail-with-outputpath': 'UnknownField',
  'fail-with-resultpath': 'UnknownField',
  'fail-with-parameters': 'UnknownField',
  'choice-with-next': 'UnknownField',
  'choice-with-end': 'UnknownField',
  'choice-with-parameters': 'UnknownField',
  'choice-with-resultpath': 'UnknownField',
  'choice-with-resultselector': 'UnknownField',
  'wait-with-parameters': 'UnknownField',
  'wait-with-resultpath': 'UnknownField',
  'succeed-with-parameters': 'UnknownField',
  'succeed-with-resultpath': 'UnknownField',
  'pass-with-resultselector': 'UnknownField',
  'pass-with-retry': 'UnknownField',
  'pass-with-catch': 'UnknownField',
  'inputpath-not-a-path': 'InvalidPath',
  'inputpath-bad-syntax': 'InvalidPath',
  'inputpath-trailing-bracket': unverified('the JSONPath grammar has no "$.a["; Jayway, the JSONPath library whose dialect AWS uses, reads it as "$.a", and asl4j follows Jayway; no AWS record either way'),
  'inputpath-number': 'WrongType',
  'inputpath-intrinsic': 'InvalidPath',
  'outputpath-not-a-path': 'InvalidPath',
  'resultpath-not-reference-path': 'InvalidPath',
  'resultpath-filter': 'InvalidPath',
  'resultpath-context': 'InvalidPath',
  'resultpath-number': 'WrongType',
  'itemspath-null': 'WrongType',
  'itemspath-not-reference-path': 'InvalidPath',
  'itemspath-not-a-path': 'InvalidPath',
  'timeoutsecondspath-not-reference-path': 'InvalidPath',
  'heartbeatsecondspath-not-a-path': 'InvalidPath',
  'secondspath-not-a-path': 'InvalidPath',
  'timestamppath-not-reference-path': 'InvalidPath',
  'errorpath-not-a-path': 'InvalidPath',
  'causepath-not-a-path': 'InvalidPath',
  'errorpath-number': 'WrongType',
  'parameters-dollar-not-a-path': 'InvalidTemplateValue',
  'parameters-dollar-bad-path': 'InvalidTemplateValue',
  'parameters-dollar-trailing-bracket': unverified('the JSONPath grammar has no "$.a["; Jayway, the JSONPath library whose dialect AWS uses, reads it as "$.a", and asl4j follows Jayway; no AWS record either way'),
  'parameters-dollar-number': 'InvalidTemplateValue',
  'parameters-dollar-null': 'InvalidTemplateValue',
  'parameters-dollar-unknown-intrinsic': 'InvalidTemplateValue',
  'parameters-dollar-bad-intrinsic': 'InvalidTemplateValue',
  'parameters-dollar-nested': 'InvalidTemplateValue',
  'parameters-dollar-in-array': 'InvalidTemplateValue',
  'parameters-duplicate-field': 'DuplicateTemplateField',
  'resultselector-duplicate-field': 'DuplicateTemplateField',
  'resultselector-dollar-not-a-path': 'InvalidTemplateValue',
  'itemselector-dollar-not-a-path': 'InvalidTemplateValue',
  'assign-dollar-not-a-path': 'InvalidTemplateValue',
  'assign-bad-variable-name': 'InvalidVariableName',
  'assign-states-variable': 'InvalidVariableName',
  'parameters-jsonata-in-jsonpath': unverified('asl-validator wants a JSONPath Parameters to be an object or a string that is no {% %} expression; no AWS record of a string Parameters either way'),
  'credentials-not-object': 'WrongType',
  'credentials-number': 'WrongType',
  'credentials-dollar-not-a-path': 'InvalidTemplateValue',
  'task-missing-resource': 'MissingField',
  'task-resource-number': 'WrongType',
  'task-resource-not-arn': 'UnknownResource',
  'task-resource-not-uri': 'UnknownResource',
  'task-resource-bad-partition': 'UnknownResource',
  'task-timeout-zero': 'NumberRange',
  'task-timeout-fraction': 'NumberRange',
  'task-timeout-string': 'WrongType',
  'task-timeout-limit': 'NumberRange',
  'task-heartbeat-zero': 'NumberRange',
  'task-heartbeat-fraction': 'NumberRange',
  'task-heartbeat-limit': 'NumberRange',
  'task-timeout-and-path': 'OneOf',
  'task-heartbeat-and-path': 'OneOf',
  'retry-not-array': 'WrongType',
  'retry-missing-errorequals': 'MissingField',
  'retry-errorequals-empty': 'EmptyErrorEquals',
  'retry-errorequals-not-array': 'WrongType',
  'retry-errorequals-number': 'WrongType',
  'retry-interval-zero': 'NumberRange',
  'retry-interval-negative': 'NumberRange',
  'retry-interval-fraction': 'WrongType',
  'retry-maxattempts-negative': 'NumberRange',
  'retry-maxattempts-fraction': 'WrongType',
  'retry-maxattempts-limit': 'NumberRange',
  'retry-backoff-below-one': 'NumberRange',
  'retry-backoff-negative': 'NumberRange',
  'retry-backoff-string': 'WrongType',
  'retry-maxdelay-zero': 'NumberRange',
  'retry-jitter-unknown': 'InvalidValue',
  'retry-unknown-field': 'UnknownField',
  'retry-all-not-alone': 'AllNotAlone',
  'retry-all-not-last': 'AllNotLast',
  'catch-not-array': 'WrongType',
  'catch-missing-next': 'MissingField',
  'catch-next-unknown': 'UnknownState',
  'catch-missing-errorequals': 'MissingField',
  'catch-errorequals-empty': 'EmptyErrorEquals',
  'catch-resultpath-not-reference-path': 'InvalidPath',
  'catch-unknown-field': 'UnknownField',
  'catch-all-not-last': 'AllNotLast',
  'choice-missing-choices': 'EmptyChoices',
  'choice-choices-empty': 'EmptyChoices',
  'choice-choices-not-array': 'WrongType',
  'choice-rule-missing-next': 'MissingField',
  'choice-rule-next-unknown': 'UnknownState',
  'choice-rule-no-operator': 'ChoiceRuleOperator',
  'choice-rule-two-operators': 'ChoiceRuleOperator',
  'choice-rule-unknown-operator': 'UnknownField',
  'choice-rule-missing-variable': 'MissingField',
  'choice-variable-not-a-path': 'InvalidPath',
  'choice-variable-number': 'WrongType',
  'choice-stringequals-number': 'OperandType',
  'choice-stringmatches-number': 'OperandType',
  'choice-numericequals-string': 'OperandType',
  'choice-booleanequals-string': 'OperandType',
  'choice-timestampequals-not-timestamp': 'OperandType',
  'choice-timestampequals-number': 'OperandType',
  'choice-isnull-string': 'OperandType',
  'choice-stringequalspath-not-path': 'InvalidPath',
  'choice-numericequalspath-not-reference-path': 'InvalidPath',
  'choice-and-empty': 'EmptyCondition',
  'choice-and-not-array': 'WrongType',
  'choice-not-array': 'WrongType',
  'choice-nested-next': 'NestedRuleField',
  'choice-comparison-with-and': 'ChoiceRuleOperator',
  'choice-nested-variable-not-a-path': 'InvalidPath',
  'choice-default-number': 'WrongType',
  'choice-default-unknown': 'UnknownState',
  'wait-no-time': 'WaitTime',
  'wait-two-times': 'WaitTime',
  'wait-seconds-negative': 'NumberRange',
  'wait-seconds-fraction': 'NumberRange',
  'wait-seconds-zero': accept('AWS ran "Seconds": 0 (conformance pure/assign/TestAssignReferenceVariables.test_assign_in_wait_state)'),
  'wait-seconds-string': 'WrongType',
  'wait-timestamp-not-timestamp': 'InvalidTimestamp',
  'wait-timestamp-no-offset': 'InvalidTimestamp',
  'wait-timestamp-number': 'WrongType',
  'fail-error-and-errorpath': 'OneOf',
  'fail-cause-and-causepath': 'OneOf',
  'fail-error-number': 'WrongType',
  'fail-cause-number': 'WrongType',
  'parallel-missing-branches': 'MissingField',
  'parallel-branches-empty': 'EmptyBranches',
  'parallel-branches-not-array': 'WrongType',
  'parallel-branch-not-object': 'WrongType',
  'parallel-branch-missing-startat': 'MissingField',
  'parallel-branch-missing-states': 'MissingField',
  'parallel-branch-unknown-field': 'UnknownField',
  'parallel-branch-startat-unknown': 'UnknownState',
  'parallel-branch-transition-out': 'CrossScopeTransition',
  'parallel-transition-into-branch': 'CrossScopeTransition',
  'map-missing-processor': 'MissingField',
  'map-iterator-and-itemprocessor': 'OneOf',
  'map-itemselector-and-parameters': 'OneOf',
  'map-processor-missing-startat': 'MissingField',
  'map-processor-unknown-field': 'UnknownField',
  'map-processorconfig-unknown-mode': 'InvalidValue',
  'map-distributed-no-executiontype': 'MissingField',
  'map-iterator-transition-out': 'CrossScopeTransition',
  'map-processor-transition-out': 'CrossScopeTransition',
  'map-maxconcurrency-negative': 'NumberRange',
  'map-maxconcurrency-fraction': 'NumberRange',
  'map-maxconcurrency-string': 'WrongType',
  'map-maxconcurrency-and-path': 'OneOf',
  'map-toleratedcount-negative': 'NumberRange',
  'map-toleratedcount-fraction': 'NumberRange',
  'map-toleratedcount-and-path': 'OneOf',
  'map-toleratedpercentage-above-100': 'NumberRange',
  'map-toleratedpercentage-fraction': accept('AWS ran a fractional ToleratedFailurePercentage (conformance pure/scenarios/TestBaseScenarios.test_map_state_tolerated_failure_values[percentage_literal])'),
  'map-toleratedpercentage-and-path': 'OneOf',
  'map-label-number': 'WrongType',
  'map-itemreader-missing-resource': 'MissingField',
  'map-itemreader-maxitems-zero': accept('AWS ran "MaxItems": 0 (conformance service/scenarios/TestBaseScenarios.test_map_item_reader_csv_max_items[0])'),
  'map-itemreader-maxitems-and-path': 'OneOf',
  'map-itembatcher-maxitems-zero': 'NumberRange',
  'map-itembatcher-maxitems-fraction': 'NumberRange',
  'map-itembatcher-maxbytes-too-big': 'NumberRange',
  'map-itembatcher-maxitems-and-path': 'OneOf',
  'map-itembatcher-maxbytes-and-path': 'OneOf',
  'map-resultwriter-missing-resource': accept('AWS accepts a ResultWriter with only WriterConfig (results transformed, not exported) since 2025; asl4j models Resource as optional'),
  'map-items-in-jsonpath': 'FieldNotAllowedInJsonPath',
  'jsonata-parameters': 'FieldNotAllowedInJsonata',
  'jsonata-inputpath': 'FieldNotAllowedInJsonata',
  'jsonata-outputpath': 'FieldNotAllowedInJsonata',
  'jsonata-resultpath': 'FieldNotAllowedInJsonata',
  'jsonata-resultselector': 'FieldNotAllowedInJsonata',
  'jsonata-itemspath': 'FieldNotAllowedInJsonata',
  'jsonata-secondspath': 'FieldNotAllowedInJsonata',
  'jsonata-errorpath': 'FieldNotAllowedInJsonata',
  'jsonata-choice-variable': 'FieldNotAllowedInJsonata',
  'jsonpath-output': 'FieldNotAllowedInJsonPath',
  'jsonpath-arguments': 'FieldNotAllowedInJsonPath',
  'jsonpath-condition': 'FieldNotAllowedInJsonPath',
  'jsonata-output-bad-syntax': 'JsonataSyntax',
  'jsonata-output-unclosed-paren': 'JsonataSyntax',
  'jsonata-arguments-bad-syntax': 'JsonataSyntax',
  'jsonata-assign-bad-syntax': 'JsonataSyntax',
  'jsonata-condition-not-expression': 'WrongType',
  'jsonata-condition-bad-syntax': 'JsonataSyntax',
  'jsonata-items-not-expression': 'WrongType',
  'jsonata-items-and-itemspath': 'FieldNotAllowedInJsonata',
  'jsonata-seconds-bad-syntax': 'JsonataSyntax',
  'jsonata-seconds-not-expression': 'WrongType',
  'jsonata-timeout-not-expression': 'WrongType',
  'jsonata-timeout-in-jsonpath': 'WrongType',
  'jsonata-fail-error-bad-syntax': 'JsonataSyntax',
  'jsonata-maxconcurrency-not-expression': 'WrongType',
  'jsonata-state-jsonpath-in-jsonata-machine': 'QueryLanguageDowngrade',
  'jsonata-querylanguage-unknown': 'InvalidValue',
  'jsonata-assign-bad-variable-name': 'InvalidVariableName',
  'jsonata-arguments-not-expression': unverified('asl-validator wants Arguments to be an object or a {% %} expression; AWS ran Output holding any JSON value (conformance pure/outputdecl/TestArgumentsBase.test_base_output_any_non_dict), no record of a plain-string Arguments'),
  'jsonata-output-no-spaces': unverified('asl-validator requires "{% " and " %}" with the spaces; AWS documents the form "{% <expression> %}" and has no record of an expression without them; asl4j reads any string from {% to %} as an expression'),
  'jsonata-states-result-in-pass': 'StatesVariableNotAvailable',
}

for (const c of cases) {
  if (!(c.id in EXPECT)) throw new Error(`mutations.js: no EXPECT entry for ${c.id}`)
  c.expect = EXPECT[c.id]
}

module.exports = { cases }
