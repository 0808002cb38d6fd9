package io.asl4j.dsl.builder;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.testing.JsonEquality;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The state machines of the seed material, rebuilt with the builder, equal the hand-written ASL in
 * {@code src/test/resources/golden}. Where a seed leaves a state out or elides an ARN ({@code
 * arn:aws:lambda:...:UpdateInventory}), the golden file completes it so that it validates.
 */
class GoldenTest {
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:123:function:";

  @Test
  void orderWorkflowMatchesTheHandWrittenAsl() {
    // given
    ObjectPath input = JsonPaths.input();
    Task.JsonPath sendFailureNotification =
        Task.jsonPath("SendFailureNotification").resource(LAMBDA + "SendFailureNotification");
    Fail.JsonPath sendPaymentFailed =
        Fail.jsonPath("SendPaymentFailed")
            .error("PaymentFailed")
            .cause("The payment was not approved");
    Parallel.JsonPath fulfillOrder =
        Parallel.jsonPath("FulfillOrder")
            .branch(Task.jsonPath("UpdateInventory").resource(LAMBDA + "UpdateInventory"))
            .branch(Task.jsonPath("SendConfirmationEmail").resource(LAMBDA + "SendEmail"));

    // when
    StateMachine machine =
        Workflow.jsonPath()
            .comment("Order Processing Workflow")
            .definition(
                Chain.start(
                        Task.jsonPath("ValidateOrder")
                            .resource(Resource.lambdaFunction("us-east-1", "123", "ValidateOrder"))
                            .catching(Catch.on("ValidationError").to(sendFailureNotification)))
                    .next(
                        Task.jsonPath("ProcessPayment")
                            .resource(LAMBDA + "ProcessPayment")
                            .retry(
                                Retry.on(Errors.TASK_FAILED)
                                    .intervalSeconds(2)
                                    .maxAttempts(3)
                                    .backoffRate(2.0)))
                    .next(
                        Choice.jsonPath("IsPaymentApproved")
                            .when(input.string("paymentStatus").eq("APPROVED"), fulfillOrder)
                            .otherwise(sendPaymentFailed)))
            .build();

    // then
    assertMatchesGolden(machine, "order-workflow.asl.json");
  }

  @Test
  void orderProcessingDemoMatchesTheHandWrittenAsl() {
    // given
    StringPath priority = JsonPaths.input().string("priority");
    NumberPath total = JsonPaths.input().number("total");
    String lambda = "arn:aws:lambda:us-west-2:123456789012:function:";
    Fail.JsonPath orderFailed =
        Fail.jsonPath("OrderFailed").cause("Validation failed").error("InvalidOrder");
    Pass.JsonPath expressShip =
        Pass.jsonPath("ExpressShip").result(TextNode.valueOf("express")).resultPath("$.shipMethod");
    Pass.JsonPath standardShip =
        Pass.jsonPath("StandardShip")
            .result(TextNode.valueOf("standard"))
            .resultPath("$.shipMethod");

    // when
    StateMachine machine =
        Workflow.jsonPath()
            .comment("Order Processing - Task, Choice, Parallel, Wait, Error Handling")
            .definition(
                Chain.start(
                        Task.jsonPath("ValidateOrder")
                            .resource(lambda + "sfn-validate-order")
                            .retry(
                                Retry.on(Errors.TASK_FAILED)
                                    .maxAttempts(2)
                                    .interval(Duration.ofSeconds(2))
                                    .backoffRate(2.0))
                            .catching(Catch.all().to(orderFailed)))
                    .next(
                        Choice.jsonPath("CheckPriority")
                            .when(priority.eq("express"), expressShip)
                            .when(total.gt(100), expressShip)
                            .otherwise(standardShip)
                            .afterwards())
                    .next(
                        Parallel.jsonPath("NotifyAndUpdate")
                            .branch(
                                Task.jsonPath("Notify").resource(lambda + "sfn-notify-customer"))
                            .branch(
                                Task.jsonPath("UpdateDB")
                                    .resource(lambda + "sfn-update-inventory")))
                    .next(Wait.jsonPath("WaitForProcessing").seconds(2))
                    .next(Succeed.jsonPath("OrderComplete")))
            .build();

    // then
    assertMatchesGolden(machine, "order-processing-demo.asl.json");
  }

