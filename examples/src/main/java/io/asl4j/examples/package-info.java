/** asl4j examples. */
package io.asl4j.examples;
