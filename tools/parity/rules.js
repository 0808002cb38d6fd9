'use strict'
// What each rule of asl-validator and statelint is, as parity.js reduces their messages to keys.
//
//   spec(rule, tag)    the ASL spec / AWS rejects it too: asl4j must reject, with the tag
//   tool(why)          a tool-only opinion or a tool bug: AWS accepts (the why gives the evidence),
//                      asl4j must accept
//   unverified(why)    the tool rejects, no AWS record says either way; asl4j keeps accepting and
//                      the case is listed as open
//   generic(why)       the message names no rule (a oneOf/anyOf wrapper, or the side errors of the
//                      schema alternatives that did not apply): the case's other messages decide
//                      (a mutation states the rule it breaks itself, in mutations.js)
//
// The first entry whose tool and pattern match a key wins.

const spec = (rule, tag, folder) => ({ kind: 'spec', spec: true, specRule: rule, tag, folder })
const tool = (why, folder) => ({ kind: 'tool-only', spec: false, why, folder })
const unverified = (why, folder) => ({ kind: 'unverified', spec: false, why, folder })
const generic = (why) => ({ kind: 'generic', spec: false, why, folder: 'generic' })

const AV = 'asl-validator'
const SL = 'statelint'

// Evidence that AWS ran definitions using these fields (conformance cases, status SUCCEEDED/FAILED).
const NEWER_THAN_STATELINT =
  'statelint 1.30 predates the field (JSONata, variables, distributed Map); AWS ran definitions using it (conformance corpus)'

