/**
 * What can be known of a definition's expressions without running them: {@link
 * io.asl4j.dsl.expression.AslPath Paths}, {@link io.asl4j.dsl.expression.IntrinsicCall intrinsic
 * function calls} and JSONata strings ({@link io.asl4j.dsl.expression.JsonataExpressions}).
 *
 * <p>Parsing only: evaluation lives in the runtime. Every parser fails fast with an {@link
 * io.asl4j.dsl.expression.ExpressionException} that names the problem and its position.
 */
package io.asl4j.dsl.expression;
