package io.asl4j.examples.loan;

import io.asl4j.dsl.builder.Chain;
import io.asl4j.dsl.builder.Choice;
import io.asl4j.dsl.builder.Fail;
import io.asl4j.dsl.builder.Pass;
import io.asl4j.dsl.builder.Payload;
import io.asl4j.dsl.builder.Retry;
import io.asl4j.dsl.builder.Succeed;
import io.asl4j.dsl.builder.Task;
import io.asl4j.dsl.builder.Wait;
import io.asl4j.dsl.builder.Workflow;
import io.asl4j.dsl.model.StateMachine;
import java.time.Duration;

/**
 * A loan application that runs for weeks, in JSONata with variables: CreditCheck (retried with
 * back-off over hours while the bureau is down) assigns {@code $applicant}, {@code $amount} and
 * {@code $score}; Decide approves at once, sends the application to manual underwriting (5 days) or
 * declines it; a 14-day cooling-off Wait; Disburse (retried daily); Done builds the output from the
 * variables.
 */
public final class LoanApplication {
  private LoanApplication() {}

  public static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
  public static final String CREDIT_CHECK = LAMBDA + "CreditCheck";
  public static final String DISBURSE = LAMBDA + "Disburse";

  /** The definition, validated. */
  public static StateMachine stateMachine() {
    Task.Jsonata creditCheck =
        Task.jsonata("CreditCheck")
            .resource(CREDIT_CHECK)
            .arguments(
                Payload.object()
                    .put("applicant", "{% $states.input.applicant %}")
                    .put("ssnLast4", "{% $states.input.ssnLast4 %}"))
            .assign(
                Payload.object()
                    .put("applicant", "{% $states.input.applicant %}")
                    .put("amount", "{% $states.input.amount %}")
                    .put("score", "{% $states.result.score %}"))
            .retry(
                Retry.on("CreditBureau.Unavailable")
                    .interval(Duration.ofHours(1))
                    .maxAttempts(3)
                    .backoffRate(2.0));
    Fail.Jsonata declined =
        Fail.jsonata("Declined")
            .error("LoanDeclined")
            .cause("{% 'credit score ' & $string($score) & ' is below 600' %}");
    return Workflow.jsonata()
        .comment(
            "Loan application: credit check, decision, underwriting, cooling-off, disbursement")
        .timeout(Duration.ofDays(60))
        .definition(
            Chain.start(creditCheck)
                .next(
                    Choice.jsonata("Decide")
                        .when("{% $score >= 700 %}", Pass.jsonata("AutoApproved"))
                        .when(
                            "{% $score >= 600 %}",
                            Wait.jsonata("ManualUnderwriting").duration(Duration.ofDays(5)))
                        .otherwise(declined)
                        .afterwards())
                .next(Wait.jsonata("CoolingOff").duration(Duration.ofDays(14)))
                .next(
                    Task.jsonata("Disburse")
                        .resource(DISBURSE)
                        .arguments(
                            Payload.object()
                                .put("applicant", "{% $applicant %}")
                                .put("amount", "{% $amount %}"))
                        .retry(
                            Retry.on("Bank.Timeout")
                                .interval(Duration.ofDays(1))
                                .maxAttempts(2)
                                .backoffRate(1.0)))
                .next(
                    Succeed.jsonata("Done")
                        .output(
                            "{% {'applicant': $applicant, 'amount': $amount, 'score': $score, 'reference': $states.input.reference} %}")))
        .build();
  }

  /** CreditCheck's input and result. */
  public record CreditRequest(String applicant, String ssnLast4) {}

  public record CreditScore(int score) {}

  /** Disburse's input and result. */
  public record Disbursement(String applicant, double amount) {}

  public record Transfer(String reference) {}

  /** The output. */
  public record Decision(String applicant, double amount, int score, String reference) {}
}
