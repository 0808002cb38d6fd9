/**
 * The asl4j annotation processor: {@code @Workflow} classes become ASL JSON and a generated {@code
 * <Workflow>Definition} at compile time, and broken transitions become compiler errors. Only {@link
 * io.asl4j.processor.WorkflowProcessor} is public.
 */
package io.asl4j.processor;
