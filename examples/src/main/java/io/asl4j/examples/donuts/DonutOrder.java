package io.asl4j.examples.donuts;

import java.util.List;

/** The shop's input: who ordered, and the {@code ordered} array the Map walks. */
public record DonutOrder(String customer, List<Donut> ordered) {}
