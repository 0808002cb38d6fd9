package io.asl4j.examples.donuts;

import io.asl4j.dsl.builder.Chain;
import io.asl4j.dsl.builder.JsonPaths;
import io.asl4j.dsl.builder.MapState;
import io.asl4j.dsl.builder.Succeed;
import io.asl4j.dsl.builder.Task;
import io.asl4j.dsl.builder.Workflow;
import io.asl4j.dsl.model.StateMachine;

/** {@link DonutShop} in the builder style. */
public final class DonutShopWorkflow {
  private DonutShopWorkflow() {}

  public static StateMachine stateMachine() {
    String lambda = DonutShop.LAMBDA;
    return Workflow.jsonPath()
        .comment("Donut shop: Fry, Ice and Box every ordered item, two at a time")
        .definition(
            Chain.start(
                    MapState.jsonPath("MakeDonuts")
                        .itemsPath(JsonPaths.input().list("ordered"))
                        .maxConcurrency(2)
                        .itemProcessor(
                            Chain.start(Task.jsonPath("Fry").resource(lambda + "Fry"))
                                .next(Task.jsonPath("Ice").resource(lambda + "Ice"))
                                .next(Task.jsonPath("Box").resource(lambda + "Box")))
                        .resultPath("$.boxes"))
                .next(Succeed.jsonPath("Ready")))
        .build();
  }
}
