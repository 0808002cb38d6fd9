package io.asl4j.processor.golden;

import io.asl4j.dsl.annotation.Branch;
import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.Map;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.Workflow;

/** Seed: a Map over $.orders, at most 10 at a time. */
@Workflow
public final class ProcessAllOrders {
  private ProcessAllOrders() {}

  @StartAt
  @Map(
      name = "ProcessAllOrders",
      itemsPath = "$.orders",
      maxConcurrency = 10,
      processor = PerOrder.class,
      next = SendSummary.class)
  interface ProcessAll {}

  @Branch
  interface PerOrder {
    @StartAt
    @Task(resource = "arn:aws:lambda:us-east-1:123:function:ProcessOrder", next = End.class)
    interface ProcessSingleOrder {}
  }

  @Task(resource = "arn:aws:lambda:us-east-1:123:function:SendSummary", next = End.class)
  interface SendSummary {}
}
