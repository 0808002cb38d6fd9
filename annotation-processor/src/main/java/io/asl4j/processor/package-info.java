/** asl4j processor. */
package io.asl4j.processor;
