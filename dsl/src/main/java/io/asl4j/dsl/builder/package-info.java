/**
 * A typed fluent builder for Amazon States Language workflows, producing the shared {@link
 * io.asl4j.dsl.model} records.
 *
 * <p>States are created per query language ({@code Task.jsonPath(name)}, {@code
 * Task.jsonata(name)}) and joined with {@link io.asl4j.dsl.builder.Chain}; {@link
 * io.asl4j.dsl.builder.Workflow#build()} assembles and validates the state machine.
 *
 * <pre>{@code
 * Fail.JsonPath failed = Fail.jsonPath("OrderFailed").error("InvalidOrder");
 * StateMachine machine = Workflow.jsonPath()
 *     .definition(Chain.start(Task.jsonPath("Validate").resource(Resource.lambdaInvoke())
 *             .catching(Catch.all().to(failed)))
 *         .next(Succeed.jsonPath("Done")))
 *     .build();
 * }</pre>
 *
 * <p>What the types enforce: nothing follows Succeed, Fail or Choice ({@link
 * io.asl4j.dsl.builder.ClosedChain} has no {@code next()}); only Task, Parallel and Map offer
 * {@code retry}/{@code catching}; a Wait gets exactly one time; each query language's types offer
 * only its fields; {@code States.ALL} is only {@code Retry.all()}/{@code Catch.all()}; typed paths
 * compare only with values of their type. What {@code build()} checks, through the shared
 * validator: names (unique, at most 80 characters), reachability and terminal states, Choice rules,
 * the order of {@code States.ALL} retriers and catchers, timeouts, paths, JSONata and intrinsic
 * syntax, and the mixing of query languages.
 *
 * <p>Each field's setters are written once: the I/O fields in the sealed mixins {@link
 * io.asl4j.dsl.builder.JsonPathFields} and {@link io.asl4j.dsl.builder.JsonataFields}, which a
 * state type implements for exactly the fields ASL gives it; {@code Assign} in {@link
 * io.asl4j.dsl.builder.Assigning}; a catcher's and a rule's {@code Comment} and {@code Assign} in
 * {@link io.asl4j.dsl.builder.CommentAndAssign}. The typed paths are also what the annotation
 * processor's generated {@code <Record>Paths} return.
 */
package io.asl4j.dsl.builder;
