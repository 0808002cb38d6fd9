/**
 * Parsed JSONPath-mode expressions: {@link io.asl4j.dsl.expression.AslPath Paths} and {@link
 * io.asl4j.dsl.expression.IntrinsicCall intrinsic function calls}.
 *
 * <p>Parsing only: evaluation lives in the runtime. Every parser fails fast with an {@link
 * io.asl4j.dsl.expression.ExpressionException} that names the problem and its position.
 */
package io.asl4j.dsl.expression;
