package com.example.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    String definition = String.valueOf(properties.get("DefinitionString"));
    assertTrue(definition.contains("\"TopicArn\":\"${ClaimsTopic}\""), definition);
    assertTrue(definition.contains("\"Resource\":\"${AssessFn}\""), definition);

    String policies = String.valueOf(template.findResources("AWS::IAM::Policy"));
    assertTrue(policies.contains("sns:Publish"), policies);
    assertTrue(policies.contains("lambda:InvokeFunction"), policies);
    assertTrue(!policies.contains("Resource=*"), policies);
  }

  private static boolean nodeRuns() throws InterruptedException {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
