package io.asl4j.dsl.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task, ItemReader or ResultWriter {@code Resource} ARN taken apart: the one place asl4j parses
 * resource ARNs. The validator, the runtime, the CDK policy derivation all read this form.
 *
 * <p>Parsing is about shape only: any partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov},
 * ...), any region and account segment (a template's {@code ${AWS::Region}} substituted by a CDK
 * token, the TestState API's {@code your-region}). Whether the region is a real region or the
 * integration exists is the validator's business.
 *
 * @param arn the resource as written
 * @param kind what the resource calls
 * @param partition {@code aws}, {@code aws-cn}, ...; {@code null} for {@link Kind#OTHER}
 * @param region the region segment, empty for the usual {@code arn:aws:states:::} integrations;
 *     {@code null} for {@link Kind#OTHER}
 * @param account the account segment, as {@code region}
 * @param service {@code lambda} for a function, {@code states} for an activity, the integration's
 *     service ({@code sns}, {@code aws-sdk:s3}) for a service integration; {@code null} for {@link
 *     Kind#OTHER}
 * @param action {@code invoke} for a function, the integration's action without its suffix ({@code
 *     publish}); {@code null} for activities and {@link Kind#OTHER}
 * @param name the function's (without its qualifier) or the activity's name; else {@code null}
 * @param qualifier a function's version or alias ({@code arn:...:function:f:prod}); else {@code
 *     null}
 * @param pattern the integration pattern asked for by the suffix; {@code REQUEST_RESPONSE} for
 *     functions and activities
 */
public record ResourceArn(
    String arn,
    Kind kind,
    String partition,
    String region,
    String account,
    String service,
    String action,
    String name,
    String qualifier,
    IntegrationPattern pattern) {

  /** What a resource calls. */
  public enum Kind {
    /** {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]}. */
    LAMBDA_FUNCTION,
    /** {@code arn:<partition>:states:<region>:<account>:activity:<name>}. */
    ACTIVITY,
    /**
     * {@code arn:<partition>:states:[<region>]:[<account>]:[aws-sdk:]<service>:<action>[.suffix]}:
     * an optimized or AWS SDK integration.
     */
    SERVICE_INTEGRATION,
    /** Anything else: no ARN, an unknown service, a whole {@code ${Name}} placeholder. */
    OTHER
  }

  /** The integration pattern, from the suffix of the resource ARN. */
  public enum IntegrationPattern {
    REQUEST_RESPONSE(""),
    SYNC(".sync"),
    SYNC2(".sync:2"),
    WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

    private final String suffix;

    IntegrationPattern(String suffix) {
      this.suffix = suffix;
    }

    /** The resource suffix that asks for this pattern ({@code ""} for request-response). */
    public String suffix() {
      return suffix;
    }
  }

  /** The prefix of a service integration's canonical form. */
  public static final String STATES_PREFIX = "arn:aws:states:::";

  private static final String SEGMENT = "[^:\\s]*";
  private static final String WORD = "[^:\\s]+";
  private static final Pattern LAMBDA_FUNCTION =
      Pattern.compile(
          "arn:("
              + WORD
              + "):lambda:("
              + SEGMENT
              + "):("
              + SEGMENT
              + "):function:("
              + WORD
              + ")(?::("
              + WORD
              + "))?");
  private static final Pattern ACTIVITY =
      Pattern.compile(
          "arn:(" + WORD + "):states:(" + SEGMENT + "):(" + SEGMENT + "):activity:(" + WORD + ")");
  private static final Pattern SERVICE_INTEGRATION =
      Pattern.compile(
          "arn:("
              + WORD
              + "):states:("
              + SEGMENT
              + "):("
              + SEGMENT
              + "):"
              + "((?:aws-sdk:)?[a-z0-9-]+):([A-Za-z0-9]+)"
              + "(\\.sync(?::2)?|\\.waitForTaskToken)?");

  /**
   * Parses {@code arn}; never fails: what is no known shape is {@link Kind#OTHER}. A segment may be
   * a CDK token ({@code ${Token[AWS.Region.9]}}); a {@code ${AWS::Region}} placeholder, whose
   * colons break the segments, makes the resource {@link Kind#OTHER} until it is substituted.
   */
  public static ResourceArn parse(String arn) {
    if (arn == null) {
      throw new NullPointerException("arn");
    }
    Matcher m = LAMBDA_FUNCTION.matcher(arn);
    if (m.matches()) {
      return new ResourceArn(
          arn,
          Kind.LAMBDA_FUNCTION,
          m.group(1),
          m.group(2),
          m.group(3),
          "lambda",
          "invoke",
          m.group(4),
          m.group(5),
          IntegrationPattern.REQUEST_RESPONSE);
    }
    m = ACTIVITY.matcher(arn);
    if (m.matches()) {
      return new ResourceArn(
          arn,
          Kind.ACTIVITY,
          m.group(1),
          m.group(2),
          m.group(3),
          "states",
          null,
          m.group(4),
          null,
          IntegrationPattern.REQUEST_RESPONSE);
    }
    m = SERVICE_INTEGRATION.matcher(arn);
    if (m.matches()) {
      return new ResourceArn(
          arn,
          Kind.SERVICE_INTEGRATION,
          m.group(1),
          m.group(2),
          m.group(3),
          m.group(4),
          m.group(5),
          null,
          null,
          pattern(m.group(6)));
    }
    return new ResourceArn(arn, Kind.OTHER, null, null, null, null, null, null, null, suffix(arn));
  }

  /** Whether this is an AWS SDK integration ({@code aws-sdk:<service>:<action>}). */
  public boolean isSdk() {
    return kind == Kind.SERVICE_INTEGRATION && service.startsWith("aws-sdk:");
  }

  /**
   * The service called, without the {@code aws-sdk:} of an SDK integration ({@code s3} for both
   * {@code s3:getObject} and {@code aws-sdk:s3:getObject}); {@code null} as {@link #service()}.
   */
  public String serviceName() {
    return isSdk() ? service.substring("aws-sdk:".length()) : service;
  }

  /**
   * The service integration as AWS documents it, whatever its partition, region and account: {@code
   * arn:aws:states:::<service>:<action>[.suffix]} (handlers and service fakes are registered by
   * this form); for every other kind, the resource as written.
   */
  public String canonical() {
    return kind == Kind.SERVICE_INTEGRATION
        ? STATES_PREFIX + service + ":" + action + pattern.suffix()
        : arn;
  }

  /** {@code <action>[.suffix]}: what history events record as a service integration's resource. */
  public String actionWithSuffix() {
    return action == null ? null : action + pattern.suffix();
  }

  /**
   * A function's ARN without its version or alias ({@code
   * arn:aws-cn:lambda:cn-north-1:1:function:f}), what IAM grants {@code lambda:InvokeFunction} on;
   * the resource as written for other kinds.
   */
  public String unqualifiedFunctionArn() {
    return kind == Kind.LAMBDA_FUNCTION
        ? "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + name
        : arn;
  }

  private static IntegrationPattern pattern(String suffix) {
    if (suffix == null) {
      return IntegrationPattern.REQUEST_RESPONSE;
    }
    return switch (suffix) {
      case ".sync" -> IntegrationPattern.SYNC;
      case ".sync:2" -> IntegrationPattern.SYNC2;
      default -> IntegrationPattern.WAIT_FOR_TASK_TOKEN;
    };
  }

  /** The pattern a resource of no known shape asks for, by its ending. */
  private static IntegrationPattern suffix(String arn) {
    if (arn.endsWith(".waitForTaskToken")) {
      return IntegrationPattern.WAIT_FOR_TASK_TOKEN;
    }
    if (arn.endsWith(".sync:2")) {
      return IntegrationPattern.SYNC2;
    }
    return arn.endsWith(".sync") ? IntegrationPattern.SYNC : IntegrationPattern.REQUEST_RESPONSE;
  }
}
