package io.asl4j.server.internal;

/** The ARNs this server gives its resources, and the checks AWS makes of the ARNs it is sent. */
final class Arns {
  private final String prefix;

  Arns(String region, String account) {
    this.prefix = "arn:aws:states:" + region + ":" + account + ":";
  }

  String stateMachine(String name) {
    return prefix + "stateMachine:" + name;
  }

  String activity(String name) {
    return prefix + "activity:" + name;
  }

  /**
   * The resource type of an ARN of this service ({@code stateMachine}, {@code execution}, {@code
   * express}, {@code activity}, {@code mapRun}), or an {@code InvalidArn} error as AWS words it.
   */
  static String resourceType(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 7 || !parts[0].equals("arn") || parts[2].isEmpty()) {
      throw new ApiException("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
    }
    if (!parts[2].equals("states")) {
      throw new ApiException("InvalidArn", "Invalid Arn: 'Invalid service in ARN: " + arn + "'");
    }
    return parts[5];
  }

  /** Refuses an ARN of another resource type than {@code expected} (one of several allowed). */
  static String expect(String arn, String... expected) {
    String type = resourceType(arn);
    for (String allowed : expected) {
      if (allowed.equals(type)) {
        return type;
      }
    }
    throw new ApiException(
        "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + type + "'");
  }
}
