package io.asl4j.dsl.testing;

/** Small definitions the reader's and the validator's tests start from. */
public final class Machines {
  /** A Lambda function ARN that every reader and validator accepts. */
  public static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";

  private Machines() {}

  /**
   * A machine of one Task {@code A} that invokes {@link #LAMBDA} and ends, with {@code fields}
   * (each written {@code ,"Name":value}) appended to the state.
   */
  public static String task(String fields) {
    return "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\""
        + LAMBDA
        + "\",\"End\":true"
        + fields
        + "}}}";
  }
}
