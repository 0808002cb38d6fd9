package io.asl4j.examples.orders;

import io.asl4j.dsl.annotation.Branch;
import io.asl4j.dsl.annotation.Catch;
import io.asl4j.dsl.annotation.Choice;
import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.Errors;
import io.asl4j.dsl.annotation.Fail;
import io.asl4j.dsl.annotation.Parallel;
import io.asl4j.dsl.annotation.Pass;
import io.asl4j.dsl.annotation.Retry;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Succeed;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.Wait;
import io.asl4j.dsl.annotation.When;
import io.asl4j.dsl.annotation.Workflow;

/**
 * The order-processing demo (the seed's state-machine.json) as annotated classes: ValidateOrder
 * with Retry and Catch, CheckPriority, ExpressShip/StandardShip, the NotifyAndUpdate Parallel,
 * WaitForProcessing, OrderComplete / OrderFailed. The processor writes the same ASL as {@code
 * workflows/order-processing.asl.json} and {@link OrderProcessingWorkflow} (the builder style), and
 * generates {@code OrderProcessingDefinition}.
 */
@Workflow(comment = "Order Processing - Task, Choice, Parallel, Wait, Error Handling")
public final class OrderProcessing {
  private OrderProcessing() {}

  /** The account and region of the example's Lambda functions. */
  public static final String LAMBDA = "arn:aws:lambda:us-west-2:123456789012:function:";

  @StartAt
  @Task(resource = LAMBDA + "sfn-validate-order", next = CheckPriority.class)
  @Retry(errors = Errors.TASK_FAILED, maxAttempts = 2, intervalSeconds = 2, backoffRate = 2.0)
  @Catch(errors = Errors.ALL, next = OrderFailed.class)
  public interface ValidateOrder {
    Order validateOrder(Order order);
  }

  @Choice(otherwise = StandardShip.class)
  @When(variable = "$.priority", stringEquals = "express", next = ExpressShip.class)
  @When(variable = "$.total", numericGreaterThan = 100, next = ExpressShip.class)
  interface CheckPriority {}

  @Pass(result = "\"express\"", resultPath = "$.shipMethod", next = NotifyAndUpdate.class)
  interface ExpressShip {}

  @Pass(result = "\"standard\"", resultPath = "$.shipMethod", next = NotifyAndUpdate.class)
  interface StandardShip {}

  @Parallel(
      branches = {NotifyBranch.class, UpdateBranch.class},
      resultPath = "$.notifications",
      next = WaitForProcessing.class)
  interface NotifyAndUpdate {}

  @Branch
  public interface NotifyBranch {
    @StartAt
    @Task(resource = LAMBDA + "sfn-notify-customer", next = End.class)
    interface Notify {
      Notification notify(Order order);
    }
  }

  @Branch
  public interface UpdateBranch {
    @StartAt
    @Task(resource = LAMBDA + "sfn-update-inventory", next = End.class)
    interface UpdateDB {
      InventoryUpdate updateDB(Order order);
    }
  }

  @Wait(seconds = 2, next = OrderComplete.class)
  interface WaitForProcessing {}

  @Succeed
  interface OrderComplete {}

  @Fail(cause = "Validation failed", error = "InvalidOrder")
  interface OrderFailed {}
}
