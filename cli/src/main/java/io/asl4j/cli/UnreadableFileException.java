package io.asl4j.cli;

/**
 * A file that cannot be used at all: missing, a directory, not text, not JSON. The message is one
 * line, starting with the file name, fit to print as it is.
 */
public final class UnreadableFileException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableFileException(String message) {
    super(message);
  }
}
