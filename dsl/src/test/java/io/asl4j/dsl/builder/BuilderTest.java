package io.asl4j.dsl.builder;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.Condition.Comparison;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.StateMachine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Smaller behaviours of the builder: paths, intrinsics, payloads, chains and defaults. */
class BuilderTest {

  @Test
  void stringPathEqualsRendersStringEquals() {
    Comparison c = (Comparison) JsonPaths.input().string("priority").eq("express").toModel();
    assertThat(c.variable()).isEqualTo("$.priority");
    assertThat(c.operator().aslName()).isEqualTo("StringEquals");
    assertThat(c.operand()).isEqualTo(TextNode.valueOf("express"));
  }

  @Test
  void numberPathGreaterThanRendersNumericGreaterThan() {
    Comparison c = (Comparison) JsonPaths.input().number("total").gt(100).toModel();
    assertThat(c.operator().aslName()).isEqualTo("NumericGreaterThan");
    assertThat(c.operand().asLong()).isEqualTo(100);
  }

  @Test
  void pathComparedWithPathUsesThePathOperator() {
    NumberPath total = JsonPaths.number("$.total");
    Comparison c = (Comparison) total.le(JsonPaths.number("$.limit")).toModel();
    assertThat(c.operator().aslName()).isEqualTo("NumericLessThanEqualsPath");
    assertThat(c.operand().asText()).isEqualTo("$.limit");
  }

  @Test
  void timestampPathComparesWithRfc3339Text() {
    Comparison c =
        (Comparison)
            JsonPaths.input().timestamp("due").lt(Instant.parse("2025-01-01T00:00:00Z")).toModel();
    assertThat(c.operator().aslName()).isEqualTo("TimestampLessThan");
    assertThat(c.operand().asText()).isEqualTo("2025-01-01T00:00:00Z");
  }

  @Test
  void fieldNamesThatAreNotIdentifiersUseBracketNotation() {
    assertThat(JsonPaths.input().object("order").string("line total").path())
        .isEqualTo("$.order['line total']");
  }

  @Test
  void intrinsicsRenderAslCalls() {
    ObjectPath input = JsonPaths.input();
    assertThat(States.format("Hello, {}! It's {}", input.string("name"), "O'Neil").asl())
        .isEqualTo("States.Format('Hello, {}! It\\'s {}', $.name, 'O\\'Neil')");
    assertThat(States.arrayLength(input.list("orders")).asl())
        .isEqualTo("States.ArrayLength($.orders)");
    assertThat(States.mathAdd(input.number("count"), 1).asl())
        .isEqualTo("States.MathAdd($.count, 1)");
    assertThat(States.uuid().asl()).isEqualTo("States.UUID()");
    assertThat(States.array("{a}", 1, true, null).asl())
        .isEqualTo("States.Array('\\{a\\}', 1, true, null)");
  }

  @Test
  void payloadWritesExpressionsUnderDollarKeys() {
    assertThat(
            Payload.object()
                .put("id", JsonPaths.input().string("id"))
                .put("uuid", States.uuid())
                .put("fixed", 1)
                .toString())
        .isEqualTo("{\"id.$\":\"$.id\",\"uuid.$\":\"States.UUID()\",\"fixed\":1}");
  }

  @Test
  void statesAllCannotBeMixedIntoARetryList() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Retry.on("X", Errors.ALL));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("States.ALL must appear alone in an error list: use Retry.all()");
  }

  @Test
  void statesAllCannotBeMixedIntoACatchList() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Catch.on(Errors.ALL));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("States.ALL must appear alone in an error list: use Catch.all()");
  }

  @Test
  void retryLeavesAwsDefaultsUnwritten() {
    String json =
        AslWriter.write(
            Workflow.jsonPath()
                .definition(Task.jsonPath("T").resource(Resource.lambdaInvoke()).retry(Retry.all()))
                .build());
    assertThat(json).contains("States.ALL");
    assertThat(json).doesNotContain("IntervalSeconds");
    assertThat(json).doesNotContain("MaxAttempts");
    assertThat(json).doesNotContain("BackoffRate");
  }

  @Test
  void aStateCannotGetTwoNextStates() {
    Pass.JsonPath a = Pass.jsonPath("A");
    a.next(Pass.jsonPath("B"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> a.next(Pass.jsonPath("C")));
    assertThat(e).hasMessageThat().isEqualTo("State 'A' already has a next state");
  }

  @Test
  void catcherNeedsATarget() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Task.jsonPath("T").resource(Resource.lambdaInvoke()).catching(Catch.all()));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("a catcher of state 'T' has no target: call to(state)");
  }

  @Test
  void loopsBackToAnEarlierStateAreExpressedByReusingIt() {
    // given
    Wait.JsonPath poll = Wait.jsonPath("Poll").seconds(5);
    Choice.JsonPath done =
        Choice.jsonPath("Done?")
            .when(JsonPaths.input().bool("done").isTrue(), Succeed.jsonPath("Finished"))
            .otherwise(poll);

    // when
    StateMachine machine = Workflow.jsonPath().definition(poll.next(done)).build();

    // then
    assertThat(machine.states().keySet()).containsExactly("Poll", "Done?", "Finished").inOrder();
  }

  @Test
  void afterwardsWithoutOtherwiseMakesTheNextStateTheDefault() {
    // given
    Pass.JsonPath special = Pass.jsonPath("Special");
    Choice.JsonPath choice =
        Choice.jsonPath("C").when(JsonPaths.input().bool("special").isTrue(), special);

    // when
    StateMachine machine =
        Workflow.jsonPath()
            .definition(Chain.start(choice.afterwards()).next(Succeed.jsonPath("Join")))
            .build();

    // then
    assertThat(((io.asl4j.dsl.model.ChoiceState) machine.states().get("C")).defaultState())
        .isEqualTo("Join");
    assertThat(((PassState) machine.states().get("Special")).next()).isEqualTo("Join");
  }

  @Test
  void jsonataStateInAJsonPathWorkflowDeclaresItsLanguage() {
    StateMachine machine =
        Workflow.jsonPath().definition(Pass.jsonata("P").output("{% 1 %}")).build();
    assertThat(machine.states().get("P").queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    assertThat(machine.queryLanguage()).isNull();
  }

  @Test
  void resourceHelpersBuildArns() {
    assertThat(Resource.lambdaFunction("eu-west-1", "123456789012", "f").arn())
        .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:f");
    assertThat(Resource.startExecution().sync2().arn())
        .isEqualTo("arn:aws:states:::states:startExecution.sync:2");
    assertThat(Resource.ecsRunTask().sync().arn()).isEqualTo("arn:aws:states:::ecs:runTask.sync");
    assertThat(Resource.sdk("s3", "getObject").arn())
        .isEqualTo("arn:aws:states:::aws-sdk:s3:getObject");
    assertThat(Resource.activity("us-east-1", "1", "a").arn())
        .isEqualTo("arn:aws:states:us-east-1:1:activity:a");
    assertThat(Resource.placeholder("Fn").arn()).isEqualTo("${Fn}");
  }
}
