package io.asl4j.examples.loan;

import io.asl4j.examples.loan.LoanApplication.CreditRequest;
import io.asl4j.examples.loan.LoanApplication.CreditScore;
import io.asl4j.examples.loan.LoanApplication.Disbursement;
import io.asl4j.examples.loan.LoanApplication.Transfer;
import java.util.Map;

/** The loan's Lambda functions, typed Java: a fixed table of scores stands in for the bureau. */
public final class LoanTasks {
  private LoanTasks() {}

  static final Map<String, Integer> SCORES = Map.of("prime", 780, "fair", 640, "poor", 510);

  public static CreditScore creditCheck(CreditRequest request) {
    return new CreditScore(SCORES.getOrDefault(request.applicant(), 600));
  }

  public static Transfer disburse(Disbursement disbursement) {
    return new Transfer("TRX-" + disbursement.applicant() + "-" + (long) disbursement.amount());
  }
}
