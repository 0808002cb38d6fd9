package io.asl4j.dsl.model;

/**
 * A graph held by a state, with the JSON pointer it is written at: a Parallel branch ({@code
 * .../Branches/0}) or a Map's {@code .../ItemProcessor} or legacy {@code .../Iterator}.
 */
public record NestedGraph(Graph graph, String pointer) {}
