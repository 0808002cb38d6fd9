package io.asl4j.cli;

/** The exit statuses every asl4j command uses. */
public final class ExitStatus {
  /** Done; every definition valid (warnings allowed). */
  public static final int OK = 0;

  /** A definition is invalid, or what was asked for did not succeed. */
  public static final int INVALID = 1;

  /** A usage error, or a file that cannot be read as JSON at all. */
  public static final int UNUSABLE = 2;

  private ExitStatus() {}
}
