package io.asl4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.TaskHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared workloads ({@code ../shared/bench/workloads/NAME.asl.json} and {@code
 * NAME.input.json}) and how asl4j runs them: every Task echoes its input, Waits cost nothing (the
 * default virtual clock jumps over them).
 */
public final class Workloads {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The echo handler registered for every Task resource. */
  public static final TaskHandler ECHO = (input, ctx) -> input;

  private Workloads() {}

  /**
   * The workloads folder: the system property {@code asl4j.bench.workloads}, else the first {@code
   * shared/bench/workloads} found beside the working directory or one of its parents.
   */
  public static Path dir() {
    String property = System.getProperty("asl4j.bench.workloads");
    if (property != null) {
      return Paths.get(property);
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      for (Path candidate :
          new Path[] {
            p.resolve("shared/bench/workloads"), p.resolve("../shared/bench/workloads")
          }) {
        if (Files.isDirectory(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "no shared/bench/workloads found; set -Dasl4j.bench.workloads=/path/to/shared/bench/workloads");
  }

  public static String definitionText(String name) {
    return read(dir().resolve(name + ".asl.json"));
  }

  public static JsonNode input(String name) {
    return parse(read(dir().resolve(name + ".input.json")));
  }

  /**
   * The output AWS gives for the workload's input, kept in this module ({@code
   * io/asl4j/bench/expected/NAME.output.json}): derived once from the definitions by the semantics
   * of Step Functions (echoing Tasks), not by running either interpreter, and checked against asl4j
   * by {@code WorkloadsTest}.
   */
  public static JsonNode expectedOutput(String name) {
    String resource = "expected/" + name + ".output.json";
    try (java.io.InputStream in = Workloads.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "no expected output for workload "
                + name
                + " (resource io/asl4j/bench/"
                + resource
                + ")");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads, validates and builds the machine, with the echo handler for every Task. */
  public static LocalStateMachine build(String definitionJson) {
    return LocalStateMachine.builder(AslReader.read(definitionJson))
        .handlerForPrefix("arn:", ECHO)
        .build();
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