  @Test
  void mapOverOrdersWithMaxConcurrencyMatchesTheHandWrittenAsl() {
    // when
    StateMachine machine =
        Workflow.jsonPath()
            .definition(
                MapState.jsonPath("ProcessAllOrders")
                    .itemsPath(JsonPaths.input().list("orders"))
                    .maxConcurrency(10)
                    .itemProcessor(
                        Task.jsonPath("ProcessSingleOrder").resource(LAMBDA + "ProcessOrder"))
                    .next(Task.jsonPath("SendSummary").resource(LAMBDA + "SendSummary")))
            .build();

    // then
    assertMatchesGolden(machine, "process-all-orders.asl.json");
  }

  @Test
  void humanApprovalCallbackTaskMatchesTheHandWrittenAsl() {
    // when
    StateMachine machine =
        Workflow.jsonPath()
            .definition(
                Task.jsonPath("WaitForHumanApproval")
                    .resource(Resource.lambdaInvoke().waitForTaskToken())
                    .parameters(
                        Payload.object()
                            .put("FunctionName", "SendApprovalEmail")
                            .put(
                                "Payload",
                                Payload.object()
                                    .put("taskToken", JsonPaths.TASK_TOKEN)
                                    .put("orderId", JsonPaths.input().string("orderId"))))
                    .timeout(Duration.ofDays(1))
                    .next(Task.jsonPath("ProcessApproval").resource(LAMBDA + "ProcessApproval")))
            .build();

    // then
    assertMatchesGolden(machine, "human-approval.asl.json");
  }

  @Test
  void jsonataWorkflowWithAssignAndOutputMatchesTheHandWrittenAsl() {
    // given
    Fail.Jsonata orderFailed =
        Fail.jsonata("OrderFailed").error("OrderRejected").cause("{% $states.input.Cause %}");
    Task.Jsonata validateOrder =
        Task.jsonata("ValidateOrder")
            .resource(Resource.lambdaInvoke())
            .arguments(
                Payload.object()
                    .put("FunctionName", Resource.placeholder("ValidateOrderFn").arn())
                    .put("Payload", "{% $states.input %}"))
            .output("{% $states.result.Payload %}")
            .assign(Payload.object().put("orderId", "{% $states.result.Payload.orderId %}"))
            .retry(
                Retry.on("Lambda.ServiceException", "Lambda.TooManyRequestsException")
                    .interval(Duration.ofSeconds(2))
                    .maxAttempts(3)
                    .backoffRate(2.0))
            .catching(Catch.all().output("{% $states.errorOutput %}").to(orderFailed));
    Parallel.Jsonata fanOut =
        Parallel.jsonata("FanOut")
            .branch(
                Task.jsonata("SendEmail")
                    .resource(Resource.snsPublish())
                    .arguments(
                        Payload.object()
                            .put("TopicArn", "${OrdersTopic}")
                            .put("Message", "{% 'Order ' & $orderId & ' accepted' %}")))
            .branch(
                Task.jsonata("PutOrder")
                    .resource(Resource.dynamoDbPutItem())
                    .arguments(
                        Payload.object()
                            .put("TableName", "Orders")
                            .put(
                                "Item",
                                Payload.object()
                                    .put("id", Payload.object().put("S", "{% $orderId %}")))))
            .output("{% $states.input %}");

    // when
    StateMachine machine =
        Workflow.jsonata()
            .comment("Validate, route, fan out, cool off, finish")
            .timeout(Duration.ofDays(2))
            .definition(
                Chain.start(validateOrder)
                    .next(
                        Choice.jsonata("RouteByPriority")
                            .when(
                                "{% $states.input.priority = 'HIGH' %}",
                                Pass.jsonata("Expedite")
                                    .output("{% $merge([$states.input, {'expedited': true}]) %}"))
                            .afterwards())
                    .next(fanOut)
                    .next(Wait.jsonata("CoolingOff").duration(Duration.ofHours(24)))
                    .next(
                        Succeed.jsonata("Done")
                            .output("{% {'orderId': $orderId, 'status': 'DONE'} %}")))
            .build();

    // then
    assertMatchesGolden(machine, "jsonata-order.asl.json");
  }

  static void assertMatchesGolden(StateMachine machine, String golden) {
    String written = AslWriter.write(machine);
    String difference =
        JsonEquality.firstDifference(AslReader.parse(read(golden)), AslReader.parse(written));
    assertWithMessage("builder output differs from %s at %s:\n%s", golden, difference, written)
        .that(difference)
        .isNull();
  }

  static String read(String golden) {
    try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + golden)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + golden);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
