package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.services.internal.Aws;
import io.asl4j.runtime.services.internal.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared by the service tests: JSON with single quotes, one-Task machines, the seeded ids. */
final class Fixtures {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final String DATE = "Wed, 1 Jan 2025 00:00:00 GMT";
  static final long SEED = 7;

  private Fixtures() {}

  /** JSON written with single quotes for readability. */
  static JsonNode json(String singleQuoted) {
    JsonNode node = Aws.parseOrNull(singleQuoted.replace('\'', '"'));
    if (node == null) {
      throw new IllegalArgumentException("not JSON: " + singleQuoted);
    }
    return node;
  }

  /** The ids an {@code AwsServices.create(SEED)} hands out, in order. */
  static List<String> ids(int count) {
    Ids ids = new Ids(SEED);
    List<String> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(ids.uuid());
    }
    return list;
  }

  /** A machine of one Task state calling {@code resource} with {@code parameters}. */
  static String task(String resource, String parameters) {
    return ("{'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'"
            + resource
            + "',"
            + "'Parameters':"
            + parameters
            + ",'End':true}}}")
        .replace('\'', '"');
  }

  static LocalStateMachine machine(String definition, AwsServices services) {
    return LocalStateMachine.builder(definition.replace('\'', '"'))
        .services(services)
        .virtualClock(START)
        .build();
  }

  static Execution run(String definition, AwsServices services, String input) {
    return machine(definition, services).run(json(input));
  }

  /** A machine of one Task state calling {@code resource} with {@code parameters}, run once. */
  static Execution runTask(String resource, String parameters, AwsServices services, String input) {
    return run(task(resource, parameters), services, input);
  }

  /**
   * The cause the optimized integrations give for a service's error, as the AWS SDK for Java v1
   * words it: {@code message}, then the service, status, error code and the first request id.
   */
  static String sdkV1Cause(String message, String service, int status, String errorCode) {
    return String.format(
        "%s (Service: %s; Status Code: %d; Error Code: %s; Request ID: %s; Proxy: null)",
        message, service, status, errorCode, ids(1).get(0));
  }

  /**
   * The cause the {@code aws-sdk:} integrations give for a service's error, as the AWS SDK for Java
   * v2 words it: {@code message}, then the service, status and the first request id.
   */
  static String sdkV2Cause(String message, String service, int status) {
    return String.format(
        "%s (Service: %s, Status Code: %d, Request ID: %s)",
        message, service, status, ids(1).get(0));
  }
}
