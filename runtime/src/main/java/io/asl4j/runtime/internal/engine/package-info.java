/**
 * The interpreter: runs any valid ASL definition on one event loop per execution.
 *
 * <p>Where each concern lives:
 *
 * <ul>
 *   <li>{@code ExecutionRun}: one execution's lifecycle (start, end, stop, redrive), its history
 *       quota and its limits (time, payload, variables); {@code RecordedExecution}: what it shows
 *       of itself (history, status, result, redrives), shared with a distributed Map's child
 *       execution ({@code ChildRun}).
 *   <li>{@code Frame}: one run of a graph (the machine, a Parallel branch, a Map iteration), the
 *       causal chain of its events and its variables ({@code VariableScope}).
 *   <li>{@code Step}: one execution of one state. Each state type's behaviour is one executor
 *       working through the step as a narrow context ({@code StateContext}; {@code TaskStepContext}
 *       for Task): {@code PassExecutor}, {@code ChoiceExecutor}, {@code WaitExecutor}, {@code
 *       SucceedExecutor}, {@code FailExecutor}, {@code ParallelExecutor}, {@code TaskExecutor},
 *       {@code MapExecutor} (with {@code MapAttempt}, {@code MapLimits} and {@code
 *       MapResultWriter}).
 *   <li>{@code IoPipeline}: InputPath, Parameters or Arguments, ResultSelector, ResultPath,
 *       OutputPath, Output and Assign. {@code RetryCatch}: Retry with back-off and jitter, and
 *       Catch.
 *   <li>{@code StateObserver}: the points at which a run can be watched. TestState ({@code
 *       SingleStateRun}) watches the state under test there; every other run passes {@code NONE}.
 * </ul>
 */
package io.asl4j.runtime.internal.engine;
