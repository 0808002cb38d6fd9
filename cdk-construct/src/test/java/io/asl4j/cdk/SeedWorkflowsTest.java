package io.asl4j.cdk;

import static io.asl4j.cdk.CdkTests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The seed workflows deploy as exactly the asl4j writer's output: the {@code DefinitionString}
 * equals {@code AslWriter.write}, and after CloudFormation's substitution it equals the writer's
 * output for the substituted definition.
 */
class SeedWorkflowsTest {
  @BeforeAll
  static void requireNode() {
    CdkTests.assumeNodeJs();
  }

  /** Plain-value bindings for every placeholder the seeds use. */
  private static final Map<String, String> VALUES =
      Map.of(
          "UpdateInventoryFn", "arn:aws:lambda:us-east-1:123:function:UpdateInventory",
          "SendEmailFn", "arn:aws:lambda:us-east-1:123:function:SendEmail",
          "ProcessOrderFn", "arn:aws:lambda:us-east-1:123:function:ProcessOrder",
          "AccountId", "123456789012");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seed-000-order-workflow.asl.json",
        "seed-000-approval-map.asl.json",
        "seed-004-order-processing.asl.json"
      })
  void definitionStringIsTheWritersOutput(String seed) {
    // given
    String text = CdkTests.resource("/seeds/" + seed);
    Stack stack = CdkTests.stack();
    DefinitionSubstitutions.Builder substitutions = DefinitionSubstitutions.builder();
    Map<String, String> used = new LinkedHashMap<>();
    VALUES.forEach(
        (name, value) -> {
          if (text.contains("${" + name + "}")) {
            substitutions.value(name, value);
            used.put(name, value);
          }
        });

    // when
    Asl4jStateMachine.Builder.create(stack, "Seed")
        .definition(Asl4jDefinition.fromString(text))
        .substitutions(substitutions.build())
        .build();
    Template template = CdkTests.template(stack);

    // then
    JsonNode props = CdkTests.onlyResource(template, "AWS::StepFunctions::StateMachine");
    String deployed = props.path("DefinitionString").asText();
    assertEquals(AslWriter.write(AslReader.read(text)), deployed);
    Map<String, String> deployedSubstitutions = new LinkedHashMap<>();
    props
        .path("DefinitionSubstitutions")
        .fields()
        .forEachRemaining(f -> deployedSubstitutions.put(f.getKey(), f.getValue().asText()));
    assertEquals(used, deployedSubstitutions);
    assertEquals(
        AslWriter.write(AslReader.read(substitute(text, used))), substitute(deployed, used));
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed-004-order-processing.asl.json"})
  void embeddedPlaceholdersStillYieldExactLambdaGrants(String seed) {
    Stack stack = CdkTests.stack();
    Asl4jStateMachine.Builder.create(stack, "Seed")
        .definition(Asl4jDefinition.fromString(CdkTests.resource("/seeds/" + seed)))
        .substitutions(DefinitionSubstitutions.builder().value("AccountId", "123456789012").build())
        .build();
    String fn = "arn:aws:lambda:us-west-2:123456789012:function:";
    assertEquals(
        parse(
            """
            [{"Action":["lambda:InvokeFunction"],"Resource":["%1$ssfn-validate-order","%1$ssfn-validate-order:*"]},
             {"Action":["lambda:InvokeFunction"],"Resource":["%1$ssfn-notify-customer","%1$ssfn-notify-customer:*"]},
             {"Action":["lambda:InvokeFunction"],"Resource":["%1$ssfn-update-inventory","%1$ssfn-update-inventory:*"]}]"""
                .formatted(fn)),
        CdkTests.statements(CdkTests.template(stack)));
  }

  private static String substitute(String text, Map<String, String> values) {
    String out = text;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }
}
