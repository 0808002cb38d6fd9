package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.runtime.services.AwsServices;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Versions, aliases, tags, Map Runs and redrives through the SDK v2. */
class VersionsAliasesTagsMapRunsTest {
  static final String ROLE = StepFunctionsApiTest.ROLE;
  static Asl4jServer server;
  static SfnClient sfn;
  static AwsServices services;

  @BeforeAll
  static void serve() {
    services = AwsServices.create();
    services.sqs().strict();
    server = Asl4jServer.start(new Asl4jServer.Config().services(services));
    sfn = Asl4jServerExtension.client(server.endpoint(), server.region());
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
  }

  static String result(String value) {
    return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\""
        + value
        + "\",\"End\":true}}}";
  }

  @Test
  void executionsStartedOnAnAliasRunTheVersionItRoutesTo() throws Exception {
    var created =
        sfn.createStateMachine(
            b -> b.name("versioned").definition(result("one")).roleArn(ROLE).publish(true));
    String machine = created.stateMachineArn();
    assertEquals(machine + ":1", created.stateMachineVersionArn());
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(result("two")));
    String v2 =
        sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine).description("second"))
            .stateMachineVersionArn();
    assertEquals(machine + ":2", v2);
    assertEquals(
        List.of(machine + ":2", machine + ":1"),
        sfn
            .listStateMachineVersions(b -> b.stateMachineArn(machine))
            .stateMachineVersions()
            .stream()
            .map(v -> v.stateMachineVersionArn())
            .toList());
    assertEquals(
        List.of(result("one"), "second"),
        List.of(
            sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":1")).definition(),
            sfn.describeStateMachine(b -> b.stateMachineArn(v2)).description()));

    String alias =
        sfn.createStateMachineAlias(
                b ->
                    b.name("live")
                        .routingConfiguration(
                            RoutingConfigurationListItem.builder()
                                .stateMachineVersionArn(machine + ":1")
                                .weight(100)
                                .build()))
            .stateMachineAliasArn();
    assertEquals(machine + ":live", alias);
    String onAlias = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
    DescribeExecutionResponse ran = StepFunctionsApiTest.awaitEnd(sfn, onAlias);
    assertEquals(
        List.of("\"one\"", machine + ":1", alias),
        List.of(ran.output(), ran.stateMachineVersionArn(), ran.stateMachineAliasArn()));
    assertEquals(
        alias,
        sfn.getExecutionHistory(b -> b.executionArn(onAlias))
            .events()
            .get(0)
            .executionStartedEventDetails()
            .stateMachineAliasArn());
    var ranDefinition = sfn.describeStateMachineForExecution(b -> b.executionArn(onAlias));
    assertEquals(
        List.of(machine, "versioned", result("one"), ROLE),
        List.of(
            ranDefinition.stateMachineArn(),
            ranDefinition.name(),
            ranDefinition.definition(),
            ranDefinition.roleArn()));

    sfn.updateStateMachineAlias(
        b ->
            b.stateMachineAliasArn(alias)
                .description("now two")
                .routingConfiguration(
                    RoutingConfigurationListItem.builder()
                        .stateMachineVersionArn(v2)
                        .weight(100)
                        .build()));
    DescribeStateMachineAliasResponse described =
        sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertEquals(
        List.of("live", "now two", v2),
        List.of(
            described.name(),
            described.description(),
            described.routingConfiguration().get(0).stateMachineVersionArn()));
    String onTwo = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
    assertEquals("\"two\"", StepFunctionsApiTest.awaitEnd(sfn, onTwo).output());
    assertEquals(
        List.of(onTwo, onAlias),
        sfn.listExecutions(b -> b.stateMachineArn(alias)).executions().stream()
            .map(e -> e.executionArn())
            .toList());
    assertEquals(
        List.of(alias),
        sfn.listStateMachineAliases(b -> b.stateMachineArn(machine)).stateMachineAliases().stream()
            .map(a -> a.stateMachineAliasArn())
            .toList());

    ConflictException referenced =
        assertThrows(
            ConflictException.class,
            () -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2)));
    assertEquals(
        "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [live]",
        referenced.awsErrorDetails().errorMessage());
    sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2));
    assertEquals(
        List.of(machine + ":1"),
        sfn
            .listStateMachineVersions(b -> b.stateMachineArn(machine))
            .stateMachineVersions()
            .stream()
            .map(v -> v.stateMachineVersionArn())
            .toList());
  }

  @Test
  void aVersionDescriptionWithoutPublishIsRefusedInAwsWords() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () ->
                sfn.createStateMachine(
                    b ->
                        b.name("no-publish")
                            .definition(result("x"))
                            .roleArn(ROLE)
                            .versionDescription("d")));
    assertEquals(
        "Version description can only be set when publish is true",
        refused.awsErrorDetails().errorMessage());
  }

  @Test
  void tagsAreAddedListedAndRemoved() {
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("tagged")
                        .definition(result("t"))
                        .roleArn(ROLE)
                        .tags(Tag.builder().key("team").value("payments").build()))
            .stateMachineArn();
    sfn.tagResource(
        b -> b.resourceArn(machine).tags(Tag.builder().key("env").value("test").build()));
    assertEquals(
        List.of("team=payments", "env=test"),
        sfn.listTagsForResource(b -> b.resourceArn(machine)).tags().stream()
            .map(t -> t.key() + "=" + t.value())
            .toList());
    sfn.untagResource(b -> b.resourceArn(machine).tagKeys("team"));
    assertEquals(
        List.of("env=test"),
        sfn.listTagsForResource(b -> b.resourceArn(machine)).tags().stream()
            .map(t -> t.key() + "=" + t.value())
            .toList());
  }

  @Test
  void aDistributedMapsRunIsDescribedAndItsChildExecutionsListed() throws Exception {
    String definition =
        "{\"StartAt\":\"Each\",\"States\":{\"Each\":{\"Type\":\"Map\",\"Label\":\"each\","
            + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
            + "\"StartAt\":\"Double\",\"States\":{\"Double\":{\"Type\":\"Pass\",\"Parameters\":{\"v.$\":\"States.MathAdd($, $)\"},\"End\":true}}},"
            + "\"End\":true}}}";
    String machine =
        sfn.createStateMachine(b -> b.name("mapped").definition(definition).roleArn(ROLE))
            .stateMachineArn();
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3]")).executionArn();
    assertEquals(
        "[{\"v\":2},{\"v\":4},{\"v\":6}]", StepFunctionsApiTest.awaitEnd(sfn, arn).output());
    List<MapRunListItem> runs = sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns();
    assertEquals(1, runs.size());
    String mapRun = runs.get(0).mapRunArn();
    DescribeMapRunResponse described = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
    assertEquals(
        List.of("SUCCEEDED", arn, 3L, 3L, 0L),
        List.of(
            described.statusAsString(),
            described.executionArn(),
            described.itemCounts().succeeded(),
            described.executionCounts().total(),
            described.executionCounts().failed()));
    assertEquals(
        List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"),
        sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions().stream()
            .map(e -> e.statusAsString())
            .toList());
    ValidationException ended =
        assertThrows(
            ValidationException.class,
            () -> sfn.updateMapRun(b -> b.mapRunArn(mapRun).maxConcurrency(2)));
    assertEquals(
        "Map Run " + mapRun + " is SUCCEEDED and cannot be updated",
        ended.awsErrorDetails().errorMessage());
  }

  @Test
  void aFailedExecutionIsRedrivenFromTheStateThatFailed() throws Exception {
    String queue = "https://sqs.us-east-1.amazonaws.com/123456789012/created-later";
    String definition =
        "{\"StartAt\":\"Before\",\"States\":{\"Before\":{\"Type\":\"Pass\",\"Next\":\"Send\"},"
            + "\"Send\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
            + "\"Parameters\":{\"QueueUrl\":\""
            + queue
            + "\",\"MessageBody.$\":\"$\"},\"End\":true}}}";
    String machine =
        sfn.createStateMachine(b -> b.name("redriven").definition(definition).roleArn(ROLE))
            .stateMachineArn();
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":1}")).executionArn();
    DescribeExecutionResponse failed = StepFunctionsApiTest.awaitEnd(sfn, arn);
    assertEquals(
        List.of("FAILED", "SQS.QueueDoesNotExistException", "REDRIVABLE"),
        List.of(failed.statusAsString(), failed.error(), failed.redriveStatusAsString()));
    services.sqs().createQueue("created-later");
    sfn.redriveExecution(b -> b.executionArn(arn));
    DescribeExecutionResponse redriven = StepFunctionsApiTest.awaitEnd(sfn, arn);
    assertEquals(
        List.of("SUCCEEDED", 1), List.of(redriven.statusAsString(), redriven.redriveCount()));
    assertNull(redriven.error());
    List<String> types =
        sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
            .map(e -> e.typeAsString())
            .toList();
    assertEquals(1, types.stream().filter(t -> t.equals("PassStateEntered")).count());
    assertEquals(true, types.contains("ExecutionRedriven"));
    assertEquals(
        List.of(arn),
        sfn
            .listExecutions(
                b -> b.stateMachineArn(machine).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
            .executions()
            .stream()
            .map(e -> e.executionArn())
            .toList());
    ExecutionNotRedrivableException refused =
        assertThrows(
            ExecutionNotRedrivableException.class,
            () -> sfn.redriveExecution(b -> b.executionArn(arn)));
    assertEquals(
        "Execution is SUCCEEDED and cannot be redriven", refused.awsErrorDetails().errorMessage());
  }
}
