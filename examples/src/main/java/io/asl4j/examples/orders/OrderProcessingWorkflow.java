package io.asl4j.examples.orders;

import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.builder.Catch;
import io.asl4j.dsl.builder.Chain;
import io.asl4j.dsl.builder.Choice;
import io.asl4j.dsl.builder.Errors;
import io.asl4j.dsl.builder.Fail;
import io.asl4j.dsl.builder.Parallel;
import io.asl4j.dsl.builder.Pass;
import io.asl4j.dsl.builder.Retry;
import io.asl4j.dsl.builder.Succeed;
import io.asl4j.dsl.builder.Task;
import io.asl4j.dsl.builder.Wait;
import io.asl4j.dsl.builder.Workflow;
import io.asl4j.dsl.model.StateMachine;
import java.time.Duration;

/**
 * The order-processing demo in the builder style: the same ASL as {@link OrderProcessing}; its
 * Choice compares the typed paths of the generated {@code OrderPaths}.
 */
public final class OrderProcessingWorkflow {
  private OrderProcessingWorkflow() {}

  /** The definition, validated. */
  public static StateMachine stateMachine() {
    String lambda = OrderProcessing.LAMBDA;
    Fail.JsonPath orderFailed =
        Fail.jsonPath("OrderFailed").cause("Validation failed").error("InvalidOrder");
    Pass.JsonPath expressShip =
        Pass.jsonPath("ExpressShip").result(TextNode.valueOf("express")).resultPath("$.shipMethod");
    Pass.JsonPath standardShip =
        Pass.jsonPath("StandardShip")
            .result(TextNode.valueOf("standard"))
            .resultPath("$.shipMethod");
    return Workflow.jsonPath()
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
                        .when(OrderPaths.priority().eq("express"), expressShip)
                        .when(OrderPaths.total().gt(100), expressShip)
                        .otherwise(standardShip)
                        .afterwards())
                .next(
                    Parallel.jsonPath("NotifyAndUpdate")
                        .branch(Task.jsonPath("Notify").resource(lambda + "sfn-notify-customer"))
                        .branch(Task.jsonPath("UpdateDB").resource(lambda + "sfn-update-inventory"))
                        .resultPath("$.notifications"))
                .next(Wait.jsonPath("WaitForProcessing").seconds(2))
                .next(Succeed.jsonPath("OrderComplete")))
        .build();
  }
}
