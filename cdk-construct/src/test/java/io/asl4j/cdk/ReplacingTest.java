package io.asl4j.cdk;

import static io.asl4j.cdk.CdkTests.parse;
import static io.asl4j.cdk.CdkTests.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.json.AslWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.stepfunctions.StateMachine;

/** {@code replacing}: a tested value bound to a placeholder anywhere in the definition. */
class ReplacingTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:claims";
  private static final String CHILD = "arn:aws:states:us-east-1:123456789012:stateMachine:payout";
  private static final String TESTED =
      """
      {"StartAt": "Notify", "States": {
        "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
          "Parameters": {"TopicArn": "%s", "Message.$": "$.claimId"}, "ResultPath": null, "Next": "Pay"},
        "Pay": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "Payout", "States": {
          "Payout": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution",
            "Parameters": {"StateMachineArn": "%s", "Input": {"claim.$": "$"}, "Tags": ["%s"]}, "End": true}}}]}
      }}
      """
          .formatted(TOPIC, CHILD, TOPIC);

  @Test
  void replacesEveryWholeValueEqualToAKeyInParametersAndBranchesAndLeavesTheRestAsTested() {
    Asl4jDefinition replaced =
        Asl4jDefinition.fromString(TESTED)
            .replacing(Map.of(TOPIC, "${ClaimsTopic}", CHILD, "${Payout}"));

    assertEquals(
        AslWriter.write(
            Asl4jDefinition.fromString(
                    TESTED.replace(TOPIC, "${ClaimsTopic}").replace(CHILD, "${Payout}"))
                .model()),
        AslWriter.write(replaced.model()));
    assertEquals("string", replaced.source());
  }

  @Test
  void aKeyMatchingNoValueIsAnErrorNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Asl4jDefinition.fromString(TESTED)
                    .replacing(Map.of(TOPIC, "${ClaimsTopic}", "claims", "${Claims}")));

    assertEquals(
        "no value in the definition (string) equals [claims]; replacing matches whole JSON string values, not"
            + " parts of them or object keys",
        e.getMessage());
  }

  @Test
  void theBoundPlaceholdersGiveTheRoleExactlyTheTopicAndTheMachine() {
    CdkTests.assumeNodeJs();
    Stack stack = CdkTests.stack();

    Asl4jStateMachine.Builder.create(stack, "Sm")
        .definition(
            Asl4jDefinition.fromString(TESTED)
                .replacing(Map.of(TOPIC, "${ClaimsTopic}", CHILD, "${Payout}")))
        .substitutions(
            DefinitionSubstitutions.builder()
                .topic(
                    "ClaimsTopic",
                    Topic.fromTopicArn(
                        stack, "T", "arn:aws:sns:eu-west-1:123456789012:real-claims"))
                .stateMachine(
                    "Payout",
                    StateMachine.fromStateMachineArn(
                        stack,
                        "P",
                        "arn:aws:states:eu-west-1:123456789012:stateMachine:real-payout"))
                .build())
        .build();
    Template template = CdkTests.template(stack);

    assertEquals(
        parse(
            """
            [{"Action":["sns:Publish"],"Resource":["arn:aws:sns:eu-west-1:123456789012:real-claims"]},
             {"Action":["states:StartExecution"],"Resource":["arn:aws:states:eu-west-1:123456789012:stateMachine:real-payout"]}]"""),
        statements(template));
  }

  @Test
  void aReplacementToAPlaceholderNobodyBindsFailsSynthNamingIt() {
    CdkTests.assumeNodeJs();
    Stack stack = CdkTests.stack();

    Asl4jSynthesisException e =
        CdkTests.synthesisFailure(
            stack,
            "Sm",
            Asl4jDefinition.fromString(TESTED).replacing(Map.of(TOPIC, "${ClaimsTopic}")),
            DefinitionSubstitutions.builder()
                .arn("ClaimTopic", "arn:aws:sns:eu-west-1:123456789012:x")
                .build());

    assertEquals(
        "Asl4jStateMachine Test/Sm (string) cannot be synthesized: 2 errors\n"
            + "  /States/Notify/Parameters/TopicArn: error [Asl4jUnboundPlaceholder] placeholder ${ClaimsTopic} is not"
            + " bound to anything; bound: ${ClaimTopic} (value 'arn:aws:sns:eu-west-1:123456789012:x')\n"
            + "  /: error [Asl4jUnusedSubstitution] substitution ${ClaimTopic} (value"
            + " 'arn:aws:sns:eu-west-1:123456789012:x') is bound to nothing: the definition has no ${ClaimTopic}"
            + " placeholder; placeholders: ${ClaimsTopic}",
        e.getMessage());
  }
}
