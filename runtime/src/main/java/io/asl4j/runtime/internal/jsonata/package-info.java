/**
 * JSONata for JSONata states, behind an adapter: the library is used only here, and only JSON trees
 * and {@link io.asl4j.runtime.StatesError} cross the boundary.
 */
package io.asl4j.runtime.internal.jsonata;
