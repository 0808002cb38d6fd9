/**
 * Typed JSONPath reference paths, as returned by the {@code <Record>Paths} classes the annotation
 * processor generates for {@link io.asl4j.dsl.annotation.WorkflowData} records.
 */
package io.asl4j.dsl.path;
