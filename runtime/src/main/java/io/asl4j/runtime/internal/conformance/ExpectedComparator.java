package io.asl4j.runtime.internal.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Compares what a run produced with what AWS recorded, the way the corpus README says: objects
 * without regard to key order, numbers by value ({@code 1} equals {@code 1.0}), redaction tokens as
 * wildcards, and the recorder's global redactions applied to the actual value first.
 *
 * <pre>{@code
 * Comparison c = ExpectedComparator.forCase(conformanceCase).compare(ActualResult.succeeded(out));
 * if (!c.matches()) System.out.println(c.difference());
 * }</pre>
 *
 * <p>Expected strings are read as follows. A string that is entirely a wildcard literal ({@code
 * date}, {@code timestamp}, {@code RequestId}, a case's redaction literal, ...) matches any value.
 * Inside other strings each redaction token ({@code <uuid:1>}, {@code <json-input:1>}, ...) and
 * each redaction literal of the case matches any text. An expected object or array matches a string
 * holding its JSON text, since the recorder parsed such strings.
 */
public final class ExpectedComparator {

  /** The whole-string wildcards every case shares: the recorder's global replacement literals. */
  public static final Set<String> GLOBAL_WILDCARDS =
      Set.of(
          "date",
          "timestamp",
          "datetime",
          "Date",
          "RequestId",
          "x-amzn-RequestId",
          "x-amzn-requestid",
          "X-Amzn-Trace-Id",
          "x-amz-crc32",
          "snf_role_arn");

  private static final int SHOWN_LENGTH = 160;

  private final ConformanceCase.Expected expected;
  private final JsonNode history;
  private final boolean branchOrderFree;
  private final Set<String> wholeWildcards;
  private final List<String> inlineWildcards;

  private ExpectedComparator(
      ConformanceCase.Expected expected,
      JsonNode history,
      boolean branchOrderFree,
      Collection<String> tokens,
      Collection<String> literals) {
    this.expected = expected;
    this.history = history;
    this.branchOrderFree = branchOrderFree;
    Set<String> whole = new HashSet<>(GLOBAL_WILDCARDS);
    whole.addAll(tokens);
    whole.addAll(literals);
    this.wholeWildcards = Set.copyOf(whole);
    Set<String> inline = new HashSet<>(literals);
    tokens.stream().filter(t -> t.startsWith("<") && t.endsWith(">")).forEach(inline::add);
    inline.remove("");
    // Longest first, so a literal that contains a shorter one is taken whole.
    this.inlineWildcards =
        inline.stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
            .toList();
  }

  /** A comparator for {@code c}'s expected result, with its tokens and literals as wildcards. */
  public static ExpectedComparator forCase(ConformanceCase c) {
    return new ExpectedComparator(
        c.expected(),
        c.history(),
        c.reordersParallelBranches(),
        c.normalizedTokens(),
        c.redactionLiterals());
  }

  /**
   * Compares two JSON values, outside any case, with {@code wildcards} read like a case's redaction
   * literals (whole-string and inline), besides {@link #GLOBAL_WILDCARDS}.
   */
  public static Comparison compareValues(
      JsonNode expected, JsonNode actual, Collection<String> wildcards) {
    ExpectedComparator comparator =
        new ExpectedComparator(null, null, false, List.of(), List.copyOf(wildcards));
    return comparator.compareNode("value", "", expected, actual);
  }

  /**
   * Compares a run's result with the expected one: the status, then the output of a successful run
   * or the error and cause of any other. An expected part that is absent is only matched by an
   * absent actual part (error and cause); an absent expected output is not compared.
   */
  public Comparison compare(ActualResult actual) {
    String expectedStatus = expected.status().orElse(null);
    if (!Objects.equals(expectedStatus, actual.status())) {
      return Comparison.mismatch(
          "status: expected " + expectedStatus + " but was " + actual.status() + describe(actual));
    }
    if ("SUCCEEDED".equals(actual.status())) {
      if (expected.output().isEmpty()) {
        return Comparison.match();
      }
      if (actual.output() == null) {
        return Comparison.mismatch(
            "output: expected " + show(expected.output().get()) + " but was none");
      }
      return compareNode("output", "", expected.output().get(), actual.output());
    }
    Comparison error =
        compareOptional("error", expected.error().map(TextNode::valueOf), actual.error());
    return error.matches() ? compareOptional("cause", expected.cause(), actual.cause()) : error;
  }

  /**
   * Compares the sequence of history event types with the recorded one. Where the recorder
   * reordered Parallel branch events ({@code SfnNoneRecursiveParallelTransformer}), the events from
   * the first to the last reordered one are compared as a multiset, since concurrent branches have
   * no order; the events around them still in order. Without a recorded history there is nothing to
   * compare, and this matches.
   */
  /** The largest plain event id in the recorded history (reordered events have array ids). */
  private int lastNumericId() {
    int max = 0;
    for (JsonNode event : history) {
      if (event.path("id").isIntegralNumber()) {
        max = Math.max(max, event.path("id").intValue());
      }
    }
    return max;
  }

  /**
   * Whether the recorded history lists the newest event first, as GetExecutionHistory with {@code
   * reverseOrder} does: its event ids descend.
   */
  public boolean listsNewestFirst() {
    Integer first = null;
    int last = 0;
    for (JsonNode event : history == null ? List.<JsonNode>of() : history) {
      if (event.path("id").isIntegralNumber()) {
        last = event.path("id").intValue();
        if (first == null) {
          first = last;
        }
      }
    }
    return first != null && first > last;
  }

  /**
   * Compares the runtime's history, oldest event first, with the recorded one, in the recording's
   * order (see {@link #listsNewestFirst}).
   */
  public Comparison compareHistory(List<String> actualEventTypes) {
    if (history == null) {
      return Comparison.match();
    }
    if (listsNewestFirst()) {
      actualEventTypes = new ArrayList<>(actualEventTypes);
      java.util.Collections.reverse(actualEventTypes);
    }
    List<String> expectedTypes = new ArrayList<>();
    int firstReordered = -1;
    int lastReordered = -1;
    for (JsonNode event : history) {
      // The recorder marks the events it reordered by replacing their id with an array.
      if (branchOrderFree && event.path("id").isArray()) {
        if (firstReordered < 0) {
          firstReordered = expectedTypes.size();
        }
        lastReordered = expectedTypes.size();
      }
      expectedTypes.add(event.path("type").asText());
    }
    if (branchOrderFree && firstReordered < 0) {
      firstReordered = 0;
      lastReordered = expectedTypes.size() - 1;
    }
    String sizes =
        " (expected " + expectedTypes.size() + " events, actual " + actualEventTypes.size() + ")";
    int prefix = firstReordered < 0 ? expectedTypes.size() : firstReordered;
    for (int i = 0; i < prefix; i++) {
      if (i >= actualEventTypes.size() || !expectedTypes.get(i).equals(actualEventTypes.get(i))) {
        return eventMismatch(i, expectedTypes.get(i), actualEventTypes, sizes);
      }
    }
    if (firstReordered < 0) {
      return actualEventTypes.size() == expectedTypes.size()
          ? Comparison.match()
          : eventMismatch(prefix, null, actualEventTypes, sizes);
    }
    // The reordering recorder also drops events from the span it reorders: the ids then skip.
    // Those lost events may be anything, so the actual span may hold up to that many more.
    int lostInRecording = Math.max(0, lastNumericId() - expectedTypes.size());
    int lost = actualEventTypes.size() - expectedTypes.size();
    if (lost < 0 || lost > lostInRecording) {
      return Comparison.mismatch(
          "history: event count differs"
              + sizes
              + (lostInRecording > 0 ? ", the recording lost " + lostInRecording : ""));
    }
    for (int i = expectedTypes.size() - 1; i > lastReordered; i--) {
      if (!expectedTypes.get(i).equals(actualEventTypes.get(i + lost))) {
        return eventMismatch(i + lost, expectedTypes.get(i), actualEventTypes, sizes);
      }
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = firstReordered; i <= lastReordered; i++) {
      counts.merge(expectedTypes.get(i), 1, Integer::sum);
    }
    for (int i = firstReordered; i <= lastReordered + lost; i++) {
      counts.merge(actualEventTypes.get(i), -1, Integer::sum);
    }
    int extra = 0;
    for (int n : counts.values()) {
      extra += n < 0 ? -n : 0;
    }
    if (lost > 0 && extra == lost && counts.values().stream().noneMatch(n -> n > 0)) {
      return Comparison.match();
    }
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    counts.forEach(
        (type, n) -> {
          if (n > 0) {
            missing.add(type + " x" + n);
          } else if (n < 0) {
            unexpected.add(type + " x" + -n);
          }
        });
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return Comparison.match();
    }
    return Comparison.mismatch(
        "history: the Parallel branch events (#"
            + (firstReordered + 1)
            + " to #"
            + (lastReordered + 1)
            + ", compared without order) differ: missing "
            + missing
            + ", unexpected "
            + unexpected
            + sizes);
  }

  private static Comparison eventMismatch(
      int index, String expectedType, List<String> actual, String sizes) {
    String actualType = index < actual.size() ? actual.get(index) : "no event";
    return Comparison.mismatch(
        "history: event #"
            + (index + 1)
            + " expected "
            + (expectedType == null ? "no event" : expectedType)
            + " but was "
            + actualType
            + sizes);
  }

  private Comparison compareOptional(String part, Optional<JsonNode> expectedValue, String actual) {
    if (expectedValue.isEmpty()) {
      return actual == null
          ? Comparison.match()
          : Comparison.mismatch(part + ": expected none but was " + show(TextNode.valueOf(actual)));
    }
    if (actual == null) {
      return Comparison.mismatch(
          part + ": expected " + show(expectedValue.get()) + " but was none");
    }
    return compareNode(part, "", expectedValue.get(), TextNode.valueOf(actual));
  }

  private Comparison compareNode(String part, String pointer, JsonNode exp, JsonNode act) {
    if (exp.isTextual()) {
      return compareText(part, pointer, exp.textValue(), act);
    }
    if (exp.isContainerNode() && act.isTextual()) {
      // The recorder parsed strings holding JSON; parse the actual one the same way.
      Optional<JsonNode> parsed = parse(act.textValue());
      if (parsed.isPresent() && parsed.get().isContainerNode()) {
        return compareNode(part, pointer, exp, parsed.get());
      }
      return differs(part, pointer, exp, act);
    }
    if (exp.isNumber()) {
      return act.isNumber() && exp.decimalValue().compareTo(act.decimalValue()) == 0
          ? Comparison.match()
          : differs(part, pointer, exp, act);
    }
    if (exp.isObject()) {
      if (!act.isObject()) {
        return differs(part, pointer, exp, act);
      }
      Iterator<Map.Entry<String, JsonNode>> fields = exp.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = pointer + "/" + escape(field.getKey());
        JsonNode actualValue = act.get(field.getKey());
        if (actualValue == null) {
          return Comparison.mismatch(
              at(part, child) + ": expected " + show(field.getValue()) + " but the key is missing");
        }
        Comparison c = compareNode(part, child, field.getValue(), actualValue);
        if (!c.matches()) {
          return c;
        }
      }
      Iterator<String> names = act.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!exp.has(name)) {
          return Comparison.mismatch(
              at(part, pointer + "/" + escape(name))
                  + ": unexpected key, with value "
                  + show(act.get(name)));
        }
      }
      return Comparison.match();
    }
    if (exp.isArray()) {
      if (!act.isArray()) {
        return differs(part, pointer, exp, act);
      }
      for (int i = 0; i < Math.min(exp.size(), act.size()); i++) {
        Comparison c = compareNode(part, pointer + "/" + i, exp.get(i), act.get(i));
        if (!c.matches()) {
          return c;
        }
      }
      return exp.size() == act.size()
          ? Comparison.match()
          : Comparison.mismatch(
              at(part, pointer)
                  + ": expected "
                  + exp.size()
                  + " elements but was "
                  + act.size()
                  + ": "
                  + show(act));
    }
    return exp.equals(act) ? Comparison.match() : differs(part, pointer, exp, act);
  }

  private Comparison compareText(String part, String pointer, String exp, JsonNode act) {
    if (wholeWildcards.contains(exp)) {
      return Comparison.match();
    }
    String redacted = GlobalRedactions.apply(exp);
    Pattern pattern = pattern(redacted);
    if (act.isTextual()) {
      String actual = GlobalRedactions.apply(act.textValue());
      if (pattern == null) {
        return actual.equals(redacted)
            ? Comparison.match()
            : textDiffers(part, pointer, redacted, actual);
      }
      return pattern.matcher(actual).matches()
          ? Comparison.match()
          : differs(part, pointer, TextNode.valueOf(exp), act);
    }
    // A redaction with a reference token replaced non-string values too: match their JSON text.
    if (pattern != null && pattern.matcher(GlobalRedactions.apply(act.toString())).matches()) {
      return Comparison.match();
    }
    return differs(part, pointer, TextNode.valueOf(exp), act);
  }

  /** The pattern an expected string stands for, or {@code null} when it holds no wildcard. */
  private Pattern pattern(String exp) {
    StringBuilder regex = new StringBuilder();
    int literalStart = 0;
    boolean wild = false;
    int i = 0;
    while (i < exp.length()) {
      String found = null;
      for (String w : inlineWildcards) {
        if (exp.startsWith(w, i)) {
          found = w;
          break;
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      regex.append(Pattern.quote(exp.substring(literalStart, i))).append("[\\s\\S]*?");
      wild = true;
      i += found.length();
      literalStart = i;
    }
    if (!wild) {
      return null;
    }
    regex.append(Pattern.quote(exp.substring(literalStart)));
    return Pattern.compile(regex.toString());
  }

  private static Optional<JsonNode> parse(String text) {
    try {
      return Optional.ofNullable(ConformanceCases.JSON.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Comparison differs(String part, String pointer, JsonNode exp, JsonNode act) {
    return Comparison.mismatch(
        at(part, pointer) + ": expected " + show(exp) + " but was " + show(act));
  }

  // Long strings (causes, payloads) are shown around their first difference, where it matters.
  private static Comparison textDiffers(String part, String pointer, String exp, String act) {
    if (exp.length() <= SHOWN_LENGTH && act.length() <= SHOWN_LENGTH) {
      return differs(part, pointer, TextNode.valueOf(exp), TextNode.valueOf(act));
    }
    int first = 0;
    while (first < Math.min(exp.length(), act.length()) && exp.charAt(first) == act.charAt(first)) {
      first++;
    }
    int from = Math.max(0, first - 40);
    return Comparison.mismatch(
        at(part, pointer)
            + ": strings differ from character "
            + first
            + ": expected "
            + window(exp, from)
            + " but was "
            + window(act, from));
  }

  private static String window(String text, int from) {
    int to = Math.min(text.length(), from + SHOWN_LENGTH / 2);
    return (from > 0 ? "..." : "")
        + TextNode.valueOf(text.substring(from, to))
        + (to < text.length() ? "..." : "");
  }

  private static String at(String part, String pointer) {
    return pointer.isEmpty() ? part : part + " at " + pointer;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String describe(ActualResult actual) {
    if (actual.output() != null) {
      return ", with output " + show(actual.output());
    }
    if (actual.error() == null && actual.cause() == null) {
      return "";
    }
    return ", with error "
        + show(actual.error() == null ? null : TextNode.valueOf(actual.error()))
        + " and cause "
        + show(actual.cause() == null ? null : TextNode.valueOf(actual.cause()));
  }

  private static String show(JsonNode value) {
    if (value == null) {
      return "none";
    }
    String text = value.toString();
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "...";
  }
}
