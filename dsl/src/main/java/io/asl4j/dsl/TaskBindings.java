package io.asl4j.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.StateMachine;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Java implementations bound to the Task states of one definition, as JSON functions by state name:
 * what a generated {@code <Workflow>Definition.tasks()} returns once its typed methods are called.
 * A runner binds them without the workflow's code depending on it: {@code
 * LocalStateMachine.bind(tasks)} in {@code asl4j-runtime}, {@code asl4j.bind(tasks)} in {@code
 * asl4j-junit}. That is why it lives in {@code dsl}: the processor runs on the main compilation,
 * where the runtime is usually only a test dependency.
 */
public interface TaskBindings {
  /** The state machine's name (for ARNs and {@code $$.StateMachine.Name}). */
  String machineName();

  /** The definition whose Task states these are. */
  StateMachine stateMachine();

  /** The {@code Resource} of each Task state that declares a typed contract, by state name. */
  Map<String, String> resources();

  /** The implementations bound so far, by state name: JSON in, JSON out. */
  Map<String, UnaryOperator<JsonNode>> byStateName();
}
