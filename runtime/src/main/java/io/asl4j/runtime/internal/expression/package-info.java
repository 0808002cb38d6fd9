/**
 * Evaluation of JSONPath-mode expressions on Jackson {@code JsonNode} values: Paths, ResultPath
 * merging, payload templates and intrinsic functions.
 *
 * <p>Values are treated as immutable: nothing here modifies a node it was given, and results may
 * share unchanged subtrees with the inputs and with compiled templates. Failures are {@link
 * io.asl4j.runtime.StatesError}s whose cause is AWS's text without the "An error occurred while
 * executing the state ..." prefix, which the interpreter adds.
 */
package io.asl4j.runtime.internal.expression;
