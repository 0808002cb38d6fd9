package io.asl4j.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cases found under a folder, and the files that could not be read as cases.
 *
 * <pre>{@code
 * ConformanceCases loaded = ConformanceCases.load(Path.of("../shared/conformance"));
 * }</pre>
 *
 * @param cases the well-formed cases, sorted by relative path
 * @param failures one failed outcome per malformed case file, sorted by relative path
 */
public record ConformanceCases(List<ConformanceCase> cases, List<CaseOutcome> failures) {

  // Trailing text after a JSON value makes it not JSON (a raw Lambda payload, a broken file).
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public ConformanceCases {
    cases = List.copyOf(cases);
    failures = List.copyOf(failures);
  }

  /**
   * Reads every {@code *.json} file under {@code dir}, at any depth. A malformed file becomes a
   * failure of that case rather than aborting the load, so one bad file costs one case.
   *
   * @throws IOException when the folder itself cannot be listed
   */
  public static ConformanceCases load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a folder: " + dir);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted(Comparator.comparing(ConformanceCases::relativePath))
              .toList();
    }
    List<ConformanceCase> cases = new ArrayList<>();
    List<CaseOutcome> failures = new ArrayList<>();
    for (Path file : files) {
      try {
        cases.add(read(file));
      } catch (IOException | RuntimeException e) {
        failures.add(malformed(file, e));
      }
    }
    return new ConformanceCases(cases, failures);
  }

  /** How many case files were found, well-formed or not. */
  public int size() {
    return cases.size() + failures.size();
  }

  /** The case with this id or key ({@code category/id}), if loaded. */
  public Optional<ConformanceCase> find(String idOrKey) {
    return cases.stream()
        .filter(c -> c.id().equals(idOrKey) || c.key().equals(idOrKey))
        .findFirst();
  }

  /** Reads one case file. */
  static ConformanceCase read(Path file) throws IOException {
    JsonNode doc = JSON.readTree(file.toFile());
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode expected = doc.get("expected");
    if (expected == null || !expected.isObject()) {
      throw new IllegalArgumentException("no 'expected' object");
    }
    Map<String, LambdaMock> lambdas = new LinkedHashMap<>();
    JsonNode lambdaNodes = doc.path("lambdas");
    if (!lambdaNodes.isMissingNode() && !lambdaNodes.isObject()) {
      throw new IllegalArgumentException("'lambdas' is not an object");
    }
    lambdaNodes
        .properties()
        .forEach(e -> lambdas.put(e.getKey(), LambdaMock.fromJson(e.getKey(), e.getValue())));
    JsonNode history = doc.get("history");
    if (history != null && !history.isArray()) {
      throw new IllegalArgumentException("'history' is not an array");
    }
    return new ConformanceCase(
        requiredText(doc, "id"),
        requiredText(doc, "category"),
        folder(file),
        relativePath(file),
        texts(doc, "queryLanguages"),
        optionalText(doc, "stateMachineType"),
        nonNull(doc.get("definition")),
        doc.get("input"),
        optionalText(doc, "inputRaw"),
        new ConformanceCase.Expected(
            Optional.ofNullable(optionalText(expected, "status")),
            Optional.ofNullable(expected.get("output")),
            expected.path("outputUnparsed").asBoolean(false),
            Optional.ofNullable(optionalText(expected, "error")),
            Optional.ofNullable(expected.get("cause")),
            expected),
        history,
        lambdas,
        texts(doc, "normalizedTokens"),
        texts(doc, "redactionLiterals"),
        nodes(doc, "snapshotTransformers"),
        optionalText(doc.path("source"), "trust"),
        doc);
  }

  private static CaseOutcome malformed(Path file, Exception e) {
    String name = file.getFileName().toString();
    String folder = folder(file);
    String id = folder + "/" + name.substring(0, name.length() - ".json".length());
    Path category = file.toAbsolutePath().getParent().getParent();
    return new CaseOutcome(
        category == null || category.getFileName() == null ? "" : category.getFileName().toString(),
        folder,
        id,
        relativePath(file),
        false,
        "malformed case file: " + Optional.ofNullable(e.getMessage()).orElse(e.toString()));
  }

  // The corpus is laid out category/folder/file.json; naming a case by those three parts keeps its
  // path the same whether the whole corpus or one category was loaded.
  private static String relativePath(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    int n = abs.getNameCount();
    return abs.subpath(Math.max(0, n - 3), n).toString().replace('\\', '/');
  }

  private static String folder(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
  }

  private static String requiredText(JsonNode doc, String field) {
    String value = optionalText(doc, field);
    if (value == null) {
      throw new IllegalArgumentException("no '" + field + "' string");
    }
    return value;
  }

  private static String optionalText(JsonNode doc, String field) {
    JsonNode value = doc.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' is not a string");
    }
    return value.textValue();
  }

  private static List<String> texts(JsonNode doc, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : nodes(doc, field)) {
      if (!n.isTextual()) {
        throw new IllegalArgumentException("'" + field + "' holds a non-string");
      }
      out.add(n.textValue());
    }
    return out;
  }

  private static List<JsonNode> nodes(JsonNode doc, String field) {
    JsonNode value = doc.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("'" + field + "' is not an array");
    }
    List<JsonNode> out = new ArrayList<>();
    value.forEach(out::add);
    return out;
  }

  private static JsonNode nonNull(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }
}
