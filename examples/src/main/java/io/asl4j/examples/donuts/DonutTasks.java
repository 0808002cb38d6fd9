package io.asl4j.examples.donuts;

import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;

/** The shop's three stations, typed Java. */
public final class DonutTasks {
  private DonutTasks() {}

  public static Donut fry(Donut donut) {
    if (donut.count() > 12) {
      throw new StatesError(
          "FryerOverflow", "at most 12 " + donut.flavour() + " at a time, not " + donut.count());
    }
    return new Donut(donut.flavour(), donut.count(), true, null, null);
  }

  public static Donut ice(Donut donut) {
    String icing =
        switch (donut.flavour()) {
          case "glazed" -> "sugar glaze";
          case "chocolate" -> "chocolate";
          default -> "plain";
        };
    return new Donut(donut.flavour(), donut.count(), donut.fried(), icing, null);
  }

  public static Donut box(Donut donut) {
    return new Donut(
        donut.flavour(),
        donut.count(),
        donut.fried(),
        donut.icing(),
        donut.count() > 6 ? "dozen box" : "half-dozen box");
  }

  public static LocalStateMachine.Builder bind(LocalStateMachine.Builder builder) {
    return DonutShopDefinition.tasks()
        .fry(DonutTasks::fry)
        .ice(DonutTasks::ice)
        .box(DonutTasks::box)
        .bindTo(builder);
  }
}
