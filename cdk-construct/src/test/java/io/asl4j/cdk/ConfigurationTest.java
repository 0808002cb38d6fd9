package io.asl4j.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/** Type, logging, tracing, timeout, name, role, tags and grants reach the template. */
class ConfigurationTest {
  private static final String PASS =
      "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";

  @BeforeAll
  static void requireNode() {
    CdkTests.assumeNodeJs();
  }

  @Test
  void expressWorkflowLogsToTheGivenGroupWithExecutionData() {
    // given
    Stack stack = CdkTests.stack();
    LogGroup logs = LogGroup.Builder.create(stack, "Logs").build();

    // when
    Asl4jStateMachine.Builder.create(stack, "Sm")
        .definition(Asl4jDefinition.fromString(PASS))
        .stateMachineType(StateMachineType.EXPRESS)
        .logs(
            LogOptions.builder()
                .destination(logs)
                .level(LogLevel.ALL)
                .includeExecutionData(true)
                .build())
        .build();
    Template template = CdkTests.template(stack);

    // then
    JsonNode props = CdkTests.onlyResource(template, "AWS::StepFunctions::StateMachine");
    assertEquals("EXPRESS", props.path("StateMachineType").asText());
    String logGroupId = template.getResourceId("AWS::Logs::LogGroup");
    assertEquals(
        CdkTests.parse(
            """
            {"Destinations":[{"CloudWatchLogsLogGroup":{"LogGroupArn":"${%s.Arn}"}}],
             "IncludeExecutionData":true,"Level":"ALL"}"""
                .formatted(logGroupId)),
        CdkTests.flatten(props.path("LoggingConfiguration")));
    assertTrue(
        CdkTests.statements(template).toString().contains("logs:CreateLogDelivery"),
        "the role may deliver logs");
  }

  @Test
  void tracingTimeoutNameRoleAndTagsAreApplied() {
    // given
    Stack stack = CdkTests.stack();
    Role role =
        Role.Builder.create(stack, "Given")
            .assumedBy(new ServicePrincipal("states.amazonaws.com"))
            .build();

    // when
    Asl4jStateMachine sm =
        Asl4jStateMachine.Builder.create(stack, "Sm")
            .definition(Asl4jDefinition.fromString(PASS))
            .tracingEnabled(true)
            .timeout(Duration.minutes(5))
            .stateMachineName("orders")
            .role(role)
            .tag("team", "shop")
            .build();
    Template template = CdkTests.template(stack);

    // then
    JsonNode props = CdkTests.onlyResource(template, "AWS::StepFunctions::StateMachine");
    assertEquals(
        AslWriter.write(
            AslReader.read(PASS.replace("{\"StartAt\"", "{\"TimeoutSeconds\":300,\"StartAt\""))),
        props.path("DefinitionString").asText());
    assertEquals(sm.getDefinitionString(), props.path("DefinitionString").asText());
    assertEquals("orders", props.path("StateMachineName").asText());
    assertTrue(props.path("TracingConfiguration").path("Enabled").asBoolean());
    assertEquals(
        "${" + template.getResourceId("AWS::IAM::Role") + ".Arn}",
        CdkTests.flatten(props.path("RoleArn")).asText());
    assertEquals(CdkTests.parse("[{\"Key\":\"team\",\"Value\":\"shop\"}]"), props.path("Tags"));
  }

  @Test
  void grantsDelegateToTheStateMachine() {
    // given
    Stack stack = CdkTests.stack();
    Asl4jStateMachine sm =
        Asl4jStateMachine.Builder.create(stack, "Sm")
            .definition(Asl4jDefinition.fromString(PASS))
            .build();
    Role caller =
        Role.Builder.create(stack, "Caller")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .build();

    // when
    sm.grantStartExecution(caller);
    sm.grantRead(caller);

    // then
    Template template = CdkTests.template(stack);
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "Action", "states:StartExecution",
                            "Effect", "Allow",
                            "Resource",
                                Map.of(
                                    "Ref",
                                    template.getResourceId(
                                        "AWS::StepFunctions::StateMachine"))))))));
    assertEquals(sm.getStateMachine().getStateMachineArn(), sm.getStateMachineArn());
  }
}
