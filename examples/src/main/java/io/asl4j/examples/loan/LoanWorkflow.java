package io.asl4j.examples.loan;

import io.asl4j.dsl.annotation.Choice;
import io.asl4j.dsl.annotation.Fail;
import io.asl4j.dsl.annotation.Pass;
import io.asl4j.dsl.annotation.Retry;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Succeed;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.Wait;
import io.asl4j.dsl.annotation.When;
import io.asl4j.dsl.annotation.Workflow;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.examples.loan.LoanApplication.CreditRequest;
import io.asl4j.examples.loan.LoanApplication.CreditScore;
import io.asl4j.examples.loan.LoanApplication.Disbursement;
import io.asl4j.examples.loan.LoanApplication.Transfer;

/** {@link LoanApplication} as annotated classes, in JSONata with variables; its tasks typed. */
@Workflow(
    name = "LoanApplication",
    comment = "Loan application: credit check, decision, underwriting, cooling-off, disbursement",
    queryLanguage = QueryLanguage.JSONATA,
    timeoutSeconds = 60 * 24 * 3600)
public final class LoanWorkflow {
  private LoanWorkflow() {}

  @StartAt
  @Task(
      resource = LoanApplication.CREDIT_CHECK,
      arguments =
          "{\"applicant\": \"{% $states.input.applicant %}\", \"ssnLast4\": \"{% $states.input.ssnLast4 %}\"}",
      assign =
          "{\"applicant\": \"{% $states.input.applicant %}\", \"amount\": \"{% $states.input.amount %}\","
              + " \"score\": \"{% $states.result.score %}\"}",
      next = Decide.class)
  @Retry(
      errors = "CreditBureau.Unavailable",
      intervalSeconds = 3600,
      maxAttempts = 3,
      backoffRate = 2.0)
  public interface CreditCheck {
    CreditScore creditCheck(CreditRequest request);
  }

  @Choice(otherwise = Declined.class)
  @When(condition = "{% $score >= 700 %}", next = AutoApproved.class)
  @When(condition = "{% $score >= 600 %}", next = ManualUnderwriting.class)
  interface Decide {}

  @Pass(next = CoolingOff.class)
  interface AutoApproved {}

  @Wait(seconds = 5 * 24 * 3600, next = CoolingOff.class)
  interface ManualUnderwriting {}

  @Wait(seconds = 14 * 24 * 3600, next = Disburse.class)
  interface CoolingOff {}

  @Task(
      resource = LoanApplication.DISBURSE,
      arguments = "{\"applicant\": \"{% $applicant %}\", \"amount\": \"{% $amount %}\"}",
      next = Done.class)
  @Retry(errors = "Bank.Timeout", intervalSeconds = 86_400, maxAttempts = 2, backoffRate = 1.0)
  public interface Disburse {
    Transfer disburse(Disbursement disbursement);
  }

  @Succeed(
      output =
          "{% {'applicant': $applicant, 'amount': $amount, 'score': $score, 'reference': $states.input.reference} %}")
  interface Done {}

  @Fail(error = "LoanDeclined", cause = "{% 'credit score ' & $string($score) & ' is below 600' %}")
  interface Declined {}
}
