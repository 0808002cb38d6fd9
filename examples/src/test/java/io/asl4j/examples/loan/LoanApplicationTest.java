package io.asl4j.examples.loan;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.examples.loan.LoanApplication.CreditRequest;
import io.asl4j.examples.loan.LoanApplication.Decision;
import io.asl4j.examples.loan.LoanApplication.Disbursement;
import io.asl4j.junit.Asl4jRuntime;
import io.asl4j.junit.Asl4jTest;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.StatesError;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Weeks of Waits and hours of back-off, in milliseconds on the virtual clock. */
@Asl4jTest
class LoanApplicationTest {
  @BeforeEach
  void typedTasks(Asl4jRuntime asl4j) {
    asl4j
        .function(LoanApplication.CREDIT_CHECK, CreditRequest.class, LoanTasks::creditCheck)
        .function(LoanApplication.DISBURSE, Disbursement.class, LoanTasks::disburse);
  }

  static String application(String applicant, double amount) {
    return "{\"applicant\": \""
        + applicant
        + "\", \"ssnLast4\": \"1234\", \"amount\": "
        + amount
        + "}";
  }

  @Test
  void aPrimeApplicantIsPaidAfterTheCoolingOffPeriod(Asl4jRuntime asl4j) {
    Execution execution = asl4j.run(LoanApplication.stateMachine(), application("prime", 25_000));

    assertThat(execution)
        .succeeded()
        .hasPath("CreditCheck", "Decide", "AutoApproved", "CoolingOff", "Disburse", "Done")
        .took(Duration.ofDays(14))
        .hasOutput(new Decision("prime", 25_000, 780, "TRX-prime-25000"));
  }

  @Test
  void aFairApplicantWaitsForManualUnderwriting(Asl4jRuntime asl4j) {
    Execution execution = asl4j.run(LoanApplication.stateMachine(), application("fair", 8_000));

    assertThat(execution)
        .succeeded()
        .passedThrough("ManualUnderwriting")
        .took(Duration.ofDays(5 + 14))
        .output()
        .hasField("score", 640);
  }

  @Test
  void aPoorApplicantIsDeclinedWithTheScoreInTheCause(Asl4jRuntime asl4j) {
    Execution execution = asl4j.run(LoanApplication.stateMachine(), application("poor", 8_000));

    assertThat(execution)
        .failedWith("LoanDeclined", "credit score 510 is below 600")
        .took(Duration.ZERO);
  }

  @Test
  void theCreditBureauIsRetriedWithBackOff(Asl4jRuntime asl4j) {
    AtomicInteger calls = new AtomicInteger();
    asl4j.handler(
        LoanApplication.CREDIT_CHECK,
        (input, ctx) -> {
          if (calls.incrementAndGet() <= 2) {
            throw new StatesError("CreditBureau.Unavailable", "maintenance window");
          }
          return Asl4jRuntime.json("{\"score\": 720}");
        });

    Execution execution = asl4j.run(LoanApplication.stateMachine(), application("prime", 1_000));

    // 1 h, then 2 h of back-off, then 14 days of cooling off
    assertThat(execution).succeeded().took(Duration.ofDays(14).plusHours(3));
    assertEquals(3, calls.get());
  }

  @Test
  void theBankIsRetriedTheNextDay(Asl4jRuntime asl4j) {
    AtomicInteger calls = new AtomicInteger();
    asl4j.handler(
        LoanApplication.DISBURSE,
        (input, ctx) -> {
          if (calls.incrementAndGet() == 1) {
            throw new StatesError("Bank.Timeout", "no answer");
          }
          return Asl4jRuntime.json("{\"reference\": \"TRX-late\"}");
        });

    Execution execution = asl4j.run(LoanApplication.stateMachine(), application("prime", 1_000));

    assertThat(execution)
        .succeeded()
        .took(Duration.ofDays(15))
        .output()
        .hasField("reference", "TRX-late");
  }

  @Test
  void theAnnotatedClassRunsWithItsGeneratedTypedBindings(Asl4jRuntime asl4j) {
    var machine =
        LoanWorkflowDefinition.tasks()
            .creditCheck(LoanTasks::creditCheck)
            .disburse(LoanTasks::disburse)
            .bindTo(asl4j.configure(LoanWorkflowDefinition.localMachine()))
            .build();

    Execution execution = asl4j.run(machine, application("fair", 3_000));

    assertThat(execution)
        .succeeded()
        .passedThrough("ManualUnderwriting")
        .took(Duration.ofDays(19))
        .hasOutput(new Decision("fair", 3_000, 640, "TRX-fair-3000"));
  }

  @Test
  void theAnnotatedClassAndTheBuilderWriteTheSameAsl() {
    assertEquals(
        Asl4jRuntime.json(LoanWorkflowDefinition.aslJson()),
        Asl4jRuntime.json(io.asl4j.dsl.json.AslWriter.write(LoanApplication.stateMachine())));
  }
}
