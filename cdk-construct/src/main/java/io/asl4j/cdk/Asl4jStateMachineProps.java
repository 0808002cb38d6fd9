package io.asl4j.cdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/**
 * Properties of an {@link Asl4jStateMachine}. Only {@link Builder#definition definition} is
 * required.
 *
 * <pre>{@code
 * Asl4jStateMachineProps props = Asl4jStateMachineProps.builder()
 *     .definition(Asl4jDefinition.fromModel(OrderProcessingDefinition.stateMachine()))
 *     .substitutions(DefinitionSubstitutions.builder().function("ValidateOrderFn", fn).build())
 *     .stateMachineType(StateMachineType.EXPRESS)
 *     .build();
 * }</pre>
 */
public final class Asl4jStateMachineProps {
  private final Asl4jDefinition definition;
  private final DefinitionSubstitutions substitutions;
  private final StateMachineType stateMachineType;
  private final LogOptions logs;
  private final Boolean tracingEnabled;
  private final Duration timeout;
  private final String stateMachineName;
  private final IRole role;
  private final Map<String, String> tags;
  private final Map<String, List<PolicyStatement>> statePolicies;

  private Asl4jStateMachineProps(Builder builder) {
    this.definition = Objects.requireNonNull(builder.definition, "definition == null");
    this.substitutions = builder.substitutions;
    this.stateMachineType = builder.stateMachineType;
    this.logs = builder.logs;
    this.tracingEnabled = builder.tracingEnabled;
    this.timeout = builder.timeout;
    this.stateMachineName = builder.stateMachineName;
    this.role = builder.role;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
    this.statePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.statePolicies));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The definition to deploy. */
  public Asl4jDefinition getDefinition() {
    return definition;
  }

  /** What the {@code ${Name}} placeholders become. Defaults to none. */
  public DefinitionSubstitutions getSubstitutions() {
    return substitutions;
  }

  /** STANDARD or EXPRESS. Defaults to STANDARD. */
  public StateMachineType getStateMachineType() {
    return stateMachineType;
  }

  /** Where and what to log. Defaults to no logging. */
  public LogOptions getLogs() {
    return logs;
  }

  /** Whether X-Ray traces executions. Defaults to false. */
  public Boolean getTracingEnabled() {
    return tracingEnabled;
  }

  /** The definition's {@code TimeoutSeconds}. Defaults to the definition's own, if any. */
  public Duration getTimeout() {
    return timeout;
  }

  /** The state machine's name. Defaults to a CloudFormation-generated name. */
  public String getStateMachineName() {
    return stateMachineName;
  }

  /** The execution role. Defaults to a new role holding the derived statements. */
  public IRole getRole() {
    return role;
  }

  /** Tags of the state machine (and of the role it creates). Defaults to none. */
  public Map<String, String> getTags() {
    return tags;
  }

  /** Statements given per state, instead of the derived ones. Defaults to none. */
  public Map<String, List<PolicyStatement>> getStatePolicies() {
    return statePolicies;
  }

  /** Builds {@link Asl4jStateMachineProps}. */
  public static final class Builder {
    private Asl4jDefinition definition;
    private DefinitionSubstitutions substitutions = DefinitionSubstitutions.none();
    private StateMachineType stateMachineType;
    private LogOptions logs;
    private Boolean tracingEnabled;
    private Duration timeout;
    private String stateMachineName;
    private IRole role;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, List<PolicyStatement>> statePolicies = new LinkedHashMap<>();

    private Builder() {}

    public Builder definition(Asl4jDefinition definition) {
      this.definition = Objects.requireNonNull(definition, "definition == null");
      return this;
    }

    public Builder substitutions(DefinitionSubstitutions substitutions) {
      this.substitutions = Objects.requireNonNull(substitutions, "substitutions == null");
      return this;
    }

    public Builder stateMachineType(StateMachineType stateMachineType) {
      this.stateMachineType = stateMachineType;
      return this;
    }

    public Builder logs(LogOptions logs) {
      this.logs = logs;
      return this;
    }

    public Builder tracingEnabled(Boolean tracingEnabled) {
      this.tracingEnabled = tracingEnabled;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder stateMachineName(String stateMachineName) {
      this.stateMachineName = stateMachineName;
      return this;
    }

    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    /** Adds tags; a key given twice keeps the last value. */
    public Builder tags(Map<String, String> tags) {
      tags.forEach(
          (k, v) ->
              this.tags.put(
                  Objects.requireNonNull(k, "tag key == null"),
                  Objects.requireNonNull(v, "tag value == null")));
      return this;
    }

    public Builder tag(String key, String value) {
      return tags(Map.of(key, value));
    }

    /**
     * Gives the statements for state {@code stateName} (a Task, or a Map's reader, writer and child
     * executions) instead of deriving them; no widening warning is emitted for that state.
     */
    public Builder statePolicy(String stateName, PolicyStatement... statements) {
      Objects.requireNonNull(stateName, "stateName == null");
      statePolicies
          .computeIfAbsent(stateName, k -> new java.util.ArrayList<>())
          .addAll(List.of(statements));
      return this;
    }

    public Asl4jStateMachineProps build() {
      return new Asl4jStateMachineProps(this);
    }
  }
}
