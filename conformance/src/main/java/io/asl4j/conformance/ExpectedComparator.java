package io.asl4j.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.regex.Pattern;

/**
 * Compares what a run produced with what AWS recorded, the way the corpus README says: objects
 * without regard to key order, numbers by value ({@code 1} equals {@code 1.0}), redaction tokens as
 * wildcards where the recorder put them, and the recorder's global redactions applied to the actual
 * value first.
 *
 * <pre>{@code
 * Comparison c = ExpectedComparator.forCase(conformanceCase).compare(ActualResult.succeeded(out));
 * if (!c.matches()) System.out.println(c.difference());
 * }</pre>
 *
 * <p>A redaction token stands for a string, and only where the recorder would have written it:
 *
 * <ul>
 *   <li>{@code date}, as a whole string: an ISO-8601 date-time;
 *   <li>{@code timestamp} (and {@code datetime}): any string under a key matching {@code
 *       /timestamp/i} ({@code /date|time/i});
 *   <li>{@code <uuid:N>}: a UUID; as a whole string, only under a key ending in {@code id};
 *   <li>{@code Date}, {@code RequestId}, {@code x-amzn-RequestId}, {@code X-Amzn-Trace-Id}, {@code
 *       x-amz-crc32}: the value of that key inside SDK HTTP metadata ({@code SdkHttpMetadata},
 *       {@code SdkResponseMetadata});
 *   <li>{@code snf_role_arn}: any string under a key ending in {@code RoleArn};
 *   <li>the case's own tokens and redaction literals, and the recorder's reference tokens ({@code
 *       <name:N>}, {@code <...idx>}): any string, or any text inside a string; a value a JSONPath
 *       transformer of the case replaced may have been of any type.
 * </ul>
 *
 * <p>An expected object matches a string holding its JSON text, since the recorder parsed strings
 * that start with <code>{</code>; every other JSON text (an array, say) it kept as a string, so an
 * expected array matches only an array.
 */
public final class ExpectedComparator {

  /** The whole-string tokens the recorder's global redactions write; each applies where it may. */
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

  /** The tokens that replace SDK HTTP metadata values: each stands for its own key's value. */
  private static final Set<String> HTTP_METADATA_TOKENS =
      Set.of(
          "date",
          "Date",
          "RequestId",
          "x-amzn-RequestId",
          "x-amzn-requestid",
          "X-Amzn-Trace-Id",
          "x-amz-crc32");

  private static final Set<String> HTTP_METADATA_KEYS =
      Set.of("SdkHttpMetadata", "SdkResponseMetadata");

  /** A reference token ({@code <uuid:1>}) or an ARN part token ({@code <ArnPart_0idx>}). */
  private static final Pattern RECORDER_TOKEN =
      Pattern.compile("<<?[A-Za-z0-9_-]+>?:\\d+>|<[A-Za-z0-9_]*Part\\d*_\\d+idx>");

  private static final Pattern UUID_TOKEN = Pattern.compile("<uuid:\\d+>");

  private static final String UUID_TEXT =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private static final Pattern UUID = Pattern.compile(UUID_TEXT);

  private static final int SHOWN_LENGTH = 160;

  private final ConformanceCase.Expected expected;
  private final JsonNode history;
  private final boolean branchOrderFree;

  /** The case's own tokens and literals: any string, or any text inside one. */
  private final Set<String> caseTokens;

  /** Those of them a JSONPath transformer wrote: they may stand for a value of any type. */
  private final Set<String> anyTypeTokens;

  private final List<String> inlineWildcards;

