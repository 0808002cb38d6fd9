package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.runtime.internal.testing.TimeBound;
import java.time.Duration;
import net.jqwik.api.statistics.Statistics;

/** The check the properties of broken paths and broken intrinsic calls share. */
final class TemplateRefusals {
  private TemplateRefusals() {}

  /**
   * Compiles {@code text} as the value of a {@code value.$} field and asserts it is refused within
   * {@code limit} with an {@link ExpressionException} that names a position inside the text — never
   * accepted, never another exception; collects {@code how} it was broken as the "how" statistic.
   */
  static void assertRefusedWithItsPosition(String text, String how, Duration limit) {
    ObjectNode template = JsonNodeFactory.instance.objectNode().put("value.$", text);
    ExpressionException refusal =
        TimeBound.within(
            limit,
            text,
            () -> {
              try {
                PayloadTemplate.compile(template);
              } catch (ExpressionException e) {
                return e;
              } catch (RuntimeException | StackOverflowError e) {
                return fail("compiling '" + text + "' threw " + e, e);
              }
              return fail("'" + text + "' (" + how + ") was accepted");
            });
    assertTrue(
        refusal.position() >= 0 && refusal.position() <= text.length(),
        "position " + refusal.position() + " in " + text);
    assertTrue(
        refusal
            .getMessage()
            .startsWith(
                "The value for the field 'value.$' must be a valid JSONPath or a valid intrinsic"
                    + " function call: "),
        refusal.getMessage());
    assertTrue(
        refusal.getMessage().contains(" at position " + refusal.position() + " in '"),
        refusal.getMessage());
    Statistics.label("how").collect(how);
  }
}