const RULES = [
  // ---- asl-validator: its own checks --------------------------------------------------------
  [AV, /^MISSING_TRANSITION_TARGET \(not reachable\)$/, spec('every state is named by a StartAt, Next, Default or Catch Next of its scope (AWS: MISSING_TRANSITION_TARGET State "X" is not reachable)', 'UnreachableState', 'unreachable-state')],
  [AV, /^MISSING_TRANSITION_TARGET \(missing target\)$/, spec('StartAt, Next and Default name a state of their scope', 'UnknownState', 'unknown-state')],
  [AV, /^(BRANCH|MAP)_OUTBOUND_TRANSITION_TARGET$/, spec('a transition stays inside its Parallel branch or Map processor', 'CrossScopeTransition', 'cross-scope-transition')],
  [AV, /^DUPLICATE_STATE_NAMES$/, spec('state names are unique in the whole machine', 'DuplicateStateName', 'duplicate-state-name')],
  [AV, /^MISSING_TERMINAL_STATE$/, spec('every scope has a terminal state', 'NoTerminalState', 'no-terminal-state')],
  [AV, /^DUPLICATE_FIELD_NAME$/, spec('a payload template has no field twice after .$ stripping', 'DuplicateTemplateField', 'duplicate-template-field')],
  [AV, /^(TASK_TIMEOUT|TASK_HEARTBEAT|MAP_ITEM_SELECTOR|MAP_CONCURRENCY_ERROR|MAP_TOLERATED_FAILURE|MAP_ITEMREADER_MAXITEM|MAP_ITEM_BATCHER|FAIL_CAUSE_PROPERTY|FAIL_ERROR_PROPERTY)$/, spec('a field and its *Path twin (or Parameters and ItemSelector) are exclusive', 'OneOf', 'one-of')],
  [AV, /^MAP_ITEM_PROCESSOR$/, generic('exactly one of ItemProcessor and Iterator: both is [OneOf], neither is [MissingField]')],
  [AV, /^WAIT_DURATION$/, spec('a Wait state has exactly one of Seconds, SecondsPath, Timestamp, TimestampPath', 'WaitTime', 'wait-time')],
  [AV, /^TERMINAL_STATE_WITH_NEXT$/, spec('a non-terminal state has exactly one of Next and "End": true', 'NextOrEnd', 'next-or-end')],
  [AV, /^throws /, generic('asl-validator crashes on a state that is not an object')],

  // ---- asl-validator: schema, side errors of alternatives ------------------------------------
  [AV, /(paths|jsonata)\.json#\/definitions\/queryLanguage\/enum at QueryLanguage$/, generic('side error: the state did not match the other query language\'s schema')],
  [AV, / #\/definitions\/Type\/enum at Type$/, generic('side error: the state did not match another state type\'s schema')],
  [AV, /errors\.json#\/anyOf\/\d+\/(enum|type) at ErrorEquals\[\]$/, generic('side error of the anyOf of error names')],
  [AV, / #\/type at (Retry|Catch|Branches|Branches\[\])$/, spec('Retry, Catch and Branches are arrays of objects', 'WrongType', 'wrong-type')],
  [AV, /#\/definitions\/Resource\/oneOf at Resource$/, generic('asl-validator wants an ARN with a numeric account (or a CloudFormation substitution): a non-string is [WrongType], a resource AWS does not know is [UnknownResource]; but AWS (TestState API) ran "arn:aws:lambda:your-region:your-account-id:function:..." (conformance test_state/TestStateConfiguration.test_map_state_failure_count[...]), so the ARN shape alone is no AWS rule')],
  [AV, / #\/oneOf at /, generic('no alternative of a oneOf matched; the message names no rule')],
  [AV, /\/oneOf at /, generic('no alternative of a oneOf matched; the message names no rule')],
  [AV, / #\/properties\/States\/additionalProperties at States$/, generic('a state name has 1 to 80 characters: empty is [EmptyStateName], longer is [StateNameTooLong]')],
  [AV, / common\.json#\/definitions\/End\/enum at End$/, generic('End is true: false is [NextOrEnd], a non-boolean is [WrongType]')],

  // ---- asl-validator: schema rules -----------------------------------------------------------
  [AV, / #\/required at (\(machine\)|Branches\[\]|ItemProcessor|Iterator)$/, spec('a machine, branch or processor has StartAt and States', 'MissingField', 'missing-field')],
  [AV, / #\/items\/required at (Retry|Catch)\[\]$/, spec('a retrier has ErrorEquals; a catcher has ErrorEquals and Next', 'MissingField', 'missing-field')],
  [AV, /ItemReader\/required at ItemReader$/, spec('an ItemReader has a Resource', 'MissingField', 'missing-field')],
  [AV, /ResultWriter\/required at ResultWriter$/, tool('a ResultWriter may omit Resource: since 2025 AWS accepts a ResultWriter with only WriterConfig (transform the results without exporting them), which asl4j models', 'resultwriter-without-resource')],
  [AV, /Choices\/items\/required at Choices\[\]$/, spec('a JSONata choice rule has Condition (and no Variable)', 'FieldNotAllowedInJsonata', 'jsonata-field')],
  [AV, / #\/additionalProperties at (\(machine\)|Branches\[\])$/, spec('no unknown fields at the top level or in a branch', 'UnknownField', 'unknown-field')],
  [AV, /#\/definitions\/Type\/type at Type$/, spec('Type is one of the eight state type names', 'UnknownStateType', 'unknown-state-type')],
  [AV, /(#\/properties\/(StartAt|Comment|Version|States|TimeoutSeconds)\/type|common\.json#\/definitions\/(Comment|Next)\/type|#\/definitions\/(Default|Label|MaxConcurrency|TimeoutSeconds)\/type|#\/items\/properties\/(ErrorEquals|BackoffRate)\/type|#\/properties\/(And)\/type|ErrorPath\/type|paths\.json#\/definitions\/asl_(path|ref_path|result_path)\/type) at /, spec('each field has its JSON type', 'WrongType', 'wrong-type')],
  [AV, / #\/type at (Retry|Catch|Branches|Branches\[\])$/, spec('Retry, Catch and Branches are arrays of objects', 'WrongType', 'wrong-type')],
  [AV, /#\/definitions\/Resource\/oneOf at Resource$/, generic('asl-validator wants an ARN with a numeric account (or a CloudFormation substitution): a non-string is [WrongType], a resource AWS does not know is [UnknownResource]; but AWS (TestState API) ran "arn:aws:lambda:your-region:your-account-id:function:..." (conformance test_state/TestStateConfiguration.test_map_state_failure_count[...]), so the ARN shape alone is no AWS rule')],
  [AV, /errors\.json#\/anyOf at ErrorEquals\[\]$/, spec('ErrorEquals holds strings', 'WrongType', 'wrong-type')],
  [AV, /ChoiceRules\/DataTest\/\w+\/properties\/\w+\/type at /, spec('a comparison operator takes a value of its type', 'OperandType', 'operand-type')],
  [AV, /#\/(oneOf\/\d\/)?properties\/Choices\/(minItems|type) at Choices$/, spec('Choices is a non-empty array', 'EmptyChoices', 'empty-choices')],
  [AV, /#\/properties\/And\/minItems at And$/, spec('And and Or are non-empty', 'EmptyCondition', 'empty-condition')],
  [AV, /#\/definitions\/(MaxConcurrency|ToleratedFailureCount)\/minimum at /, spec('MaxConcurrency and ToleratedFailureCount are not negative', 'NumberRange', 'number-range')],
  [AV, /#\/definitions\/ToleratedFailurePercentage\/maximum at /, spec('ToleratedFailurePercentage is between 0 and 100', 'NumberRange', 'number-range')],
  [AV, /#\/definitions\/MaxInputBytesPerBatch\/maximum at /, spec('MaxInputBytesPerBatch is at most 256 KiB', 'NumberRange', 'number-range')],
  [AV, /#\/definitions\/(ToleratedFailureCount|MaxItemsPerBatch)\/type at /, spec('ToleratedFailureCount and MaxItemsPerBatch are integers', 'NumberRange', 'number-range')],
  [AV, /#\/items\/properties\/(IntervalSeconds|MaxAttempts|BackoffRate)\/minimum at /, spec('IntervalSeconds is positive, MaxAttempts is not negative, BackoffRate is at least 1', 'NumberRange', 'number-range')],
  [AV, /#\/definitions\/ToleratedFailurePercentage\/type at /, tool('ToleratedFailurePercentage need not be an integer: AWS ran "ToleratedFailurePercentage" with a fraction (conformance pure/scenarios/TestBaseScenarios.test_map_state_tolerated_failure_values[percentage_literal])', 'tolerated-percentage-fraction')],
  [AV, /#\/definitions\/MaxItems\/minimum at /, tool('ReaderConfig MaxItems may be 0: AWS ran "MaxItems": 0 (conformance service/scenarios/TestBaseScenarios.test_map_item_reader_csv_max_items[0], SUCCEEDED)', 'reader-maxitems-zero')],
  [AV, /#\/properties\/ProcessorConfig\/oneOf\/0\/properties\/Mode\/enum at Mode$/, spec('ProcessorConfig Mode is INLINE or DISTRIBUTED, and DISTRIBUTED needs ExecutionType', 'InvalidValue', 'invalid-value')],
  [AV, /#\/definitions\/Timestamp\/format at /, spec('Timestamp is an RFC3339 timestamp', 'InvalidTimestamp', 'invalid-timestamp')],
  [AV, /paths\.json#\/definitions\/asl_(path|ref_path|result_path)\/format at /, spec('a Path field holds a JSONPath; a Reference Path field one that selects a single node; ResultPath points into the state input', 'InvalidPath', 'invalid-path')],
  [AV, /#\/patternProperties\/\^\.\+\\\.\\\$\$\/(format|type) at /, spec('a key.$ value of a payload template is a Path or an intrinsic call', 'InvalidTemplateValue', 'invalid-template-value')],
  [AV, /jsonata\.json#\/definitions\/condition\/pattern at Condition$/, spec('a JSONata Condition is a {% %} expression (or a boolean)', 'WrongType', 'wrong-type')],
  [AV, /jsonata\.json#\/definitions\/condition\/format at Condition$/, spec('a JSONata expression parses', 'JsonataSyntax', 'jsonata-syntax')],

  // ---- statelint: state_node.js --------------------------------------------------------------
  [SL, /^no transition to state$/, spec('every state is named by a StartAt, Next, Default or Catch Next of its scope (AWS: MISSING_TRANSITION_TARGET State "X" is not reachable)', 'UnreachableState', 'unreachable-state')],
  [SL, /^unknown target: (StartAt|Next|Default)$/, spec('StartAt, Next and Default name a state of their scope', 'UnknownState', 'unknown-state')],
  [SL, /^no terminal state$/, spec('every scope has a terminal state', 'NoTerminalState', 'no-terminal-state')],
  [SL, /^duplicate state name$/, spec('state names are unique in the whole machine', 'DuplicateStateName', 'duplicate-state-name')],
  [SL, /^States\.ALL last and alone$/, generic('States.ALL appears alone ([AllNotAlone]) in the last retrier or catcher ([AllNotLast])')],
  [SL, /^not a JSONPath: (InputPath|OutputPath|ItemsPath|Variable)$/, spec('a Path field holds a JSONPath (statelint also rejects variable paths such as "$total", which AWS ran: conformance pure/assign)', 'InvalidPath', 'invalid-path')],
  [SL, /^non-null: ItemsPath$/, spec('ItemsPath is a Reference Path, not null', 'WrongType', 'wrong-type')],
  [SL, /^not a path or intrinsic: (Parameters|ResultSelector)$/, spec('a key.$ value of a payload template is a Path or an intrinsic call (statelint also rejects variable paths such as "$status", which AWS ran: conformance pure/assign)', 'InvalidTemplateValue', 'invalid-template-value')],

  // ---- statelint: fields it does not know ----------------------------------------------------
  [SL, /^not allowed: .*\.(QueryLanguage|Assign|Output|Arguments|Condition|Items|Label|ItemReader|ItemBatcher|ResultWriter|MaxConcurrencyPath|ToleratedFailureCount|ToleratedFailureCountPath|ToleratedFailurePercentage|ToleratedFailurePercentagePath)$/, tool(NEWER_THAN_STATELINT, 'newer-than-statelint')],
  [SL, /^not allowed: (Retrier|NestedRule|Catcher|ChoiceRule)\.Comment$/, tool('AWS accepts Comment in retriers and nested choice rules (conformance lambda/comments/TestComments.test_comments_as_per_docs)', 'comment-anywhere')],
  [SL, /^not allowed: ChoiceRule\.StringEquals$/, generic('statelint reads a rule without Variable as a boolean rule, so its operator is "not allowed"; the rule is that a comparison needs Variable')],
  [SL, /^not allowed: (State\(\w+\)|Machine|Retrier|Catcher|Branch|Processor|ChoiceRule)\.\w+$/, spec('no unknown fields, and no field a state type does not have', 'UnknownField', 'unknown-field')],
  [SL, /^not allowed: (State\((undefined|\d+|Sleep)\)|States)\.\w+$/, generic('follow-up of a missing or unknown Type (statelint then allows no field at all)')],
  [SL, /^forbidden: NestedRule\.Next$/, spec('a nested choice rule has no Next', 'NestedRuleField', 'nested-rule-field')],
  [SL, /^forbidden: ChoiceRule\.(And|Or|Not)$/, spec('a choice rule has exactly one comparison operator, And, Or or Not', 'ChoiceRuleOperator', 'choice-rule-operator')],
  [SL, /^forbidden: State\((Pass|Task|Wait|Parallel|Map)\)\.Next$/, spec('a non-terminal state has exactly one of Next and "End": true', 'NextOrEnd', 'next-or-end')],
  [SL, /^forbidden: State\((Succeed|Fail|Choice)\)\.\w+$/, spec('no field a state type does not have (Succeed/Fail: Next, End; Fail: InputPath, OutputPath; Choice: Next, End)', 'UnknownField', 'unknown-field')],

  // ---- statelint: j2119 constraints ----------------------------------------------------------
  [SL, /^required: (Machine|Branch|Processor|Retrier|Catcher|ChoiceRule)\.(StartAt|States|ErrorEquals|Next)$/, spec('required fields are present', 'MissingField', 'missing-field')],
  [SL, /^required: State\((Task|Parallel)\)\.(Resource|Branches)$/, spec('a Task has a Resource; a Parallel state has Branches', 'MissingField', 'missing-field')],
  [SL, /^required: State\(undefined\)\.Type$/, spec('a state has a Type', 'MissingField', 'missing-field')],
  [SL, /^required: State\(Choice\)\.Choices$/, spec('a Choice state has a non-empty Choices', 'EmptyChoices', 'empty-choices')],
  [SL, /^required: State\(Wait\)\.from /, spec('a Wait state has exactly one of Seconds, SecondsPath, Timestamp, TimestampPath', 'WaitTime', 'wait-time')],
  [SL, /^required: State\(\w+\)\.Next$/, spec('a non-terminal state has exactly one of Next and "End": true', 'NextOrEnd', 'next-or-end')],
  [SL, /^required: ChoiceRule\.from /, spec('a choice rule has exactly one comparison operator, And, Or or Not', 'ChoiceRuleOperator', 'choice-rule-operator')],
  [SL, /^required: States\.(StartAt|States)$/, generic('follow-up of Branches not being an array (statelint reads the object as a branch list)')],
  [SL, /^only one of: Seconds,SecondsPath,Timestamp,TimestampPath$/, spec('a Wait state has exactly one of Seconds, SecondsPath, Timestamp, TimestampPath', 'WaitTime', 'wait-time')],
  [SL, /^only one of: /, spec('a field and its *Path twin (or Parameters and ItemSelector, Iterator and ItemProcessor) are exclusive', 'OneOf', 'one-of')],
  [SL, /^non-empty: ErrorEquals$/, spec('ErrorEquals is non-empty', 'EmptyErrorEquals', 'empty-error-equals')],
  [SL, /^non-empty: Choices$/, spec('Choices is non-empty', 'EmptyChoices', 'empty-choices')],
  [SL, /^non-empty: (And|Or)$/, spec('And and Or are non-empty', 'EmptyCondition', 'empty-condition')],
  [SL, /^enum: Type$/, spec('Type is one of the eight state type names', 'UnknownStateType', 'unknown-state-type')],
  [SL, /^enum: JitterStrategy$/, spec('JitterStrategy is FULL or NONE', 'InvalidValue', 'invalid-value')],
  [SL, /^floor: Seconds 0$/, tool('a Wait may last 0 seconds: AWS ran "Seconds": 0 (conformance pure/assign/TestAssignReferenceVariables.test_assign_in_wait_state)', 'wait-zero-seconds')],
  [SL, /^(floor|ceiling|minimum): (TimeoutSeconds|HeartbeatSeconds|IntervalSeconds|MaxDelaySeconds|MaxAttempts|BackoffRate) /, spec('TimeoutSeconds, HeartbeatSeconds, IntervalSeconds, MaxDelaySeconds are positive integers, MaxAttempts is not negative, all below 99999999; BackoffRate is at least 1', 'NumberRange', 'number-range')],
  [SL, /^type: (Seconds an Integer|TimeoutSeconds an Integer|HeartbeatSeconds an Integer|MaxConcurrency numeric|Timestamp an ISO8601 timestamp)$/, generic('a number or timestamp field: in a JSONPath state a wrong type is [WrongType] or [NumberRange] or [InvalidTimestamp]; in a JSONata state a {% %} expression is allowed (statelint predates JSONata; AWS ran such definitions)')],
  [SL, /^type: (IntervalSeconds|MaxAttempts) an Integer$/, spec('IntervalSeconds and MaxAttempts are integers', 'WrongType', 'wrong-type')],
  [SL, /^type: StringEqualsPath a Reference Path$/, generic('a *Path operator holds a Reference Path; statelint does not know variables ($name), which AWS ran (conformance pure/assign)')],
  [SL, /^type: \w+Path a Reference Path$/, spec('a Reference Path field selects a single node', 'InvalidPath', 'invalid-path')],
  [SL, /^type: ResultPath a Reference Path$/, generic('ResultPath is a Reference Path into the state input: a wrong type is [WrongType], a wrong path [InvalidPath]')],
  [SL, /^type: (Is\w+|Boolean\w*|String\w*|Numeric\w*|Timestamp\w*) (a String|a Boolean|numeric|an ISO8601 timestamp)$/, spec('a comparison operator takes a value of its type', 'OperandType', 'operand-type')],
  [SL, /^type: Resource a URI$/, generic('Resource is a string ([WrongType]) naming a known resource ([UnknownResource])')],
  [SL, /^type: (StartAt|Comment|Version|States|Type|Next|Default|End|Retry|Catch|Choices|And|Not|Branches|ErrorEquals|Credentials|Error|Cause|BackoffRate|TimeoutSeconds) /, spec('each field has its JSON type', 'WrongType', 'wrong-type')]
]

function classify (toolName, key) {
  for (const [t, pattern, cls] of RULES) {
    if (t === toolName && pattern.test(key)) return cls
  }
  return null
}

module.exports = { classify }
