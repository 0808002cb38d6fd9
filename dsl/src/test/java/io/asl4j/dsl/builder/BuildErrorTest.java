package io.asl4j.dsl.builder;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.AslValidationException;
import org.junit.jupiter.api.Test;

/**
 * {@code build()} runs the shared validator and throws one exception listing every problem with its
 * location: one test per validator rule the builder's types cannot rule out.
 */
class BuildErrorTest {
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";

  private static String message(Workflow workflow) {
    return assertThrows(AslValidationException.class, workflow::build).getMessage();
  }

  @Test
  void workflowNeedsADefinition() {
    assertThat(message(Workflow.jsonPath()))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /: error [MissingField] The field 'StartAt' is required but was missing");
  }

  @Test
  void stateNamesAreUniqueAcrossBranches() {
    // given
    Parallel.JsonPath fanOut =
        Parallel.jsonPath("FanOut").branch(Pass.jsonPath("Notify")).branch(Pass.jsonPath("Other"));

    // when
    String message = message(Workflow.jsonPath().definition(fanOut.next(Pass.jsonPath("Notify"))));

    // then
    assertThat(message)
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/Notify: error [DuplicateStateName]"
                + " name 'Notify' is also used at /States/FanOut/Branches/0/States/Notify");
  }

  @Test
  void twoStateObjectsCannotShareANameAndTheLoopThatLeavesIsNoSecondError() {
    // when
    String message =
        message(
            Workflow.jsonPath()
                .definition(Chain.start(Pass.jsonPath("A")).next(Pass.jsonPath("A"))));

    // then
    assertThat(message)
        .isEqualTo(
            // The model keeps the first 'A', whose Next is now itself; that the graph then has
            // no end follows from the duplicate and is not reported as a second error.
            "The state machine definition has 1 error:\n"
                + "  /States/A: error [DuplicateStateName]"
                + " name 'A' is given to two different state objects");
  }

  @Test
  void stateNamesHaveAtMost80Characters() {
    String name = "N".repeat(81);
    assertThat(message(Workflow.jsonPath().definition(Pass.jsonPath(name))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/"
                + name
                + ": error [StateNameTooLong] a state name must have 1 to 80 characters,"
                + " but this one has 81");
  }

  @Test
  void choiceNeedsAtLeastOneRule() {
    assertThat(
            message(
                Workflow.jsonPath()
                    .definition(Choice.jsonPath("C").otherwise(Succeed.jsonPath("S")))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/C/Choices: error [EmptyChoices] a Choice state needs at least one rule in 'Choices'");
  }

  @Test
  void retryOnAllMustBeLast() {
    assertThat(
            message(
                Workflow.jsonPath()
                    .definition(
                        Task.jsonPath("T")
                            .resource(LAMBDA)
                            .retry(Retry.all(), Retry.on(Errors.TIMEOUT)))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/T/Retry/0/ErrorEquals: error [AllNotLast] a retrier with 'States.ALL' must be the last retrier");
  }

  @Test
  void catchOnAllMustBeLast() {
    Succeed.JsonPath done = Succeed.jsonPath("Done");
    assertThat(
            message(
                Workflow.jsonPath()
                    .definition(
                        Task.jsonPath("T")
                            .resource(LAMBDA)
                            .catching(Catch.all().to(done), Catch.on("X").to(done)))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/T/Catch/0/ErrorEquals: error [AllNotLast] a catcher with 'States.ALL' must be the last catcher");
  }

  @Test
  void heartbeatMustBeBelowTimeout() {
    assertThat(
            message(
                Workflow.jsonPath()
                    .definition(
                        Task.jsonPath("T")
                            .resource(LAMBDA)
                            .timeoutSeconds(10)
                            .heartbeatSeconds(10))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/T/HeartbeatSeconds: error [HeartbeatNotBelowTimeout] 'HeartbeatSeconds' (10) must be below 'TimeoutSeconds' (10)");
  }

  @Test
  void parallelNeedsABranch() {
    assertThat(message(Workflow.jsonPath().definition(Parallel.jsonPath("P"))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/P/Branches: error [EmptyBranches] a Parallel state needs at least one branch");
  }

  @Test
  void mapNeedsAnItemProcessor() {
    assertThat(message(Workflow.jsonPath().definition(MapState.jsonPath("M"))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/M: error [MissingField] The field 'ItemProcessor' is required but was missing");
  }

  @Test
  void jsonPathStateCannotBeUsedInAJsonataWorkflow() {
    assertThat(message(Workflow.jsonata().definition(Pass.jsonPath("P"))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/P/QueryLanguage: error [QueryLanguageDowngrade] a state cannot use JSONPath in a state machine whose QueryLanguage is JSONata; only JSONPath machines may mix in JSONata states");
  }

  @Test
  void pathsMustParse() {
    assertThat(message(Workflow.jsonPath().definition(Pass.jsonPath("P").resultPath("result"))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/P/ResultPath: error [InvalidPath] The value for the field 'ResultPath' must be a valid reference path: a path must start with '$' at position 0 in 'result'");
  }

  @Test
  void jsonataExpressionsMustParse() {
    assertThat(message(Workflow.jsonata().definition(Pass.jsonata("P").output("{%  %}"))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/P/Output: error [JsonataSyntax] not a valid JSONata expression:"
                + " S0207: Unexpected end of expression (position 0)");
  }

  @Test
  void intrinsicCallsMustHaveTheRightArity() {
    assertThat(
            message(Workflow.jsonPath().definition(Fail.jsonPath("F").causePath("States.UUID(1)"))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/F/CausePath: error [InvalidPath] The value for the field 'CausePath' must be a valid reference path or a valid intrinsic function call: States.UUID takes no arguments but got 1 at position 0 in 'States.UUID(1)'");
  }

  @Test
  void resourceMustBeKnown() {
    assertThat(
            message(
                Workflow.jsonPath()
                    .definition(
                        Task.jsonPath("T").resource(Resource.integration("dynamodb", "query")))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/T/Resource: error [UnknownResource] The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.");
  }

  @Test
  void expressWorkflowCannotWaitForATaskToken() {
    assertThat(
            message(
                Workflow.jsonPath()
                    .type(StateMachineType.EXPRESS)
                    .definition(
                        Task.jsonPath("T").resource(Resource.lambdaInvoke().waitForTaskToken()))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/T: warning [TaskTokenNotPassed] a .waitForTaskToken task waits until"
                + " someone calls SendTaskSuccess or SendTaskFailure with its token, but its"
                + " Parameters never pass $$.Task.Token; the execution would wait until it times out\n"
                + "  /States/T/Resource: error [ExpressUnsupported] Express state machine does not support '.waitForTaskToken' service integration");
  }

  @Test
  void aLoopWithoutExitHasNoTerminalState() {
    Pass.JsonPath a = Pass.jsonPath("A");
    Pass.JsonPath b = Pass.jsonPath("B");
    a.next(b).next(a);
    assertThat(message(Workflow.jsonPath().definition(a)))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States: error [NoTerminalState] no state reachable from StartAt 'A' is a Succeed or Fail state or has \"End\": true");
  }

  @Test
  void variableNamesMustBeValid() {
    assertThat(
            message(
                Workflow.jsonPath()
                    .definition(Pass.jsonPath("P").assign(Payload.object().put("1x", 1)))))
        .isEqualTo(
            "The state machine definition has 1 error:\n"
                + "  /States/P/Assign/1x: error [InvalidVariableName] variable name '1x' must start with a letter or '_' and contain only letters, digits and '_'");
  }

  @Test
  void buildListsEveryProblem() {
    assertThat(
            message(
                Workflow.jsonPath()
                    .definition(
                        Chain.start(Pass.jsonPath("P").resultPath("bad"))
                            .next(Parallel.jsonPath("Empty"))
                            .next(Choice.jsonPath("NoRules")))))
        .isEqualTo(
            "The state machine definition has 4 errors:\n"
                + "  /States: error [NoTerminalState] no state reachable from StartAt 'P' is a"
                + " Succeed or Fail state or has \"End\": true\n"
                + "  /States/P/ResultPath: error [InvalidPath] The value for the field 'ResultPath'"
                + " must be a valid reference path: a path must start with '$' at position 0 in"
                + " 'bad'\n"
                + "  /States/Empty/Branches: error [EmptyBranches] a Parallel state needs at least"
                + " one branch\n"
                + "  /States/NoRules/Choices: error [EmptyChoices] a Choice state needs at least"
                + " one rule in 'Choices'");
  }
}
