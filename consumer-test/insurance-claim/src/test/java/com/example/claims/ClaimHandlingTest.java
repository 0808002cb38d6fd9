package com.example.claims;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.junit.Asl4jRuntime;
import io.asl4j.junit.Asl4jTest;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.services.AwsServices;
import java.util.List;
import org.junit.jupiter.api.Test;

@Asl4jTest
class ClaimHandlingTest {
  static LocalStateMachine machine(Asl4jRuntime asl4j) {
    return asl4j.bind(ClaimHandlingDefinition.tasks().assess(ClaimAssessor::assess)).build();
  }

  @Test
  void aClaimTheAssessorRefusesIsCaughtByItsExceptionsClassName(Asl4jRuntime asl4j) {
    Execution execution = asl4j.run(machine(asl4j), new Claim("C-3", "P-7", 25_000));

    assertThat(execution)
        .succeeded()
        .hasPath("Assess", "ReferToAdjuster", "Notify")
        .output()
        .at("$.approval.adjuster")
        .isEqualTo("manual");
    assertThat(execution).output().at("$.error.Error").isEqualTo("java.lang.IllegalStateException");
    assertEquals("claim C-3 exceeds the automatic limit", execution.taskExceptions().get(0).getMessage());
  }

  @Test
  void aSmallClaimIsApprovedAutomaticallyAndAnnounced(Asl4jRuntime asl4j, AwsServices services) {
    Execution execution = asl4j.run(machine(asl4j), new Claim("C-1", "P-7", 800));

    assertThat(execution)
        .succeeded()
        .hasPath("Assess", "Notify")
        .output()
        .at("/approval/adjuster")
        .isEqualTo("auto");
    assertThat(execution).output().at("$.approval.approved").isEqualTo(true);
    assertEquals(
        List.of("{\"claimId\":\"C-1\",\"adjuster\":\"auto\"}"),
        services.sns().published(ClaimHandling.TOPIC).stream().map(m -> m.message()).toList());
  }
}