  private ExpectedComparator(
      ConformanceCase.Expected expected,
      JsonNode history,
      boolean branchOrderFree,
      Collection<String> tokens,
      Collection<String> literals,
      Collection<String> anyType) {
    this.expected = expected;
    this.history = history;
    this.branchOrderFree = branchOrderFree;
    Set<String> own = new HashSet<>(literals);
    tokens.stream().filter(t -> !GLOBAL_WILDCARDS.contains(t)).forEach(own::add);
    // What the global redactions write into the actual value too is compared as it stands.
    own.removeIf(t -> t.isEmpty() || t.contains("<partition>") || t.contains("<region>"));
    this.caseTokens = Set.copyOf(own);
    this.anyTypeTokens = Set.copyOf(anyType);
    // Longest first, so a literal that contains a shorter one is taken whole.
    this.inlineWildcards =
        own.stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(x -> x))
            .toList();
  }

  /** A comparator for {@code c}'s expected result, with its tokens and literals as wildcards. */
  public static ExpectedComparator forCase(ConformanceCase c) {
    List<String> literals = new ArrayList<>(c.redactionLiterals());
    List<String> anyType = new ArrayList<>();
    for (JsonNode transformer : c.snapshotTransformers()) {
      String replacement = transformer.path("replacement").asText("");
      if (replacement.isEmpty()) {
        continue;
      }
      literals.add(replacement);
      if ("JsonpathTransformer".equals(transformer.path("type").asText())) {
        anyType.add(replacement);
      }
    }
    return new ExpectedComparator(
        c.expected(),
        c.history(),
        c.reordersParallelBranches(),
        c.normalizedTokens(),
        literals,
        anyType);
  }

  /**
   * Compares two JSON values, outside any case, with {@code wildcards} read like a case's redaction
   * literals (whole-string and inline), besides the global tokens where they apply.
   */
  public static Comparison compareValues(
      JsonNode expected, JsonNode actual, Collection<String> wildcards) {
    ExpectedComparator comparator =
        new ExpectedComparator(null, null, false, List.of(), List.copyOf(wildcards), List.of());
    return comparator.compareNode("value", "", null, false, expected, actual);
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
      return compareNode("output", "", "output", false, expected.output().get(), actual.output());
    }
    Comparison error =
        compareOptional("error", expected.error().map(TextNode::valueOf), actual.error());
    return error.matches() ? compareOptional("cause", expected.cause(), actual.cause()) : error;
  }

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
   * Compares the runtime's history, oldest event first, each event as AWS's JSON ({@code id},
   * {@code previousEventId}, {@code timestamp}, {@code type} and the details), with the recorded
   * one, in the recording's order (see {@link #listsNewestFirst}): every event whole, its ids and
   * every detail AWS recorded, and no detail AWS did not record.
   *
   * <p>Where the recorder reordered Parallel branch events ({@code
   * SfnNoneRecursiveParallelTransformer}, which replaces their ids with arrays and their previous
   * ids with 0), the events from the first to the last reordered one are compared as a multiset,
   * without their ids, since concurrent branches have no order; the events around them still in
   * order, ids and all. Without a recorded history there is nothing to compare, and this matches.
   */
  public Comparison compareHistory(List<? extends JsonNode> actualEvents) {
    if (history == null) {
      return Comparison.match();
    }
    List<JsonNode> actual = new ArrayList<>(actualEvents);
    if (listsNewestFirst()) {
      java.util.Collections.reverse(actual);
    }
    List<JsonNode> recorded = new ArrayList<>();
    history.forEach(recorded::add);
    int firstReordered = -1;
    int lastReordered = -1;
    for (int i = 0; i < recorded.size(); i++) {
      // The recorder marks the events it reordered by replacing their id with an array.
      if (branchOrderFree && recorded.get(i).path("id").isArray()) {
        if (firstReordered < 0) {
          firstReordered = i;
        }
        lastReordered = i;
      }
    }
    if (branchOrderFree && firstReordered < 0) {
      firstReordered = 0;
      lastReordered = recorded.size() - 1;
    }
    String sizes = " (expected " + recorded.size() + " events, actual " + actual.size() + ")";
    int prefix = firstReordered < 0 ? recorded.size() : firstReordered;
    for (int i = 0; i < prefix; i++) {
      Comparison c =
          compareEvent(i, recorded.get(i), i < actual.size() ? actual.get(i) : null, sizes, true);
      if (!c.matches()) {
        return c;
      }
    }
    if (firstReordered < 0) {
      return actual.size() == recorded.size()
          ? Comparison.match()
          : compareEvent(prefix, null, actual.get(prefix), sizes, true);
    }
    // The reordering recorder also drops events from the span it reorders: the ids then skip.
    // Those lost events may be anything, so the actual span may hold up to that many more.
    int lostInRecording = Math.max(0, lastNumericId() - recorded.size());
    int lost = actual.size() - recorded.size();
    if (lost < 0 || lost > lostInRecording) {
      return Comparison.mismatch(
          "history: event count differs"
              + sizes
              + (lostInRecording > 0 ? ", the recording lost " + lostInRecording : ""));
    }
    for (int i = recorded.size() - 1; i > lastReordered; i--) {
      Comparison c = compareEvent(i + lost, recorded.get(i), actual.get(i + lost), sizes, true);
      if (!c.matches()) {
        return c;
      }
    }
    // Each recorded event of the span must match a distinct actual one, details and all.
    List<JsonNode> unmatched =
        new ArrayList<>(actual.subList(firstReordered, lastReordered + 1 + lost));
    List<String> missing = new ArrayList<>();
    for (int i = firstReordered; i <= lastReordered; i++) {
      JsonNode want = recorded.get(i);
      int found = -1;
      for (int j = 0; j < unmatched.size() && found < 0; j++) {
        if (compareEvent(i, want, unmatched.get(j), sizes, false).matches()) {
          found = j;
        }
      }
      if (found < 0) {
        missing.add(want.path("type").asText() + " " + show(detailsOf(want)));
      } else {
        unmatched.remove(found);
      }
    }
    if (missing.isEmpty() && unmatched.size() == lost) {
      return Comparison.match();
    }
    return Comparison.mismatch(
        "history: the Parallel branch events (#"
            + (firstReordered + 1)
            + " to #"
            + (lastReordered + 1)
            + ", compared without order) differ: no actual event matches "
            + missing
            + "; unmatched actual events "
            + unmatched.stream()
                .map(e -> e.path("type").asText() + " " + show(detailsOf(e)))
                .toList()
            + sizes);
  }

  private static JsonNode detailsOf(JsonNode event) {
    for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().endsWith("EventDetails")) {
        return field.getValue();
      }
    }
    return null;
  }

  /**
   * Compares one event: its type first (the clearest message), then the whole event, ids too when
   * {@code withIds}.
   */
  private Comparison compareEvent(
      int index, JsonNode exp, JsonNode act, String sizes, boolean withIds) {
    String part = "history: event #" + (index + 1);
    if (exp == null || act == null) {
      return Comparison.mismatch(
          part
              + " expected "
              + (exp == null ? "no event" : exp.path("type").asText())
              + " but was "
              + (act == null ? "no event" : act.path("type").asText())
              + sizes);
    }
    String type = exp.path("type").asText();
    if (!type.equals(act.path("type").asText())) {
      return Comparison.mismatch(
          part + " expected " + type + " but was " + act.path("type").asText() + sizes);
    }
    JsonNode want = exp;
    JsonNode got = act;
    if (!withIds) {
      ObjectNode w = exp.deepCopy();
      ObjectNode g = act.deepCopy();
      for (String id : List.of("id", "previousEventId")) {
        w.remove(id);
        g.remove(id);
      }
      want = w;
      got = g;
    }
    return compareNode(part + " (" + type + ")", "", null, false, want, got);
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
    return compareNode(part, "", part, false, expectedValue.get(), TextNode.valueOf(actual));
  }

  /**
   * Compares {@code act} with {@code exp} at {@code pointer}; {@code key} is the name of the
   * nearest enclosing object key (null at the top), {@code httpMetadata} whether the value is
   * inside SDK HTTP metadata, which decide where a global token applies.
   */
  private Comparison compareNode(
      String part, String pointer, String key, boolean httpMetadata, JsonNode exp, JsonNode act) {
    if (act.isTextual() && JSON_TEXT_DETAIL.matcher(pointer).matches()) {
      return compareJsonText(part, pointer, key, exp, act.textValue());
    }
    if (exp.isTextual()) {
      return compareText(part, pointer, key, httpMetadata, exp.textValue(), act);
    }
    if (exp.isObject() && act.isTextual() && act.textValue().startsWith("{")) {
      // The recorder parsed strings holding a JSON object; parse the actual one the same way.
      Optional<JsonNode> parsed = parse(act.textValue());
      if (parsed.isPresent() && parsed.get().isObject()) {
        return compareNode(part, pointer, key, httpMetadata, exp, parsed.get());
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
      Iterator<Map.Entry<String, JsonNode>> fields = exp.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = pointer + "/" + escape(field.getKey());
        JsonNode actualValue = act.get(field.getKey());
        if (actualValue == null) {
          return Comparison.mismatch(
              at(part, child) + ": expected " + show(field.getValue()) + " but the key is missing");
        }
        Comparison c =
            compareNode(
                part,
                child,
                field.getKey(),
                httpMetadata || HTTP_METADATA_KEYS.contains(field.getKey()),
                field.getValue(),
                actualValue);
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
        Comparison c =
            compareNode(part, pointer + "/" + i, key, httpMetadata, exp.get(i), act.get(i));
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

  /**
   * An event's {@code input}, {@code output} or {@code parameters}: JSON text, whose value counts,
   * not its spacing (AWS keeps an execution input's text as the caller wrote it; a runtime given
   * the parsed value cannot). The recorder parsed the texts that start with <code>{</code>.
   */
  private static final Pattern JSON_TEXT_DETAIL =
      Pattern.compile("/[A-Za-z]+EventDetails/(?:input|output|parameters)");

  private Comparison compareJsonText(
      String part, String pointer, String key, JsonNode exp, String act) {
    Optional<JsonNode> actual = parse(act);
    if (actual.isEmpty()) {
      return compareText(
          part,
          pointer,
          key,
          false,
          exp.isTextual() ? exp.textValue() : exp.toString(),
          TextNode.valueOf(act));
    }
    if (exp.isTextual()) {
      if (tokenApplies(exp.textValue(), key, false, TextNode.valueOf(act))
          || anyTypeTokens.contains(exp.textValue())) {
        return Comparison.match();
      }
      Optional<JsonNode> expected = parse(exp.textValue());
      if (expected.isEmpty() || expected.get().isObject()) {
        // A text the recorder left unparsed (a redaction broke it), or an object it kept as text.
        return compareText(part, pointer, key, false, exp.textValue(), TextNode.valueOf(act));
      }
      return compareNode(part, pointer, key, false, expected.get(), actual.get());
    }
    return compareNode(part, pointer, key, false, exp, actual.get());
  }

  private Comparison compareText(
      String part, String pointer, String key, boolean httpMetadata, String exp, JsonNode act) {
    if ((act.isTextual() && act.textValue().equals(exp))
        || tokenApplies(exp, key, httpMetadata, act)) {
      return Comparison.match();
    }
    if (!act.isTextual() && anyTypeTokens.contains(exp)) {
      return Comparison.match();
    }
    String redacted = GlobalRedactions.apply(exp);
    // A string that is one UUID token whole stands for a UUID only where the recorder put one.
    Pattern pattern = UUID_TOKEN.matcher(exp).matches() ? null : pattern(redacted);
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
    // A JSONPath transformer with a reference token replaced non-string values too: match their
    // JSON text.
    if (pattern != null
        && anyTypeTokens.stream().anyMatch(t -> exp.contains(t) || exp.contains("<" + t + ":"))
        && pattern.matcher(GlobalRedactions.apply(act.toString())).matches()) {
      return Comparison.match();
    }
    return differs(part, pointer, TextNode.valueOf(exp), act);
  }

  /**
   * Whether the whole-string token {@code exp} stands for {@code value} here: a string, or inside
   * SDK HTTP metadata the value of the token's own key (a header's list of strings).
   */
  private boolean tokenApplies(String exp, String key, boolean httpMetadata, JsonNode value) {
    if (httpMetadata
        && key != null
        && HTTP_METADATA_TOKENS.contains(exp)
        && key.equalsIgnoreCase(exp)) {
      if (value.isTextual()) {
        return true;
      }
      if (value.isArray() && value.size() > 0) {
        for (JsonNode element : value) {
          if (!element.isTextual()) {
            return false;
          }
        }
        return true;
      }
      return false;
    }
    if (!value.isTextual()) {
      return false;
    }
    String actual = value.textValue();
    if (caseTokens.contains(exp)) {
      return !UUID_TOKEN.matcher(exp).matches() || uuidApplies(key, actual);
    }
    if (UUID_TOKEN.matcher(exp).matches()) {
      return uuidApplies(key, actual);
    }
    if (RECORDER_TOKEN.matcher(exp).matches()) {
      return true;
    }
    return switch (exp) {
      case "date" -> GlobalRedactions.apply(actual).equals("date");
      case "timestamp" ->
          key != null && key.toLowerCase(java.util.Locale.ROOT).contains("timestamp");
      case "datetime" -> key != null && DATE_OR_TIME_KEY.matcher(key).find();
      case "snf_role_arn" ->
          key != null && key.toLowerCase(java.util.Locale.ROOT).endsWith("rolearn");
      default -> false;
    };
  }

  private static final Pattern DATE_OR_TIME_KEY = Pattern.compile("(?i)date|time");

  private static boolean uuidApplies(String key, String actual) {
    return key != null
        && key.toLowerCase(java.util.Locale.ROOT).endsWith("id")
        && UUID.matcher(actual).matches();
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
      if (found == null && exp.charAt(i) == '<') {
        java.util.regex.Matcher token = RECORDER_TOKEN.matcher(exp).region(i, exp.length());
        if (token.lookingAt()) {
          found = token.group();
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      String any = UUID_TOKEN.matcher(found).matches() ? UUID_TEXT : "[\\s\\S]*?";
      regex.append(Pattern.quote(exp.substring(literalStart, i))).append(any);
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
