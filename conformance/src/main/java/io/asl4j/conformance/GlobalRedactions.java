package io.asl4j.conformance;

import java.util.regex.Pattern;

/**
 * The redactions the recorder applied to every snapshot, so that a runtime's own account, region,
 * partition and clock do not count as differences. They are idempotent, so applying them to an
 * already-redacted expected value changes nothing.
 */
final class GlobalRedactions {
  private GlobalRedactions() {}

  /**
   * An ISO-8601 date-time that is a real calendar date with an offset. The recorder left invalid
   * ones ({@code 2016-13-05T...}, {@code ...T25:29:29Z}, no offset) as they were, and so must we.
   */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(?:[1-9]\\d{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
              + "|(?:0[13578]|1[02])-31)|(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])"
              + "|(?:[2468][048]|[13579][26])00)-02-29)"
              + "T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?"
              + "(?:Z|[+-][01]\\d(?::?[0-5]\\d)?)");

  private static final Pattern PARTITION = Pattern.compile("arn:aws(?:-[a-z]+)*:");

  private static final Pattern REGION =
      Pattern.compile(
          "(?<![A-Za-z0-9-])(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso|-isob)?"
              + "-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d"
              + "(?![A-Za-z0-9-])");

  private static final Pattern ACCOUNT = Pattern.compile("(?<![A-Za-z0-9])\\d{12}(?![A-Za-z0-9])");

  /** {@code text} with date-times, partitions, regions and account ids redacted. */
  static String apply(String text) {
    String out = DATE_TIME.matcher(text).replaceAll("date");
    out = PARTITION.matcher(out).replaceAll("arn:<partition>:");
    out = REGION.matcher(out).replaceAll("<region>");
    return ACCOUNT.matcher(out).replaceAll("111111111111");
  }
}
