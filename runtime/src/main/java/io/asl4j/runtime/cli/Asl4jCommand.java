package io.asl4j.runtime.cli;

/** Placeholder entry point until the command line lands. */
public final class Asl4jCommand {
  private Asl4jCommand() {}

  public static void main(String[] args) {
    System.exit(2);
  }
}
