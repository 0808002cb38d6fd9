package io.asl4j.dsl.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record that flows through a workflow: the processor generates {@code <Record>Paths}, its path
 * metamodel, so renaming a component breaks the build instead of the workflow. A component that is
 * itself a record is navigated: {@code ClaimPaths.approval().approved()}.
 *
 * <pre>{@code
 * @WorkflowData record Order(String orderId, double total) {}
 *
 * OrderPaths.TOTAL      // "$.total", a constant for annotations: @When(variable = OrderPaths.TOTAL, ...)
 * OrderPaths.total()    // the builder's NumberPath "$.total": Choice.jsonPath("Big").when(OrderPaths.total().gt(100), big)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface WorkflowData {}
