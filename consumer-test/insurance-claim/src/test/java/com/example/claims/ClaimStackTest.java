package com.example.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** Needs Node.js, as every CDK for Java synth does; skipped without it. */
class ClaimStackTest {
  @Test
  void theStackBindsTheFunctionAndTheTopicInParametersAndGrantsOnlyThose() throws Exception {
    assumeTrue(nodeRuns(), "Node.js is required to synthesize a CDK stack");
    Template template = Template.fromStack(new ClaimStack(new App(), "Claims"));

    Map<String, Map<String, Object>> machines = template.findResources("AWS::StepFunctions::StateMachine");
    assertEquals(1, machines.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) machines.values().iterator().next().get("Properties");
    @SuppressWarnings("unchecked")
    Map<String, Object> substitutions = (Map<String, Object>) properties.get("DefinitionSubstitutions");
    assertEquals(List.of("AssessFn", "ClaimsTopic"), substitutions.keySet().stream().sorted().toList());
    assertEquals("arn:aws:lambda:eu-west-1:111122223333:function:assess-claim", substitutions.get("AssessFn"));
    JsonNode definition = new ObjectMapper().readTree(String.valueOf(properties.get("DefinitionString")));
    assertEquals("${ClaimsTopic}", definition.at("/States/Notify/Parameters/TopicArn").asText());
    assertEquals("${AssessFn}", definition.at("/States/Assess/Resource").asText());
    assertEquals(ClaimHandlingDefinition.stateMachine().states().keySet(), java.util.Set.copyOf(iterable(definition.get("States").fieldNames())));

    String policies = String.valueOf(template.findResources("AWS::IAM::Policy"));
    assertTrue(policies.contains("sns:Publish"), policies);
    assertTrue(policies.contains("lambda:InvokeFunction"), policies);
    assertTrue(!policies.contains("Resource=*"), policies);
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  private static boolean nodeRuns() throws InterruptedException {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
