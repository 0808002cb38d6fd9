package io.asl4j.examples.donuts;

/** One line of a donut order, as it moves through Fry, Ice and Box. */
public record Donut(String flavour, int count, boolean fried, String icing, String box) {
  public static Donut ordered(String flavour, int count) {
    return new Donut(flavour, count, false, null, null);
  }
}
