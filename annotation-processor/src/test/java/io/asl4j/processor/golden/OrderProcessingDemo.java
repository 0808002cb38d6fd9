package io.asl4j.processor.golden;

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

/** Seed: the order-processing demo's state-machine.json. */
@Workflow(comment = "Order Processing - Task, Choice, Parallel, Wait, Error Handling")
public final class OrderProcessingDemo {
  private OrderProcessingDemo() {}

  @StartAt
  @Task(
      resource = "arn:aws:lambda:us-west-2:123456789012:function:sfn-validate-order",
      next = CheckPriority.class)
  @Retry(errors = Errors.TASK_FAILED, maxAttempts = 2, intervalSeconds = 2, backoffRate = 2.0)
  @Catch(errors = Errors.ALL, next = OrderFailed.class)
  interface ValidateOrder {}

  @Choice(otherwise = StandardShip.class)
  @When(variable = "$.priority", stringEquals = "express", next = ExpressShip.class)
  @When(variable = "$.total", numericGreaterThan = 100, next = ExpressShip.class)
  interface CheckPriority {}

  @Pass(result = "\"express\"", resultPath = "$.shipMethod", next = NotifyAndUpdate.class)
  interface ExpressShip {}

  @Parallel(
      branches = {NotifyBranch.class, UpdateBranch.class},
      next = WaitForProcessing.class)
  interface NotifyAndUpdate {}

  @Branch
  interface NotifyBranch {
    @StartAt
    @Task(
        resource = "arn:aws:lambda:us-west-2:123456789012:function:sfn-notify-customer",
        next = End.class)
    interface Notify {}
  }

  @Branch
  interface UpdateBranch {
    @StartAt
    @Task(
        resource = "arn:aws:lambda:us-west-2:123456789012:function:sfn-update-inventory",
        next = End.class)
    interface UpdateDB {}
  }

  @Wait(seconds = 2, next = OrderComplete.class)
  interface WaitForProcessing {}

  @Succeed
  interface OrderComplete {}

  @Pass(result = "\"standard\"", resultPath = "$.shipMethod", next = NotifyAndUpdate.class)
  interface StandardShip {}

  @Fail(cause = "Validation failed", error = "InvalidOrder")
  interface OrderFailed {}
}
