/** The asl4j model of Amazon States Language and the tools around it. */
package io.asl4j.dsl;
