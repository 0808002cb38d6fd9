package io.asl4j.dsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.validate.Problem;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What every reported problem must carry: a tag, a message and a location that exists. */
public final class Located {
  private static final Pattern TAG = Pattern.compile("[A-Z][A-Za-z0-9]*");

  /** The problems that concern the document as a whole, and so have the pointer {@code ""}. */
  public static final Set<String> WHOLE_DOCUMENT_TAGS =
      Set.of("InvalidJson", "NotAnObject", "DefinitionTooLarge", "MissingField");

  private Located() {}

  /**
   * Checks each problem of a definition whose text is {@code text} and whose tree, when it is JSON,
   * is {@code tree} (else null).
   */
  public static void assertLocated(List<Problem> problems, JsonNode tree, String text) {
    assertLocated(problems, tree, text, text.length());
  }

  /**
   * As {@link #assertLocated(List, JsonNode, String)}, for a text described, {@code length} long.
   */
  public static void assertLocated(List<Problem> problems, JsonNode tree, String text, int length) {
    assertLocated(problems, tree, text, length, false);
  }

  /**
   * As {@link #assertLocated(List, JsonNode, String)} for one state (as TestState takes it): its
   * own problems are at {@code ""}, the state being the whole document.
   */
  public static void assertLocatedInState(List<Problem> problems, JsonNode tree, String text) {
    assertLocated(problems, tree, text, text.length(), true);
  }

  private static void assertLocated(
      List<Problem> problems, JsonNode tree, String text, int length, boolean state) {
    for (Problem problem : problems) {
      String pointer = problem.pointer();
      String where = problem + "\nin: " + abbreviate(text);
      assertTrue(TAG.matcher(problem.tag()).matches(), "tag: " + where);
      assertFalse(problem.message().isBlank(), "message: " + where);
      // A message may quote the definition, but never grows beyond it (no 10^9-digit numbers).
      assertTrue(
          problem.message().length() <= 2 * length + 1_000,
          () -> "message of " + problem.message().length() + " characters: " + abbreviate(where));
      assertTrue(isPointer(pointer), "pointer syntax: " + where);
      if (pointer.isEmpty() && !state) {
        assertTrue(WHOLE_DOCUMENT_TAGS.contains(problem.tag()), "whole-document problem: " + where);
      }
      if (tree == null) {
        assertEquals("", pointer, "the text is not JSON, so no pointer into it: " + where);
        assertTrue(
            problem.tag().equals("InvalidJson") || problem.tag().equals("NotAnObject"), where);
      } else {
        assertFalse(tree.at(pointer).isMissingNode(), "pointer names nothing: " + where);
      }
    }
  }

  /**
   * RFC 6901: empty, or {@code /}-separated segments where {@code ~} is {@code ~0} or {@code ~1}.
   */
  private static boolean isPointer(String pointer) {
    if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
      return false;
    }
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~'
          && (i + 1 >= pointer.length()
              || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1'))) {
        return false;
      }
    }
    return true;
  }

  /** The first and last characters of a long text, for failure messages. */
  public static String abbreviate(String text) {
    return text.length() <= 2_000
        ? text
        : text.substring(0, 1_000)
            + " [... "
            + (text.length() - 2_000)
            + " characters ...] "
            + text.substring(text.length() - 1_000);
  }
}
