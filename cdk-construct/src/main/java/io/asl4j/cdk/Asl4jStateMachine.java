package io.asl4j.cdk;

import io.asl4j.cdk.DefinitionSubstitutions.Binding;
import io.asl4j.cdk.internal.Grant;
import io.asl4j.cdk.internal.Placeholders;
import io.asl4j.cdk.internal.PolicyDeriver;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachineProps;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * An {@code AWS::StepFunctions::StateMachine} deploying an asl4j definition exactly as it was
 * tested, with an execution role holding only the statements its tasks need.
 *
 * <pre>{@code
 * Asl4jStateMachine orders = Asl4jStateMachine.Builder.create(this, "Orders")
 *     .definition(Asl4jDefinition.fromResource(OrdersStack.class, "/workflows/order-processing.asl.json"))
 *     .substitutions(DefinitionSubstitutions.builder()
 *         .function("ValidateOrderFn", validateOrder)
 *         .table("OrdersTable", orders)
 *         .build())
 *     .stateMachineType(StateMachineType.STANDARD)
 *     .build();
 * orders.grantStartExecution(api);
 * }</pre>
 *
 * <p>At synthesis the definition is validated by asl4j's {@code Validator} (for the chosen type),
 * every {@code ${Name}} placeholder must have a binding and every binding a placeholder; any error
 * throws one {@link Asl4jSynthesisException} listing all of them. The {@code DefinitionString} is
 * {@code AslWriter.write(model)}; bindings go to {@code DefinitionSubstitutions}.
 *
 * <p>Statements derived per task pattern:
 *
 * <table>
 *   <caption>Derived IAM</caption>
 *   <tr><th>Resource</th><th>actions</th><th>on</th></tr>
 *   <tr><td>Lambda ARN, {@code ${Fn}}, {@code lambda:invoke[.waitForTaskToken]}</td>
 *       <td>lambda:InvokeFunction</td><td>function ARN and {@code ARN:*}</td></tr>
 *   <tr><td>{@code dynamodb:getItem|putItem|updateItem|deleteItem}</td>
 *       <td>dynamodb:GetItem|PutItem|UpdateItem|DeleteItem</td><td>table</td></tr>
 *   <tr><td>{@code sqs:sendMessage}</td><td>sqs:SendMessage (+ kms:Decrypt,
 *       kms:GenerateDataKey* on a bound queue's key)</td><td>queue</td></tr>
 *   <tr><td>{@code sns:publish}</td><td>sns:Publish (+ KMS as for SQS)</td><td>topic</td></tr>
 *   <tr><td>{@code events:putEvents}</td><td>events:PutEvents</td>
 *       <td>each entry's bus (default bus when unnamed)</td></tr>
 *   <tr><td>{@code states:startExecution}</td><td>states:StartExecution</td><td>state machine</td></tr>
 *   <tr><td>… {@code .sync}, {@code .sync:2}</td>
 *       <td>+ states:DescribeExecution, states:StopExecution; events:PutTargets, PutRule,
 *       DescribeRule</td><td>its executions; rule
 *       StepFunctionsGetEventsForStepFunctionsExecutionRule</td></tr>
 *   <tr><td>{@code ecs:runTask[.sync]}</td><td>ecs:RunTask; iam:PassRole; (.sync) ecs:StopTask,
 *       ecs:DescribeTasks, events rule</td><td>task definition; its roles (a bound
 *       TaskDefinition) or * passed to ecs-tasks only; task/*; StepFunctionsGetEventsForECSTaskRule</td></tr>
 *   <tr><td>{@code glue:startJobRun[.sync]}</td><td>glue:StartJobRun (.sync: + GetJobRun,
 *       GetJobRuns, BatchStopJobRun)</td><td>job</td></tr>
 *   <tr><td>{@code batch:submitJob[.sync]}</td><td>batch:SubmitJob; (.sync) batch:DescribeJobs
 *       on *, batch:TerminateJob, events rule</td><td>job definition, job queue; job/*;
 *       StepFunctionsGetEventsForBatchJobsRule</td></tr>
 *   <tr><td>activity ARN, {@code ${Activity}}</td><td>none: Step Functions hands the task to the
 *       worker, which needs {@code states:GetActivityTask}</td><td></td></tr>
 *   <tr><td>{@code http:invoke}</td><td>states:InvokeHTTPEndpoint (conditions on method and
 *       endpoint); events:RetrieveConnectionCredentials; secretsmanager:GetSecretValue,
 *       DescribeSecret</td><td>this state machine; the connection; {@code events!connection/*}
 *       secrets</td></tr>
 *   <tr><td>distributed Map</td><td>states:StartExecution; states:DescribeExecution,
 *       StopExecution; ItemReader s3:GetObject or s3:ListBucket; ResultWriter s3:PutObject,
 *       GetObject, ListMultipartUploadParts, AbortMultipartUpload</td><td>this state machine; its
 *       executions; the object or bucket; {@code bucket/prefix*}</td></tr>
 *   <tr><td>{@code aws-sdk:service:action}</td><td>service:Action (IAM prefix where it differs:
 *       sfn→states, …)</td><td>resources named by bound or ARN-valued parameters, else * with a
 *       warning</td></tr>
 * </table>
 *
 * <p>A resource that is only known at run time ({@code "FunctionName.$"}, a JSONata expression)
 * widens the grant to every resource of that type in the account and region, and adds an {@code
 * [Asl4jWidenedPolicy]} warning naming the state. Give such a state's statements yourself with
 * {@link Builder#statePolicy}, or add statements with {@link #addToRolePolicy}.
 *
 * <p>A distributed Map or an {@code http:invoke} task needs the role to name the state machine
 * itself; without a {@link Builder#stateMachineName name}, one is generated from the construct path
 * so that the ARN is known without a circular reference.
 */
public final class Asl4jStateMachine extends Construct {
  private final software.amazon.awscdk.services.stepfunctions.StateMachine stateMachine;
  private final StateMachine model;
  private final String definitionString;
  private final List<PolicyStatement> derivedStatements;

  public Asl4jStateMachine(Construct scope, String id, Asl4jStateMachineProps props) {
    super(scope, id);
    List<Problem> errors = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();

    StateMachine machine = props.getDefinition().model();
    if (props.getTimeout() != null) {
      int seconds = props.getTimeout().toSeconds().intValue();
      Integer own = machine.timeoutSeconds();
      if (own != null && own != seconds) {
        errors.add(
            Problem.error(
                "Asl4jTimeoutConflict",
                "/TimeoutSeconds",
                "the definition says "
                    + own
                    + " s, the timeout property "
                    + seconds
                    + " s; drop one of them"));
      } else {
        machine = machine.withTimeoutSeconds(seconds);
      }
    }
    this.model = machine;

    StateMachineType type =
        props.getStateMachineType() == null
            ? StateMachineType.STANDARD
            : props.getStateMachineType();
    ValidationResult validation =
        Validator.validate(
            machine,
            ValidationOptions.forType(io.asl4j.dsl.model.StateMachineType.valueOf(type.name())));
    errors.addAll(validation.errors());
    warnings.addAll(validation.warnings());

    Map<String, Binding> bindings = props.getSubstitutions().bindings();
    Map<String, String> placeholders = Placeholders.find(AslWriter.toJson(machine));
    placeholders.forEach(
        (name, pointer) -> {
          if (!bindings.containsKey(name)) {
            errors.add(
                Problem.error(
                    "Asl4jUnboundPlaceholder",
                    pointer,
                    "placeholder ${"
                        + name
                        + "} is not bound to anything; "
                        + (bindings.isEmpty()
                            ? "no substitutions were given"
                            : "bound: " + describe(bindings))));
          }
        });
    bindings.forEach(
        (name, binding) -> {
          if (!placeholders.containsKey(name)) {
            errors.add(
                Problem.error(
                    "Asl4jUnusedSubstitution",
                    "",
                    "substitution ${"
                        + name
                        + "} ("
                        + binding.describe()
                        + ") is bound to nothing: the definition has no ${"
                        + name
                        + "} placeholder"
                        + (placeholders.isEmpty()
                            ? ""
                            : "; placeholders: "
                                + placeholders.keySet().stream()
                                    .map(p -> "${" + p + "}")
                                    .collect(Collectors.joining(", ")))));
          }
        });

    Set<String> stateNames = PolicyDeriver.stateNames(machine);
    for (String state : props.getStatePolicies().keySet()) {
      if (!stateNames.contains(state)) {
        errors.add(
            Problem.error(
                "Asl4jUnknownState",
                "",
                "statePolicy names '" + state + "', which is not a state of this definition"));
      }
    }

    String name = props.getStateMachineName();
    if (name == null && PolicyDeriver.needsOwnName(machine)) {
      name =
          Names.uniqueResourceName(this, UniqueResourceNameOptions.builder().maxLength(80).build());
    }

    Stack stack = Stack.of(this);
    PolicyDeriver.Result derived =
        PolicyDeriver.derive(
            machine,
            bindings,
            new PolicyDeriver.Env(stack.getPartition(), stack.getRegion(), stack.getAccount()),
            name,
            props.getStatePolicies().keySet());
    for (Problem problem : derived.problems()) {
      (problem.isError() ? errors : warnings).add(problem);
    }

    if (!errors.isEmpty()) {
      throw new Asl4jSynthesisException(
          getNode().getPath(), props.getDefinition().source(), errors);
    }
    for (Problem warning : warnings) {
      Annotations.of(this).addWarningV2("@asl4j/cdk:" + warning.tag(), warning.toString());
    }

    this.definitionString = AslWriter.write(machine);
    Map<String, String> substitutions = new LinkedHashMap<>();
    bindings.forEach((key, binding) -> substitutions.put(key, binding.value()));

    StateMachineProps.Builder cdk =
        StateMachineProps.builder()
            .definitionBody(DefinitionBody.fromString(definitionString))
            .stateMachineType(type);
    if (!substitutions.isEmpty()) {
      cdk.definitionSubstitutions(substitutions);
    }
    if (name != null) {
      cdk.stateMachineName(name);
    }
    if (props.getRole() != null) {
      cdk.role(props.getRole());
    }
    if (props.getLogs() != null) {
      cdk.logs(props.getLogs());
    }
    if (props.getTracingEnabled() != null) {
      cdk.tracingEnabled(props.getTracingEnabled());
    }
    this.stateMachine =
        new software.amazon.awscdk.services.stepfunctions.StateMachine(
            this, "Resource", cdk.build());

    List<PolicyStatement> statements = new ArrayList<>();
    for (Grant grant : derived.grants()) {
      PolicyStatement.Builder statement =
          PolicyStatement.Builder.create().actions(grant.actions()).resources(grant.resources());
      if (!grant.conditions().isEmpty()) {
        statement.conditions(grant.conditions());
      }
      statements.add(statement.build());
    }
    props.getStatePolicies().values().forEach(statements::addAll);
    statements.forEach(stateMachine::addToRolePolicy);
    this.derivedStatements = List.copyOf(statements);

    props.getTags().forEach((key, value) -> Tags.of(stateMachine).add(key, value));
  }

  private static String describe(Map<String, Binding> bindings) {
    return bindings.entrySet().stream()
        .map(e -> "${" + e.getKey() + "} (" + e.getValue().describe() + ")")
        .collect(Collectors.joining(", "));
  }

  /** The deployed state machine, for anything this construct does not wrap. */
  public IStateMachine getStateMachine() {
    return stateMachine;
  }

  public String getStateMachineArn() {
    return stateMachine.getStateMachineArn();
  }

  public String getStateMachineName() {
    return stateMachine.getStateMachineName();
  }

  /** The execution role (created or given). */
  public IRole getRole() {
    return stateMachine.getRole();
  }

  /** The model as deployed (with the {@code timeout} property applied). */
  public StateMachine getModel() {
    return model;
  }

  /** The {@code DefinitionString}: {@code AslWriter.write(getModel())}. */
  public String getDefinitionString() {
    return definitionString;
  }

  /** The statements added to the role from the definition and {@code statePolicy}. */
  public List<PolicyStatement> getDerivedStatements() {
    return derivedStatements;
  }

  /** Adds a statement to the execution role. */
  public void addToRolePolicy(PolicyStatement statement) {
    stateMachine.addToRolePolicy(statement);
  }

  public software.amazon.awscdk.services.iam.Grant grantStartExecution(IGrantable identity) {
    return stateMachine.grantStartExecution(identity);
  }

  public software.amazon.awscdk.services.iam.Grant grantStartSyncExecution(IGrantable identity) {
    return stateMachine.grantStartSyncExecution(identity);
  }

  public software.amazon.awscdk.services.iam.Grant grantRead(IGrantable identity) {
    return stateMachine.grantRead(identity);
  }

  public software.amazon.awscdk.services.iam.Grant grantTaskResponse(IGrantable identity) {
    return stateMachine.grantTaskResponse(identity);
  }

  public software.amazon.awscdk.services.iam.Grant grantRedriveExecution(IGrantable identity) {
    return stateMachine.grantRedriveExecution(identity);
  }

  /** Grants {@code actions} on this state machine's executions. */
  public software.amazon.awscdk.services.iam.Grant grantExecution(
      IGrantable identity, String... actions) {
    return stateMachine.grantExecution(identity, actions);
  }

  /** Grants {@code actions} on this state machine. */
  public software.amazon.awscdk.services.iam.Grant grant(IGrantable identity, String... actions) {
    return stateMachine.grant(identity, actions);
  }

  /** Builds an {@link Asl4jStateMachine}, CDK style. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private final Asl4jStateMachineProps.Builder props = Asl4jStateMachineProps.builder();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The definition to deploy (required). */
    public Builder definition(Asl4jDefinition definition) {
      props.definition(definition);
      return this;
    }

    /** Shorthand for {@code definition(Asl4jDefinition.fromModel(model))}. */
    public Builder definition(StateMachine model) {
      return definition(Asl4jDefinition.fromModel(model));
    }

    /** What the {@code ${Name}} placeholders become. Defaults to none. */
    public Builder substitutions(DefinitionSubstitutions substitutions) {
      props.substitutions(substitutions);
      return this;
    }

    /** STANDARD or EXPRESS. Defaults to STANDARD. */
    public Builder stateMachineType(StateMachineType type) {
      props.stateMachineType(type);
      return this;
    }

    /** Logging: log group, level, whether execution data is included. Defaults to none. */
    public Builder logs(LogOptions logs) {
      props.logs(logs);
      return this;
    }

    /** X-Ray tracing. Defaults to false. */
    public Builder tracingEnabled(Boolean enabled) {
      props.tracingEnabled(enabled);
      return this;
    }

    /** Sets the definition's {@code TimeoutSeconds}. Defaults to the definition's own. */
    public Builder timeout(Duration timeout) {
      props.timeout(timeout);
      return this;
    }

    /** Defaults to a generated name. */
    public Builder stateMachineName(String name) {
      props.stateMachineName(name);
      return this;
    }

    /** The execution role. Defaults to a new role holding the derived statements. */
    public Builder role(IRole role) {
      props.role(role);
      return this;
    }

    public Builder tags(Map<String, String> tags) {
      props.tags(tags);
      return this;
    }

    public Builder tag(String key, String value) {
      props.tag(key, value);
      return this;
    }

    /** See {@link Asl4jStateMachineProps.Builder#statePolicy}. */
    public Builder statePolicy(String stateName, PolicyStatement... statements) {
      props.statePolicy(stateName, statements);
      return this;
    }

    public Asl4jStateMachine build() {
      return new Asl4jStateMachine(scope, id, props.build());
    }
  }
}
