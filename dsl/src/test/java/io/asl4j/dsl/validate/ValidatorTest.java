package io.asl4j.dsl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per validation rule, each asserting the complete problems it reports. */
class ValidatorTest {

  // ---- graph rules ------------------------------------------------------------------------------

  @Test
  void startAtMustNameAStateOfItsScope() {
    // given
    String json = machine("Strat", "\"Start\": {\"Type\": \"Succeed\"}");

    // when / then: as AWS, the state StartAt missed is reported too
    assertProblems(
        json,
        "/StartAt: error [UnknownState] 'StartAt' names 'Strat', which is not a state of this scope",
        "/States/Start: error [UnreachableState] State \"Start\" is not reachable: no StartAt, Next,"
            + " Default or Catch 'Next' of this scope names it");
  }

  @Test
  void nextMustNameAStateOfThisScope() {
    String json =
        machine(
            "A",
            """
            "A": {"Type": "Pass", "Next": "Bee"},
            "B": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States: error [NoTerminalState] no state reachable from StartAt 'A' is a Succeed or Fail"
            + " state or has \"End\": true",
        "/States/A/Next: error [UnknownState] 'Next' names 'Bee', which is not a state of this scope",
        "/States/B: error [UnreachableState] State \"B\" is not reachable: no StartAt, Next,"
            + " Default or Catch 'Next' of this scope names it");
  }

  @Test
  void defaultCatchAndChoiceTargetsMustNameStatesOfThisScope() {
    String json =
        machine(
            "Route",
            """
            "Route": {"Type": "Choice",
                      "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Nowhere"}],
                      "Default": "Work"},
            "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Missing"}], "End": true}
            """);

    assertProblems(
        json,
        "/States/Route/Choices/0/Next: error [UnknownState] 'Next' names 'Nowhere', which is not a"
            + " state of this scope",
        "/States/Work/Catch/0/Next: error [UnknownState] 'Next' names 'Missing', which is not a"
            + " state of this scope");
  }

  @Test
  void transitionsCannotCrossIntoOrOutOfABranch() {
    String json =
        machine(
            "FanOut",
            """
            "FanOut": {"Type": "Parallel", "Next": "Done", "Branches": [
              {"StartAt": "Notify", "States": {"Notify": {"Type": "Pass", "Next": "Done"}}}]},
            "Done": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States/FanOut/Branches/0/States: error [NoTerminalState] no state reachable from StartAt"
            + " 'Notify' is a Succeed or Fail state or has \"End\": true",
        "/States/FanOut/Branches/0/States/Notify/Next: error [CrossScopeTransition] 'Next' names"
            + " 'Done', which is at /States/Done; a transition cannot enter or leave a Parallel"
            + " branch or a Map processor");
  }

  @Test
  void stateNamesAreUniqueAcrossNestedScopes() {
    String json =
        machine(
            "FanOut",
            """
            "FanOut": {"Type": "Parallel", "Next": "Notify", "Branches": [
              {"StartAt": "Notify", "States": {"Notify": {"Type": "Succeed"}}}]},
            "Notify": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States/Notify: error [DuplicateStateName] name 'Notify' is also used at"
            + " /States/FanOut/Branches/0/States/Notify");
  }

  @Test
  void stateNamesHaveAtMost80Characters() {
    String name = "N".repeat(81);
    String json = machine(name, "\"" + name + "\": {\"Type\": \"Succeed\"}");

    assertProblems(
        json,
        "/States/"
            + name
            + ": error [StateNameTooLong] a state name must have 1 to 80 characters, but this one"
            + " has 81");
  }

  @Test
  void stateNamesAreNotEmpty() {
    assertProblems(
        machine("", "\"\": {\"Type\": \"Succeed\"}"),
        "/States/: error [EmptyStateName] a state name must have 1 to 80 characters, but is empty");
  }

  @Test
  void pointersEscapeTildeAndSlash() {
    assertProblems(
        machine("a/b~c", "\"a/b~c\": {\"Type\": \"Pass\", \"Next\": \"x\"}"),
        "/States: error [NoTerminalState] no state reachable from StartAt 'a/b~c' is a Succeed or"
            + " Fail state or has \"End\": true",
        "/States/a~1b~0c/Next: error [UnknownState] 'Next' names 'x', which is not a state of this"
            + " scope");
  }

  @Test
  void aStateNoTransitionNamesIsRejected() {
    // AWS: MISSING_TRANSITION_TARGET: State "Orphan" is not reachable.
    String json =
        machine(
            "A",
            """
            "A": {"Type": "Succeed"},
            "Orphan": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States/Orphan: error [UnreachableState] State \"Orphan\" is not reachable: no StartAt, Next,"
            + " Default or Catch 'Next' of this scope names it");
  }

  @Test
  void aStateNoTransitionOfItsBranchNamesIsRejected() {
    String json =
        machine(
            "Fan",
            """
            "Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "B", "States": {"B": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}]}
            """);

    assertProblems(
        json,
        "/States/Fan/Branches/0/States/Orphan: error [UnreachableState] State \"Orphan\" is not"
            + " reachable: no StartAt, Next, Default or Catch 'Next' of this scope names it");
  }

  @Test
  void aLoopStartAtNeverLeadsToIsOnlyAWarning() {
    String json =
        machine(
            "A",
            """
            "A": {"Type": "Succeed"},
            "Ping": {"Type": "Pass", "Next": "Pong"},
            "Pong": {"Type": "Pass", "Next": "Ping"}
            """);

    ValidationResult result = Validator.validateJson(json);

    assertEquals(
        List.of(
            "/States/Ping: warning [NotReachableFromStart] StartAt 'A' never leads to this state;"
                + " only states that are themselves out of reach name it",
            "/States/Pong: warning [NotReachableFromStart] StartAt 'A' never leads to this state;"
                + " only states that are themselves out of reach name it"),
        lines(result));
    assertTrue(result.isValid());
  }

  @Test
  void everyScopeReachesATerminalState() {
    String json =
        machine(
            "Ping",
            """
            "Ping": {"Type": "Pass", "Next": "Pong"},
            "Pong": {"Type": "Pass", "Next": "Ping"}
            """);

    assertProblems(
        json,
        "/States: error [NoTerminalState] no state reachable from StartAt 'Ping' is a Succeed or"
            + " Fail state or has \"End\": true");
  }

  @Test
  void transitioningStatesNeedNextOrEnd() {
    String json =
        machine(
            "A",
            """
            "A": {"Type": "Pass", "Next": "B", "End": true},
            "B": {"Type": "Pass", "End": false},
            "C": {"Type": "Wait", "Seconds": 1}
            """);

    assertProblems(
        json,
        "/States/A/End: error [NextOrEnd] 'Next' and 'End' cannot both be set",
        "/States/B/End: error [NextOrEnd] 'End' may only be true; to continue, use 'Next' instead",
        "/States/C: error [NextOrEnd] a Wait state needs 'Next' or \"End\": true",
        "/States/C: error [UnreachableState] State \"C\" is not reachable: no StartAt, Next,"
            + " Default or Catch 'Next' of this scope names it");
  }

  // ---- Choice -----------------------------------------------------------------------------------

  @Test
  void choiceNeedsAtLeastOneRule() {
    String json =
        machine(
            "Route",
            """
            "Route": {"Type": "Choice", "Choices": [], "Default": "Done"},
            "Done": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States/Route/Choices: error [EmptyChoices] a Choice state needs at least one rule in"
            + " 'Choices'");
  }

  @Test
  void topLevelChoiceRulesNeedNext() {
    String json =
        machine(
            "Route",
            """
            "Route": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true}],
                      "Default": "Done"},
            "Done": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States/Route/Choices/0: error [MissingField] The field 'Next' is required but was"
            + " missing");
  }

  @Test
  void andAndOrNeedAtLeastOneRule() {
    String json =
        machine(
            "Route",
            """
            "Route": {"Type": "Choice", "Choices": [{"And": [], "Next": "Done"}], "Default": "Done"},
            "Done": {"Type": "Succeed"}
            """);

    assertProblems(
        json, "/States/Route/Choices/0/And: error [EmptyCondition] 'And' needs at least one rule");
  }

  @Test
  void comparisonOperandsHaveTheOperatorsType() {
    String json =
        machine(
            "Route",
            """
            "Route": {"Type": "Choice", "Default": "Done", "Choices": [
              {"Variable": "$.a", "NumericEquals": "3", "Next": "Done"},
              {"Variable": "$.b", "StringEquals": 3, "Next": "Done"},
              {"Variable": "$.c", "BooleanEquals": "true", "Next": "Done"},
              {"Variable": "$.d", "IsString": 1, "Next": "Done"},
              {"Variable": "$.e", "TimestampEquals": "2016-13-05T21:29:29Z", "Next": "Done"},
              {"Variable": "$.f", "NumericEqualsPath": 3, "Next": "Done"},
              {"Variable": "$.g", "TimestampLessThan": "2016-12-05T21:29:29Z", "Next": "Done"}]},
            "Done": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States/Route/Choices/0/NumericEquals: error [OperandType] 'NumericEquals' expects a"
            + " number, but found string \"3\"",
        "/States/Route/Choices/1/StringEquals: error [OperandType] 'StringEquals' expects a string,"
            + " but found number 3",
        "/States/Route/Choices/2/BooleanEquals: error [OperandType] 'BooleanEquals' expects a"
            + " boolean, but found string \"true\"",
        "/States/Route/Choices/3/IsString: error [OperandType] 'IsString' expects a boolean, but"
            + " found number 1",
        "/States/Route/Choices/4/TimestampEquals: error [OperandType] String does not match RFC3339"
            + " timestamp",
        "/States/Route/Choices/5/NumericEqualsPath: error [OperandType] 'NumericEqualsPath' expects"
            + " a reference path string, but found number 3");
  }

  @Test
  void comparisonsNeedAVariable() {
    String json =
        machine(
            "Route",
            """
            "Route": {"Type": "Choice", "Default": "Done",
                      "Choices": [{"Not": {"IsNull": true}, "Next": "Done"}]},
            "Done": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States/Route/Choices/0/Not: error [MissingField] The field 'Variable' is required but was"
            + " missing");
  }

  // ---- Retry and Catch --------------------------------------------------------------------------

  @Test
  void statesAllMustAppearAloneInItsErrorEquals() {
    assertProblems(
        task("\"Retry\": [{\"ErrorEquals\": [\"States.ALL\", \"States.Timeout\"]}]"),
        "/States/Work/Retry/0/ErrorEquals: error [AllNotAlone] 'States.ALL' must appear alone in"
            + " 'ErrorEquals'");
  }

  @Test
  void statesAllMustBeInTheLastRetrierAndCatcher() {
    String json =
        machine(
            "Work",
            """
            "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["States.Timeout"]}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"},
                        {"ErrorEquals": ["Custom"], "Next": "Failed"}]},
            "Failed": {"Type": "Fail"}
            """);

    assertProblems(
        json,
        "/States/Work/Retry/0/ErrorEquals: error [AllNotLast] a retrier with 'States.ALL' must be"
            + " the last retrier",
        "/States/Work/Catch/0/ErrorEquals: error [AllNotLast] a catcher with 'States.ALL' must be"
            + " the last catcher");
  }

  @Test
  void errorEqualsMustNotBeEmpty() {
    assertProblems(
        task("\"Retry\": [{\"ErrorEquals\": []}]"),
        "/States/Work/Retry/0/ErrorEquals: error [EmptyErrorEquals] 'ErrorEquals' needs at least"
            + " one error name");
  }

  @Test
  void customErrorNamesCannotStartWithStates() {
    assertProblems(
        task("\"Retry\": [{\"ErrorEquals\": [\"States.Timeout\", \"States.MyError\"]}]"),
        "/States/Work/Retry/0/ErrorEquals/1: error [ReservedErrorName] 'States.MyError' is not a"
            + " predefined error; error names starting with 'States.' are reserved");
  }

  @Test
  void retrierNumbersAreInRange() {
    assertProblems(
        task(
            """
            "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 0, "MaxAttempts": -1,
                       "BackoffRate": 0.5, "MaxDelaySeconds": 99999999}]"""),
        "/States/Work/Retry/0/IntervalSeconds: error [NumberRange] 'IntervalSeconds' must be an"
            + " integer at least 1 and below 99999999, but is 0",
        "/States/Work/Retry/0/MaxAttempts: error [NumberRange] 'MaxAttempts' must be an integer at"
            + " least 0 and below 99999999, but is -1",
        "/States/Work/Retry/0/BackoffRate: error [NumberRange] 'BackoffRate' must be a number at"
            + " least 1 and below 99999999, but is 0.5",
        "/States/Work/Retry/0/MaxDelaySeconds: error [NumberRange] 'MaxDelaySeconds' must be an"
            + " integer at least 1 and below 99999999, but is 99999999");
  }

  // ---- Task -------------------------------------------------------------------------------------

  @Test
  void taskNeedsAResource() {
    assertProblems(
        machine("Work", "\"Work\": {\"Type\": \"Task\", \"End\": true}"),
        "/States/Work: error [MissingField] The field 'Resource' is required but was missing");
  }

  @Test
  void unknownOptimizedIntegrationIsRejectedWithAwsMessage() {
    assertProblems(
        machine(
            "Query",
            "\"Query\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::dynamodb:query\","
                + " \"End\": true}"),
        "/States/Query/Resource: error [UnknownResource] The resource provided"
            + " arn:aws:states:::dynamodb:query is not recognized. The value is not a valid"
            + " resource ARN, or the resource is not available in this region.");
  }

  @Test
  void knownResourceShapesAreAccepted() {
    for (String resource :
        List.of(
            "arn:aws:lambda:eu-west-1:123456789012:function:validate-order",
            "arn:aws:lambda:eu-west-1:123456789012:function:validate-order:live",
            "arn:aws:states:eu-west-1:123456789012:activity:approve",
            "arn:aws:states:::dynamodb:putItem",
            "arn:aws:states:::states:startExecution.sync:2",
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "arn:aws:states:::aws-sdk:dynamodb:query",
            "arn:aws:states:::aws-sdk:s3:listBuckets.waitForTaskToken",
            "arn:aws-cn:states:::sns:publish",
            "${ValidateOrderFn}",
            "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f")) {
      assertProblems(
          machine(
              "Work",
              "\"Work\": {\"Type\": \"Task\", \"Resource\": \""
                  + resource
                  + "\","
                  + " \"Parameters\": {\"Token.$\": \"$$.Task.Token\"}, \"End\": true}"));
    }
  }

  @Test
  void lambdaFunctionsOfTheChinaAndGovCloudPartitionsAreAcceptedLikeThoseOfAws() {
    for (String resource :
        List.of(
            "arn:aws:lambda:us-east-1:123456789012:function:validate",
            "arn:aws-cn:lambda:cn-north-1:123456789012:function:validate",
            "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:validate:live")) {
      assertProblems(
          machine(
              "Work",
              "\"Work\": {\"Type\": \"Task\", \"Resource\": \"" + resource + "\", \"End\": true}"));
    }
    assertProblems(
        machine(
            "Work",
            "\"Work\": {\"Type\": \"Task\", \"Resource\":"
                + " \"arn:aws-us-gov:lambda:us-gov-west-1::function:validate\", \"End\": true}"),
        "/States/Work/Resource: error [UnknownResource] The resource provided"
            + " arn:aws-us-gov:lambda:us-gov-west-1::function:validate is not recognized. The value"
            + " is not a valid resource ARN, or the resource is not available in this region.");
  }

  @Test
  void unsupportedIntegrationPatternIsRejected() {
    assertProblems(
        machine(
            "Work",
            "\"Work\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::dynamodb:getItem.sync\","
                + " \"End\": true}"),
        "/States/Work/Resource: error [UnknownResource] The resource provided"
            + " arn:aws:states:::dynamodb:getItem.sync is not recognized. The value is not a valid"
            + " resource ARN, or the resource is not available in this region.");
  }

  @Test
  void expressMachinesRejectActivitiesSyncAndCallbacks() {
    String json =
        machine(
            "Activity",
            """
            "Activity": {"Type": "Task", "Next": "Sync",
                         "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve"},
            "Sync": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync",
                     "Next": "Callback"},
            "Callback": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish.waitForTaskToken",
                         "Parameters": {"Message.$": "$$.Task.Token"}, "End": true}
            """);

    assertProblems(
        json,
        StateMachineType.EXPRESS,
        "/States/Activity/Resource: error [ExpressUnsupported] Express state machine does not"
            + " support Activity ARN",
        "/States/Sync/Resource: error [ExpressUnsupported] Express state machine does not support"
            + " '.sync' service integration",
        "/States/Callback/Resource: error [ExpressUnsupported] Express state machine does not"
            + " support '.waitForTaskToken' service integration");
    assertProblems(json, StateMachineType.STANDARD);
  }

  @Test
  void expressChildWorkflowsOfADistributedMapRejectSync() {
    String json =
        machine(
            "Each",
            """
            "Each": {"Type": "Map", "End": true, "ItemProcessor": {
              "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
              "StartAt": "Run", "States": {"Run": {"Type": "Task", "End": true,
                "Resource": "arn:aws:states:::states:startExecution.sync"}}}}
            """);

    assertProblems(
        json,
        "/States/Each/ItemProcessor/States/Run/Resource: error [ExpressUnsupported] Express state"
            + " machine does not support '.sync' service integration");
  }

  @Test
  void taskTimeoutsArePositiveIntegersBelowTheLimit() {
    assertProblems(
        task("\"TimeoutSeconds\": 0, \"HeartbeatSeconds\": 1.5"),
        "/States/Work/TimeoutSeconds: error [NumberRange] 'TimeoutSeconds' must be an integer at"
            + " least 1 and below 99999999, but is 0",
        "/States/Work/HeartbeatSeconds: error [NumberRange] 'HeartbeatSeconds' must be an integer"
            + " at least 1 and below 99999999, but is 1.5");
  }

  @Test
  void taskTimeoutsAboveTheServiceLimitAreRefused() {
    assertProblems(
        task("\"TimeoutSeconds\": 99999999, \"HeartbeatSeconds\": 99999998"),
        "/States/Work/TimeoutSeconds: error [NumberRange] 'TimeoutSeconds' must be an integer at"
            + " least 1 and below 99999999, but is 99999999");
  }

  @Test
  void aNumberAndItsPathAreMutuallyExclusive() {
    assertProblems(
        task("\"TimeoutSeconds\": 10, \"TimeoutSecondsPath\": \"$.timeout\""),
        "/States/Work/TimeoutSecondsPath: error [OneOf] 'TimeoutSeconds' and 'TimeoutSecondsPath'"
            + " cannot both be set");
  }

  @Test
  void heartbeatMustBeBelowTimeout() {
    assertProblems(
        task("\"TimeoutSeconds\": 30, \"HeartbeatSeconds\": 30"),
        "/States/Work/HeartbeatSeconds: error [HeartbeatNotBelowTimeout] 'HeartbeatSeconds' (30)"
            + " must be below 'TimeoutSeconds' (30)");
  }

  @Test
  void jsonataInANumberFieldNeedsAJsonataState() {
    assertProblems(
        task("\"TimeoutSeconds\": \"{% $states.input.timeout %}\""),
        "/States/Work/TimeoutSeconds: error [WrongType] expected a number, but found string"
            + " \"{% $states.input.timeout %}\"; JSONata expressions need \"QueryLanguage\":"
            + " \"JSONata\"");
  }

  @Test
  void credentialsNeedARoleArn() {
    assertProblems(
        task("\"Credentials\": {\"Role\": \"arn:aws:iam::123456789012:role/r\"}"),
        "/States/Work/Credentials: error [MissingField] The field 'RoleArn' is required but was"
            + " missing");
    assertProblems(task("\"Credentials\": {\"RoleArn.$\": \"$.role\"}"));
  }

  // ---- Wait, Fail, Parallel ---------------------------------------------------------------------

  @Test
  void waitNeedsExactlyOneTime() {
    String json =
        machine(
            "None",
            """
            "None": {"Type": "Wait", "Next": "Two"},
            "Two": {"Type": "Wait", "Seconds": 1, "Timestamp": "2016-03-14T01:59:00Z", "End": true}
            """);

    assertProblems(
        json,
        "/States/None: error [WaitTime] a Wait state needs exactly one of 'Seconds', 'SecondsPath',"
            + " 'Timestamp' and 'TimestampPath'",
        "/States/Two: error [WaitTime] a Wait state needs exactly one of 'Seconds', 'SecondsPath',"
            + " 'Timestamp' and 'TimestampPath', but has 'Seconds' and 'Timestamp'");
  }

  @Test
  void waitSecondsIsANonNegativeInteger() {
    assertProblems(
        machine("W", "\"W\": {\"Type\": \"Wait\", \"Seconds\": -1, \"End\": true}"),
        "/States/W/Seconds: error [NumberRange] 'Seconds' must be an integer at least 0, but is -1");
  }

  @Test
  void waitTimestampIsRfc3339() {
    for (String timestamp :
        List.of(
            "2016-13-05T21:29:29Z",
            "05-12-2016T21:29:29Z",
            "2016-12-05T25:29:29Z",
            "2016-12-05 21:29:29Z",
            "2016-12-05T21:29:29",
            "{% '2016-03-14T01:59:00Z' %}")) {
      assertProblems(
          machine(
              "WaitUntil",
              "\"WaitUntil\": {\"Type\": \"Wait\", \"Timestamp\": \""
                  + timestamp
                  + "\","
                  + " \"End\": true}"),
          "/States/WaitUntil/Timestamp: error [InvalidTimestamp] String does not match RFC3339"
              + " timestamp");
    }
    assertProblems(
        machine(
            "WaitUntil",
            "\"WaitUntil\": {\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14T01:59:00.123+01:00\","
                + " \"End\": true}"));
  }

  @Test
  void failHasAtMostOneOfErrorAndErrorPathAndOfCauseAndCausePath() {
    assertProblems(
        machine(
            "F",
            """
            "F": {"Type": "Fail", "Error": "E", "ErrorPath": "$.e", "Cause": "C", "CausePath": "$.c"}
            """),
        "/States/F/ErrorPath: error [OneOf] 'Error' and 'ErrorPath' cannot both be set",
        "/States/F/CausePath: error [OneOf] 'Cause' and 'CausePath' cannot both be set");
  }

  @Test
  void parallelNeedsAtLeastOneBranch() {
    assertProblems(
        machine("P", "\"P\": {\"Type\": \"Parallel\", \"Branches\": [], \"End\": true}"),
        "/States/P/Branches: error [EmptyBranches] a Parallel state needs at least one branch");
  }

  // ---- Map --------------------------------------------------------------------------------------

  @Test
  void mapNeedsExactlyOneProcessor() {
    String json =
        machine(
            "Neither",
            """
            "Neither": {"Type": "Map", "Next": "Both"},
            "Both": {"Type": "Map", "End": true,
                     "Iterator": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}},
                     "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
            """);

    assertProblems(
        json,
        "/States/Neither: error [MissingField] The field 'ItemProcessor' is required but was"
            + " missing",
        "/States/Both/ItemProcessor: error [OneOf] 'Iterator' and 'ItemProcessor' cannot both be"
            + " set");
  }

  @Test
  void mapHasAtMostOneOfItemSelectorAndParameters() {
    assertProblems(
        map("\"ItemSelector\": {\"a.$\": \"$.a\"}, \"Parameters\": {\"b.$\": \"$.b\"}"),
        "/States/Each/Parameters: error [OneOf] 'ItemSelector' and 'Parameters' cannot both be set");
  }

  @Test
  void distributedMapNeedsAnExecutionType() {
    assertProblems(
        machine(
            "Each",
            """
            "Each": {"Type": "Map", "End": true, "ItemProcessor": {
              "ProcessorConfig": {"Mode": "DISTRIBUTED"},
              "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
            """),
        "/States/Each/ItemProcessor/ProcessorConfig: error [MissingField] The field 'ExecutionType'"
            + " is required but was missing");
  }

  @Test
  void mapLabelIsShortAndPlain() {
    assertProblems(
        map("\"Label\": \"\""), "/States/Each/Label: error [InvalidLabel] Label cannot be empty");
    assertProblems(
        map("\"Label\": \"" + "L".repeat(41) + "\""),
        "/States/Each/Label: error [InvalidLabel] Label cannot exceed 40 characters");
    assertProblems(
        map("\"Label\": \"my label\""),
        "/States/Each/Label: error [InvalidLabel] Label contains invalid character: ' '");
    assertProblems(
        map("\"Label\": \"tab\\u0001\""),
        "/States/Each/Label: error [InvalidLabel] Label contains invalid character: '\\x01'");
  }

  @Test
  void mapNumbersAreInRange() {
    assertProblems(
        map(
            "\"MaxConcurrency\": -1, \"ToleratedFailurePercentage\": 100.5,"
                + " \"ToleratedFailureCount\": 1.5"),
        "/States/Each/MaxConcurrency: error [NumberRange] 'MaxConcurrency' must be an integer at"
            + " least 0, but is -1",
        "/States/Each/ToleratedFailurePercentage: error [NumberRange] 'ToleratedFailurePercentage'"
            + " must be a number at least 0 and at most 100, but is 100.5",
        "/States/Each/ToleratedFailureCount: error [NumberRange] 'ToleratedFailureCount' must be an"
            + " integer at least 0, but is 1.5");
  }

  @Test
  void itemReaderAndResultWriterUseS3Resources() {
    assertProblems(
        map(
            """
            "ItemReader": {"Resource": "arn:aws:states:::s3:deleteObject",
                           "ReaderConfig": {"InputType": "XML", "CSVHeaderLocation": "GIVEN"}},
            "ResultWriter": {"Resource": "arn:aws:states:::s3:getObject",
                             "WriterConfig": {"OutputType": "CSV"}}"""),
        "/States/Each/ItemReader/Resource: error [UnknownResource] The resource provided"
            + " arn:aws:states:::s3:deleteObject is not recognized. The value is not a valid"
            + " resource ARN, or the resource is not available in this region.",
        "/States/Each/ItemReader/ReaderConfig: error [MissingField] The field 'CSVHeaders' is"
            + " required but was missing",
        "/States/Each/ItemReader/ReaderConfig/InputType: error [InvalidValue] expected one of [CSV,"
            + " JSON, JSONL, MANIFEST, PARQUET], but found \"XML\"",
        "/States/Each/ResultWriter/Resource: error [UnknownResource] The resource provided"
            + " arn:aws:states:::s3:getObject is not recognized. The value is not a valid resource"
            + " ARN, or the resource is not available in this region.",
        "/States/Each/ResultWriter/WriterConfig/OutputType: error [InvalidValue] expected one of"
            + " [JSON, JSONL], but found \"CSV\"");
  }

  // ---- query languages --------------------------------------------------------------------------

  @Test
  void jsonataStatesRejectJsonPathFields() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "InputPath": "$.in", "Parameters": {}, "ResultSelector": {}, "ResultPath": "$.r",
                   "OutputPath": "$.out", "TimeoutSecondsPath": "$.t", "Next": "Route"},
          "Route": {"Type": "Choice", "Default": "Done",
                    "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Done"}]},
          "Done": {"Type": "Pass", "Result": 1, "End": true}}}
        """;

    assertProblems(
        json,
        "/States/Work/InputPath: error [FieldNotAllowedInJsonata] 'InputPath' is a JSONPath field"
            + " and cannot be used in a JSONata state",
        "/States/Work/Parameters: error [FieldNotAllowedInJsonata] 'Parameters' is a JSONPath field"
            + " and cannot be used in a JSONata state",
        "/States/Work/ResultSelector: error [FieldNotAllowedInJsonata] 'ResultSelector' is a"
            + " JSONPath field and cannot be used in a JSONata state",
        "/States/Work/ResultPath: error [FieldNotAllowedInJsonata] 'ResultPath' is a JSONPath field"
            + " and cannot be used in a JSONata state",
        "/States/Work/OutputPath: error [FieldNotAllowedInJsonata] 'OutputPath' is a JSONPath field"
            + " and cannot be used in a JSONata state",
        "/States/Work/TimeoutSecondsPath: error [FieldNotAllowedInJsonata] 'TimeoutSecondsPath' is"
            + " a JSONPath field and cannot be used in a JSONata state",
        "/States/Route/Choices/0/Variable: error [FieldNotAllowedInJsonata] 'Variable' is a"
            + " JSONPath field and cannot be used in a JSONata state; use 'Condition'",
        "/States/Done/Result: error [FieldNotAllowedInJsonata] 'Result' is a JSONPath field and"
            + " cannot be used in a JSONata state");
  }

  @Test
  void jsonPathStatesRejectJsonataFields() {
    String json =
        machine(
            "Work",
            """
            "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "Arguments": {}, "Output": {}, "Next": "Route"},
            "Route": {"Type": "Choice", "Default": "Each",
                      "Choices": [{"Condition": "{% true %}", "Next": "Each"}]},
            "Each": {"Type": "Map", "Items": [1, 2], "End": true,
                     "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
            """);

    assertProblems(
        json,
        "/States/Work/Arguments: error [FieldNotAllowedInJsonPath] 'Arguments' is a JSONata field"
            + " and cannot be used in a JSONPath state; set \"QueryLanguage\": \"JSONata\"",
        "/States/Work/Output: error [FieldNotAllowedInJsonPath] 'Output' is a JSONata field and"
            + " cannot be used in a JSONPath state; set \"QueryLanguage\": \"JSONata\"",
        "/States/Route/Choices/0/Condition: error [FieldNotAllowedInJsonPath] 'Condition' is a"
            + " JSONata field and cannot be used in a JSONPath state; set \"QueryLanguage\":"
            + " \"JSONata\"",
        "/States/Each/Items: error [FieldNotAllowedInJsonPath] 'Items' is a JSONata field and"
            + " cannot be used in a JSONPath state; set \"QueryLanguage\": \"JSONata\"");
  }

  @Test
  void aStateMayUpgradeToJsonataButNotDowngradeToJsonPath() {
    String upgrade =
        machine(
            "A",
            "\"A\": {\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"Output\": \"{% 1 %}\","
                + " \"End\": true}");
    String downgrade =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}
        """;

    assertProblems(upgrade);
    assertProblems(
        downgrade,
        "/States/A/QueryLanguage: error [QueryLanguageDowngrade] a state cannot use JSONPath in a"
            + " state machine whose QueryLanguage is JSONata; only JSONPath machines may mix in"
            + " JSONata states");
  }

  // ---- payload templates, variables, JSONata $states
  // ---------------------------------------------

  @Test
  void dynamicTemplateValuesMustBeStrings() {
    assertProblems(
        pass("\"Parameters\": {\"nested\": {\"count.$\": 3}}"),
        "/States/P/Parameters/nested: error [InvalidTemplateValue] The value for the field"
            + " 'count.$' must be a valid JSONPath or a valid intrinsic function call: found number"
            + " 3");
  }

  @Test
  void aTemplateFieldIsEitherStaticOrDynamic() {
    assertProblems(
        pass("\"Parameters\": {\"a\": 1, \"a.$\": \"$.a\"}"),
        "/States/P/Parameters: error [DuplicateTemplateField] field 'a' is given twice, as 'a' and"
            + " as 'a.$'");
  }

  @Test
  void pathsMustParse() {
    assertProblems(
        pass("\"InputPath\": \"$.a b\", \"OutputPath\": \"result\""),
        "/States/P/InputPath: error [InvalidPath] The value for the field 'InputPath' must be a"
            + " valid JSONPath: invalid path (Use bracket notion ['my prop'] if your property"
            + " contains blank characters. position: 2) at position 2 in '$.a b'",
        "/States/P/OutputPath: error [InvalidPath] The value for the field 'OutputPath' must be a"
            + " valid JSONPath: a path must start with '$' at position 0 in 'result'");
  }

  @Test
  void referencePathFieldsSelectOneNode() {
    String json =
        machine(
            "Each",
            """
            "Each": {"Type": "Map", "ItemsPath": "$.orders[*]", "ResultPath": "$..r",
                     "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}},
                     "Next": "Route"},
            "Route": {"Type": "Choice", "Default": "Done", "Choices": [
              {"Variable": "$.a", "StringEqualsPath": "$.b[0:2]", "Next": "Done"}]},
            "Done": {"Type": "Fail", "CausePath": "$.causes[?(@.x)]"}
            """);

    assertProblems(
        json,
        "/States/Each/ItemsPath: error [InvalidPath] The value for the field 'ItemsPath' must be a"
            + " valid reference path: '$.orders[*]' can select several nodes; only .name, ['name']"
            + " and [n] steps are allowed",
        "/States/Each/ResultPath: error [InvalidPath] The value for the field 'ResultPath' must be"
            + " a valid reference path: '$..r' can select several nodes; only .name, ['name'] and"
            + " [n] steps are allowed",
        "/States/Route/Choices/0/StringEqualsPath: error [InvalidPath] The value for the field"
            + " 'StringEqualsPath' must be a valid reference path: '$.b[0:2]' can select several"
            + " nodes; only .name, ['name'] and [n] steps are allowed",
        "/States/Done/CausePath: error [InvalidPath] The value for the field 'CausePath' must be a"
            + " valid reference path or a valid intrinsic function call: '$.causes[?(@.x)]' can"
            + " select several nodes; only .name, ['name'] and [n] steps are allowed");
  }

  @Test
  void intrinsicCallsMustParseWithTheRightArity() {
    assertProblems(
        pass(
            """
            "Parameters": {
              "escaped.$": "States.Format('He said, \\\\\\"Hello\\\\\\"')",
              "unknown.$": "States.Nope(1)",
              "arity.$": "States.UUID(1)",
              "ok.$": "States.Format('{} items', States.ArrayLength($.items))"}"""),
        "/States/P/Parameters: error [InvalidTemplateValue] The value for the field 'escaped.$' must"
            + " be a valid JSONPath or a valid intrinsic function call: invalid escape '\\\"' (only"
            + " \\', \\{, \\} and \\\\ are allowed) at position 24 in 'States.Format('He said,"
            + " \\\"Hello\\\"')'",
        "/States/P/Parameters: error [InvalidTemplateValue] The value for the field 'unknown.$' must"
            + " be a valid JSONPath or a valid intrinsic function call: unknown intrinsic function"
            + " 'States.Nope' at position 0 in 'States.Nope(1)'",
        "/States/P/Parameters: error [InvalidTemplateValue] The value for the field 'arity.$' must"
            + " be a valid JSONPath or a valid intrinsic function call: States.UUID takes no"
            + " arguments but got 1 at position 0 in 'States.UUID(1)'");
  }

  @Test
  void resultPathWritesIntoTheStateInput() {
    assertProblems(
        pass("\"ResultPath\": \"$$.Execution\""),
        "/States/P/ResultPath: error [InvalidPath] The value for the field 'ResultPath' must be a"
            + " valid reference path: it places the result in the state input, so it must start"
            + " with '$', not '$$' or a variable");
  }

  @Test
  void variableNamesAreIdentifiers() {
    assertProblems(
        pass(
            "\"Assign\": {\"ok_1\": 1, \"not-ok\": 2, \"states\": 3, \"x.$\": \"$.x\", \""
                + "v".repeat(81)
                + "\": 4}"),
        "/States/P/Assign/not-ok: error [InvalidVariableName] variable name 'not-ok' must start"
            + " with a letter or '_' and contain only letters, digits and '_'",
        "/States/P/Assign/states: error [InvalidVariableName] 'states' is reserved and cannot be"
            + " assigned",
        "/States/P/Assign/"
            + "v".repeat(81)
            + ": error [InvalidVariableName] a variable name must have at most 80 characters, but"
            + " this one has 81");
  }

  @Test
  void jsonataExpressionsMustParse() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
          "P": {"Type": "Pass", "Output": {"total": "{% $sum($states.input.items %}",
                                           "literal": " {% not an expression %} "}, "End": true}}}
        """;

    assertProblems(
        json,
        "/States/P/Output/total: error [JsonataSyntax] not a valid JSONata expression: S0203:"
            + " Expected \")\" before end of expression (position 24)");
  }

  @Test
  void statesResultOnlyInOutputAndAssignOfTaskParallelAndMap() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Arguments": {"previous": "{% $states.result %}"},
                   "Output": "{% $states.result.Payload %}",
                   "Assign": {"payload": "{% $states.result.Payload %}"}, "Next": "Echo"},
          "Echo": {"Type": "Pass", "Output": "{% $states.result %}", "End": true}}}
        """;

    assertProblems(
        json,
        "/States/Work/Arguments/previous: error [StatesVariableNotAvailable] $states.result is only"
            + " available in 'Output' and 'Assign' of a Task, Parallel or Map state",
        "/States/Echo/Output: error [StatesVariableNotAvailable] $states.result is only available in"
            + " 'Output' and 'Assign' of a Task, Parallel or Map state");
  }

  @Test
  void statesErrorOutputOnlyInACatcher() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Output": "{% $states.errorOutput %}", "End": true,
                   "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed",
                              "Output": "{% $states.errorOutput.Cause & '$states.result' %}"}]},
          "Failed": {"Type": "Fail"}}}
        """;

    assertProblems(
        json,
        "/States/Work/Output: error [StatesVariableNotAvailable] $states.errorOutput is only"
            + " available in 'Output' and 'Assign' of a Catcher");
  }

  // ---- machine-level rules ----------------------------------------------------------------------

  @Test
  void machineTimeoutIsPositive() {
    assertProblems(
        "{\"StartAt\": \"A\", \"TimeoutSeconds\": 0, \"States\": {\"A\": {\"Type\": \"Succeed\"}}}",
        "/TimeoutSeconds: error [NumberRange] 'TimeoutSeconds' must be an integer at least 1 and"
            + " below 99999999, but is 0");
  }

  @Test
  void definitionIsAtMostOneMebibyte() {
    String comment = "c".repeat(Validator.MAX_DEFINITION_CHARS);
    String json =
        "{\"Comment\": \""
            + comment
            + "\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\":"
            + " \"Succeed\"}}}";

    assertProblems(
        json,
        "/: error [DefinitionTooLarge] the definition has 1048645 characters; AWS accepts at most"
            + " 1048576 (1 MiB)");
    StateMachine machine = AslReader.read(json);
    assertEquals(
        List.of(
            "/: error [DefinitionTooLarge] the definition has 1048638 characters; AWS accepts at"
                + " most 1048576 (1 MiB)"),
        lines(Validator.validate(machine)));
  }

  // ---- the API ----------------------------------------------------------------------------------

  @Test
  void everyProblemIsReportedInDocumentOrder() {
    String json =
        machine(
            "A",
            """
            "A": {"Type": "Pass", "Next": "Nope"},
            "B": {"Type": "Wait", "Seconds": -5, "Next": "A"},
            "C": {"Type": "Succeed"}
            """);

    assertProblems(
        json,
        "/States: error [NoTerminalState] no state reachable from StartAt 'A' is a Succeed or Fail"
            + " state or has \"End\": true",
        "/States/A/Next: error [UnknownState] 'Next' names 'Nope', which is not a state of this"
            + " scope",
        "/States/B: error [UnreachableState] State \"B\" is not reachable: no StartAt, Next,"
            + " Default or Catch 'Next' of this scope names it",
        "/States/B/Seconds: error [NumberRange] 'Seconds' must be an integer at least 0, but is -5",
        "/States/C: error [UnreachableState] State \"C\" is not reachable: no StartAt, Next,"
            + " Default or Catch 'Next' of this scope names it");
  }

  @Test
  void throwIfInvalidThrowsWithEveryProblem() {
    StateMachine machine =
        AslReader.read(machine("A", "\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}"));

    AslValidationException e =
        assertThrows(
            AslValidationException.class, () -> Validator.validate(machine).throwIfInvalid());

    assertEquals(2, e.problems().size());
    assertTrue(e.getMessage().startsWith("The state machine definition has 2 errors:"));
  }

  @Test
  void aLoneStateSkipsGraphRules() {
    StateMachine machine =
        AslReader.read(
            machine(
                "Work",
                "\"Work\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                    + " \"TimeoutSeconds\": 0, \"Next\": \"Elsewhere\"}"));

    ValidationResult result = Validator.validateState(machine.states().get("Work"));

    assertEquals(
        List.of(
            "/TimeoutSeconds: error [NumberRange] 'TimeoutSeconds' must be an integer at least 1"
                + " and below 99999999, but is 0"),
        lines(result));
  }

  @Test
  void validateStateJsonReadsOneState() {
    ValidationResult result =
        Validator.validateStateJson(
            "{\"Type\": \"Wait\", \"Seconds\": 5, \"SecondsPath\": \"$.s\", \"Next\": \"X\"}",
            ValidationOptions.defaults());

    assertEquals(
        List.of(
            "/: error [WaitTime] a Wait state needs exactly one of 'Seconds', 'SecondsPath',"
                + " 'Timestamp' and 'TimestampPath', but has 'Seconds' and 'SecondsPath'"),
        lines(result));
  }

  @Test
  void validateJsonReportsTheReadersProblems() {
    ValidationResult result =
        Validator.validateJson("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Sleep\"}}}");

    assertFalse(result.isValid());
    assertEquals(
        List.of(
            "/States/A/Type: error [UnknownStateType] expected one of Pass, Task, Choice, Wait,"
                + " Succeed, Fail, Parallel, Map, but found \"Sleep\""),
        lines(result));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String machine(String startAt, String states) {
    return "{\"StartAt\": \"" + startAt + "\", \"States\": {" + states + "}}";
  }

  private static String task(String fields) {
    return machine(
        "Work",
        "\"Work\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", "
            + fields
            + ", \"End\": true}");
  }

  private static String pass(String fields) {
    return machine("P", "\"P\": {\"Type\": \"Pass\", " + fields + ", \"End\": true}");
  }

  private static String map(String fields) {
    return machine(
        "Each",
        "\"Each\": {\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"StartAt\": \"P\","
            + " \"States\": {\"P\": {\"Type\": \"Succeed\"}}}, "
            + fields
            + "}");
  }

  private static void assertProblems(String json, String... expected) {
    assertProblems(json, StateMachineType.STANDARD, expected);
  }

  private static void assertProblems(String json, StateMachineType type, String... expected) {
    ValidationResult result = Validator.validateJson(json, ValidationOptions.forType(type));
    assertEquals(List.of(expected), lines(result));
  }

  private static List<String> lines(ValidationResult result) {
    return result.problems().stream().map(Problem::toString).collect(Collectors.toList());
  }
}
