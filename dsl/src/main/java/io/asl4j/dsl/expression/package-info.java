/** What can be known of a definition's expressions without running them: JSONata strings. */
package io.asl4j.dsl.expression;
