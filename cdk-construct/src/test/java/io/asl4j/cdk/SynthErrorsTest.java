package io.asl4j.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/** Everything that stops synthesis, reported together with where and what. */
class SynthErrorsTest {
  private static final String FN = "arn:aws:lambda:eu-west-1:123456789012:function:validate";

  @BeforeAll
  static void requireNode() {
    CdkTests.assumeNodeJs();
  }

  private static Asl4jSynthesisException synthFails(
      String json, DefinitionSubstitutions substitutions, StateMachineType type, Duration timeout) {
    Stack stack = CdkTests.stack();
    return assertThrows(
        Asl4jSynthesisException.class,
        () ->
            Asl4jStateMachine.Builder.create(stack, "Sm")
                .definition(Asl4jDefinition.fromString(json))
                .substitutions(substitutions)
                .stateMachineType(type)
                .timeout(timeout)
                .build());
  }

  @Test
  void unboundPlaceholderNamesThePlaceholderWhereItIsAndWhatIsBound() {
    // given a definition using ${ValidateOrderFn}, bound: ${NotifyFn} only
    Stack stack = CdkTests.stack();
    IFunction notify = Function.fromFunctionArn(stack, "Notify", FN);
    String json =
        "{\"StartAt\":\"ValidateOrder\",\"States\":{\"ValidateOrder\":{\"Type\":\"Task\","
            + "\"Resource\":\"${ValidateOrderFn}\",\"Next\":\"Notify\"},"
            + "\"Notify\":{\"Type\":\"Task\",\"Resource\":\"${NotifyFn}\",\"End\":true}}}";

    // when
    Asl4jSynthesisException e =
        CdkTests.synthesisFailure(
            stack,
            "Orders",
            Asl4jDefinition.fromString(json),
            DefinitionSubstitutions.builder().function("NotifyFn", notify).build());

    // then
    assertEquals(
        "Asl4jStateMachine Test/Orders (string) cannot be synthesized: 1 error\n"
            + "  /States/ValidateOrder/Resource: error [Asl4jUnboundPlaceholder] placeholder"
            + " ${ValidateOrderFn} is not bound to anything; bound: ${NotifyFn} (Function Test/Notify)",
        e.getMessage());
  }

  @Test
  void substitutionBoundToNothingNamesTheBindingAndThePlaceholders() {
    Asl4jSynthesisException e =
        synthFails(
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"${Fn}\",\"End\":true}}}",
            DefinitionSubstitutions.builder().arn("Fn", FN).arn("Fnn", FN).build(),
            null,
            null);
    assertEquals(
        List.of(
            "/: error [Asl4jUnusedSubstitution] substitution ${Fnn} (value '"
                + FN
                + "') is bound to"
                + " nothing: the definition has no ${Fnn} placeholder; placeholders: ${Fn}"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void validatorErrorsAndBindingErrorsFailSynthTogether() {
    // given a Next to a missing state, an unbound placeholder, a .sync integration in EXPRESS
    Asl4jSynthesisException e =
        synthFails(
            "{\"StartAt\":\"A\",\"States\":{"
                + "\"A\":{\"Type\":\"Task\",\"Resource\":\"${Fn}\",\"Next\":\"Missing\"},"
                + "\"B\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::glue:startJobRun.sync\","
                + "\"Parameters\":{\"JobName\":\"j\"},\"End\":true}}}",
            DefinitionSubstitutions.none(),
            StateMachineType.EXPRESS,
            null);
    List<String> tags = e.problems().stream().map(Problem::tag).toList();
    assertEquals(true, tags.contains("Asl4jUnboundPlaceholder"), tags.toString());
    assertEquals(true, tags.size() >= 3, e.getMessage());
    assertEquals(true, e.getMessage().contains("/States/A/Next"), e.getMessage());
    assertEquals(true, e.getMessage().contains("/States/B/Resource"), e.getMessage());
  }

  @Test
  void bindingOfTheWrongKindIsAnError() {
    Stack stack = CdkTests.stack();
    IFunction fn = Function.fromFunctionArn(stack, "F", FN);
    Asl4jSynthesisException e =
        CdkTests.synthesisFailure(
            stack,
            "Sm",
            Asl4jDefinition.fromString(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\","
                    + "\"Resource\":\"arn:aws:states:::dynamodb:putItem\","
                    + "\"Parameters\":{\"TableName\":\"${Orders}\",\"Item\":{}},\"End\":true}}}"),
            DefinitionSubstitutions.builder().function("Orders", fn).build());
    assertEquals(
        List.of(
            "/States/A/Parameters/TableName: error [Asl4jSubstitutionKind] ${Orders} is bound to"
                + " Function Test/F, but state 'A' needs a Table here"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void timeoutPropertyMustNotContradictTheDefinition() {
    Asl4jSynthesisException e =
        synthFails(
            "{\"TimeoutSeconds\":60,\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}",
            DefinitionSubstitutions.none(),
            null,
            Duration.minutes(5));
    assertEquals("Asl4jTimeoutConflict", e.problems().get(0).tag());
  }

  @Test
  void bindingToNullFailsAtOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DefinitionSubstitutions.builder().function("Fn", null));
    assertEquals("[Asl4jBindingToNothing] substitution ${Fn} is bound to null", e.getMessage());
  }
}
