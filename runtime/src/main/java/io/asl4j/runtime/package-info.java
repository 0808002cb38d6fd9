/** asl4j runtime. */
package io.asl4j.runtime;
