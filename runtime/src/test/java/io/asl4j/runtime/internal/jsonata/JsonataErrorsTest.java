package io.asl4j.runtime.internal.jsonata;

import static io.asl4j.runtime.internal.jsonata.JsonataEngineTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.runtime.StatesError;
import org.junit.jupiter.api.Test;

class JsonataErrorsTest {

  @Test
  void unexpectedTypeShowsTheValueAsCompactJson() {
    StatesError error =
        JsonataErrors.unexpectedType(
            "{'foo': 'bar'}", "Items", "array", json("{ \"foo\" : \"bar\" }"));
    assertEquals("States.QueryEvaluationError", error.error());
    assertEquals(
        "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an"
            + " unexpected result type. Expected 'array', but was 'object' for value:"
            + " {\"foo\":\"bar\"}",
        error.cause());
  }

  @Test
  void unexpectedTypeNamesEveryJsonType() {
    assertEquals(
        "The JSONata expression '$ItemsVar' specified for the field 'Items' returned an"
            + " unexpected result type. Expected 'array', but was 'string' for value: \"string\"",
        JsonataErrors.unexpectedType("$ItemsVar", "Items", "array", json("\"string\"")).cause());
    assertEquals(
        "The JSONata expression '$ItemsVar' specified for the field 'Items' returned an"
            + " unexpected result type. Expected 'array', but was 'null' for value: null",
        JsonataErrors.unexpectedType("$ItemsVar", "Items", "array", json("null")).cause());
    assertEquals("number", JsonataErrors.typeName(json("1.5")));
    assertEquals("boolean", JsonataErrors.typeName(json("true")));
    assertEquals("array", JsonataErrors.typeName(json("[]")));
  }

  @Test
  void unsupportedTypeAndReturnedNothingMatchAwsWording() {
    assertEquals(
        "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items'"
            + " returned an unsupported result type.",
        JsonataErrors.unsupportedType("$fn := function($x){$x}", "Items").cause());
    assertEquals(
        "The JSONata expression '$stateError' specified for the field 'Output/error' returned"
            + " nothing (undefined).",
        JsonataErrors.returnedNothing("$stateError", "Output/error").cause());
  }
}
