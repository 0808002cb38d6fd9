/**
 * Workflows as annotated classes: each state is a nested type, each transition a class literal.
 *
 * <pre>{@code
 * @Workflow(comment = "Order Processing Workflow")
 * public final class OrderWorkflow {
 *   @StartAt
 *   @Task(resource = "arn:aws:lambda:us-east-1:123456789012:function:ValidateOrder",
 *         next = ProcessPayment.class)
 *   @Catch(errors = "ValidationError", next = SendFailureNotification.class)
 *   interface ValidateOrder {
 *     Order validateOrder(Order order);            // optional: the typed contract for local runs
 *   }
 *
 *   @Choice(otherwise = PaymentFailed.class)
 *   @When(variable = OrderPaths.PAYMENT_STATUS, stringEquals = "APPROVED", next = Fulfil.class)
 *   interface IsPaymentApproved {}
 *   ...
 *   @Succeed interface Done {}
 * }
 * }</pre>
 *
 * <p>Why this shape: a misspelt target is an ordinary javac error ({@code cannot find symbol}), IDE
 * rename and "find usages" follow transitions, and {@code next} has no default, so a state that
 * forgets where to go does not compile; ending a path is written {@code next = End.class}. The
 * states of the workflow are the class's nested types that carry a state annotation, in source
 * order; a {@link io.asl4j.dsl.annotation.Branch} type holds the states of a Parallel branch or a
 * Map item processor. A state is named after its type unless {@code name} is given.
 *
 * <p>Attribute conventions: an attribute that is not written is absent from the ASL (the defaults
 * shown in each annotation only document what AWS assumes). JSON-valued attributes ({@code
 * parameters}, {@code result}, {@code output}, …) take JSON text; a text that is not JSON but a
 * {@code {% ... %}} JSONata expression is taken as that string. Path attributes take {@code "null"}
 * for an explicit JSON null.
 *
 * <p>The processor ({@code asl4j-annotation-processor}) builds the {@link io.asl4j.dsl.model} from
 * these annotations, runs the {@link io.asl4j.dsl.validate.Validator} and reports each problem as a
 * compiler error on the annotation value that caused it, tagged {@code [Asl4j<Tag>]}.
 */
package io.asl4j.dsl.annotation;
