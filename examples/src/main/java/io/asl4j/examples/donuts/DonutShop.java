package io.asl4j.examples.donuts;

import io.asl4j.dsl.annotation.Branch;
import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.Map;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Succeed;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.Workflow;

/**
 * The donut shop: a Map over the {@code ordered} array, Fry then Ice then Box per item, two fryers
 * at a time.
 */
@Workflow(comment = "Donut shop: Fry, Ice and Box every ordered item, two at a time")
public final class DonutShop {
  private DonutShop() {}

  public static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

  @StartAt
  @Map(
      itemsPath = "$.ordered",
      maxConcurrency = 2,
      processor = MakeDonut.class,
      resultPath = "$.boxes",
      next = Ready.class)
  interface MakeDonuts {}

  @Branch
  public interface MakeDonut {
    @StartAt
    @Task(resource = LAMBDA + "Fry", next = Ice.class)
    interface Fry {
      Donut fry(Donut donut);
    }

    @Task(resource = LAMBDA + "Ice", next = Box.class)
    interface Ice {
      Donut ice(Donut donut);
    }

    @Task(resource = LAMBDA + "Box", next = End.class)
    interface Box {
      Donut box(Donut donut);
    }
  }

  @Succeed
  interface Ready {}
}
