/**
 * The local Step Functions runtime: run any valid ASL definition in-process, deterministically,
 * with time skipping.
 *
 * <pre>{@code
 * LocalStateMachine machine = LocalStateMachine.builder(definition)
 *     .handler("arn:aws:lambda:us-east-1:123456789012:function:validate", (input, ctx) -> input)
 *     .build();
 * Execution execution = machine.run(Json.parse("{\"orderId\":\"o-1\"}"));
 * execution.status();   // SUCCEEDED
 * }</pre>
 */
package io.asl4j.runtime;
