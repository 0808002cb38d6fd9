/**
 * The immutable model of an Amazon States Language definition, shared by every part of asl4j.
 *
 * <p>Conventions: a Java {@code null} component means the field is absent from the ASL; JSON
 * payloads ({@code Parameters}, {@code Arguments}, {@code Output}, {@code Assign}, ...) are Jackson
 * {@link com.fasterxml.jackson.databind.JsonNode}s in which an explicit JSON {@code null} is a
 * {@code NullNode}; the paths that ASL lets you set to {@code null} use {@link
 * io.asl4j.dsl.model.NullablePath}. Fields that JSONata lets you compute ({@code TimeoutSeconds},
 * {@code Seconds}, {@code MaxConcurrency}, ...) are {@code JsonNode}s holding a number or a {@code
 * "{% ... %}"} string. Lists and maps are unmodifiable copies in ASL order. JSON payloads are
 * shared, not copied: treat them as read-only.
 */
package io.asl4j.dsl.model;
