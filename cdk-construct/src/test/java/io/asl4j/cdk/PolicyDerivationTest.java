package io.asl4j.cdk;

import static io.asl4j.cdk.CdkTests.parse;
import static io.asl4j.cdk.CdkTests.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueAttributes;
import software.amazon.awscdk.services.stepfunctions.Activity;
import software.amazon.awscdk.services.stepfunctions.StateMachine;

/** One test per task pattern: the role's policy holds exactly the expected statements. */
class PolicyDerivationTest {
  private static final String P = "arn:${AWS::Partition}";
  private static final String FN = "arn:aws:lambda:eu-west-1:123456789012:function:validate";

  @BeforeAll
  static void requireNode() {
    CdkTests.assumeNodeJs();
  }

  private static Template deploy(
      Stack stack, String states, DefinitionSubstitutions substitutions) {
    return deploy(stack, states, substitutions, b -> {});
  }

  private static Template deploy(
      Stack stack,
      String states,
      DefinitionSubstitutions substitutions,
      Consumer<Asl4jStateMachine.Builder> more) {
    Asl4jStateMachine.Builder builder =
        Asl4jStateMachine.Builder.create(stack, "Sm")
            .definition(
                Asl4jDefinition.fromString("{\"StartAt\":\"A\",\"States\":{" + states + "}}"))
            .substitutions(substitutions);
    more.accept(builder);
    builder.build();
    return CdkTests.template(stack);
  }

  private static void assertStatements(Template template, String expected) {
    assertEquals(parse(expected), statements(template));
  }

  private static void assertWidenedWarning(Stack stack, String pointer, String containing) {
    Annotations.fromStack(stack)
        .hasWarning(
            "/Test/Sm",
            Match.stringLikeRegexp(
                pointer + ": warning \\[Asl4jWidenedPolicy\\] .*" + containing + ".*"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        FN,
        "arn:aws-cn:lambda:cn-north-1:123456789012:function:validate",
        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:validate"
      })
  void lambdaArnGrantsInvokeOnTheFunctionAndItsVersionsInItsOwnPartition(String function) {
    // given a qualified function ARN, when deployed, then the grant is on the unqualified ARN
    Template template =
        deploy(
            CdkTests.stack(),
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"" + function + ":live\",\"End\":true}",
            DefinitionSubstitutions.none());
    assertStatements(
        template,
        """
        [{"Action":["lambda:InvokeFunction"],"Resource":["%s","%s:*"]}]"""
            .formatted(function, function));
  }

  @Test
  void lambdaPlaceholderBoundToAFunctionGrantsOnThatFunction() {
    Stack stack = CdkTests.stack();
    Function fn =
        Function.Builder.create(stack, "Validate")
            .runtime(software.amazon.awscdk.services.lambda.Runtime.NODEJS_24_X)
            .handler("index.handler")
            .code(
                software.amazon.awscdk.services.lambda.Code.fromInline(
                    "exports.handler=async e=>e"))
            .build();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"${ValidateFn}\",\"End\":true}",
            DefinitionSubstitutions.builder().function("ValidateFn", fn).build());
    String id =
        stack.getLogicalId((software.amazon.awscdk.CfnElement) fn.getNode().getDefaultChild());
    assertStatements(
        template,
        """
        [{"Action":["lambda:InvokeFunction"],"Resource":["${%1$s.Arn}","${%1$s.Arn}:*"]}]"""
            .formatted(id));
    template.hasResourceProperties(
        "AWS::StepFunctions::StateMachine",
        java.util.Map.of(
            "DefinitionSubstitutions",
            java.util.Map.of(
                "ValidateFn", java.util.Map.of("Fn::GetAtt", java.util.List.of(id, "Arn")))));
  }

  @Test
  void lambdaInvokeIntegrationGrantsOnTheNamedFunction() {
    Template template =
        deploy(
            CdkTests.stack(),
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"notify\",\"Payload.$\":\"$\"},\"End\":true}",
            DefinitionSubstitutions.none());
    assertStatements(
        template,
        """
        [{"Action":["lambda:InvokeFunction"],"Resource":[
          "%1$s:lambda:eu-west-1:123456789012:function:notify",
          "%1$s:lambda:eu-west-1:123456789012:function:notify:*"]}]"""
            .formatted(P));
  }

  @Test
  void dynamicFunctionNameWidensToTheAccountsFunctionsWithAWarning() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
                + "\"Parameters\":{\"FunctionName.$\":\"$.fn\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}",
            DefinitionSubstitutions.none());
    assertStatements(
        template,
        """
        [{"Action":["lambda:InvokeFunction"],"Resource":[
          "%1$s:lambda:eu-west-1:123456789012:function:*",
          "%1$s:lambda:eu-west-1:123456789012:function:*:*"]}]"""
            .formatted(P));
    assertWidenedWarning(stack, "/States/A", "FunctionName");
  }

  @Test
  void dynamodbItemActionsAreGrantedOnTheTable() {
    Stack stack = CdkTests.stack();
    String task =
        "\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:%s\","
            + "\"Parameters\":{\"TableName\":\"${Orders}\",\"Key\":{\"id\":{\"S.$\":\"$.id\"}}}";
    Template template =
        deploy(
            stack,
            "\"A\":{"
                + task.formatted("getItem")
                + ",\"Next\":\"B\"},"
                + "\"B\":{"
                + task.formatted("putItem")
                + ",\"Next\":\"C\"},"
                + "\"C\":{"
                + task.formatted("updateItem")
                + ",\"Next\":\"D\"},"
                + "\"D\":{"
                + task.formatted("deleteItem")
                + ",\"End\":true}",
            DefinitionSubstitutions.builder()
                .table("Orders", Table.fromTableName(stack, "T", "orders"))
                .build());
    String table = P + ":dynamodb:eu-west-1:123456789012:table/orders";
    assertStatements(
        template,
        """
        [{"Action":["dynamodb:GetItem"],"Resource":["%1$s"]},
         {"Action":["dynamodb:PutItem"],"Resource":["%1$s"]},
         {"Action":["dynamodb:UpdateItem"],"Resource":["%1$s"]},
         {"Action":["dynamodb:DeleteItem"],"Resource":["%1$s"]}]"""
            .formatted(table));
  }

  @Test
  void sqsSendMessageIsGrantedOnTheQueueAndItsKey() {
    Stack stack = CdkTests.stack();
    String key = "arn:aws:kms:eu-west-1:123456789012:key/1234";
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                + "\"Parameters\":{\"QueueUrl\":\"${Jobs}\",\"MessageBody.$\":\"$\"},\"End\":true}",
            DefinitionSubstitutions.builder()
                .queue(
                    "Jobs",
                    Queue.fromQueueAttributes(
                        stack,
                        "Q",
                        QueueAttributes.builder()
                            .queueArn("arn:aws:sqs:eu-west-1:123456789012:jobs")
                            .keyArn(key)
                            .build()))
                .build());
    assertStatements(
        template,
        """
        [{"Action":["sqs:SendMessage"],"Resource":["arn:aws:sqs:eu-west-1:123456789012:jobs"]},
         {"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":["%s"]}]"""
            .formatted(key));
  }

  @Test
  void snsPublishIsGrantedOnTheTopic() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sns:publish\","
                + "\"Parameters\":{\"TopicArn\":\"${Audit}\",\"Message.$\":\"$\"},\"End\":true}",
            DefinitionSubstitutions.builder()
                .topic(
                    "Audit",
                    Topic.fromTopicArn(stack, "T", "arn:aws:sns:eu-west-1:123456789012:audit"))
                .build());
    assertStatements(
        template,
        """
        [{"Action":["sns:Publish"],"Resource":["arn:aws:sns:eu-west-1:123456789012:audit"]}]""");
  }

  @Test
  void putEventsIsGrantedOnEachEntrysBusAndTheDefaultBus() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\","
                + "\"Parameters\":{\"Entries\":["
                + "{\"EventBusName\":\"${Orders}\",\"Source\":\"shop\",\"DetailType\":\"x\",\"Detail\":{}},"
                + "{\"Source\":\"shop\",\"DetailType\":\"y\",\"Detail\":{}}]},\"End\":true}",
            DefinitionSubstitutions.builder()
                .eventBus(
                    "Orders",
                    EventBus.fromEventBusArn(
                        stack, "B", "arn:aws:events:eu-west-1:123456789012:event-bus/orders"))
                .build());
    assertStatements(
        template,
        """
        [{"Action":["events:PutEvents"],"Resource":[
          "arn:aws:events:eu-west-1:123456789012:event-bus/orders",
          "%s:events:eu-west-1:123456789012:event-bus/default"]}]"""
            .formatted(P));
  }

  @Test
  void startExecutionSyncAddsExecutionAndManagedRulePermissions() {
    Stack stack = CdkTests.stack();
    String child = "arn:aws:states:eu-west-1:123456789012:stateMachine:child";
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution\","
                + "\"Parameters\":{\"StateMachineArn\":\"${Child}\"},\"Next\":\"B\"},"
                + "\"B\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync:2\","
                + "\"Parameters\":{\"StateMachineArn\":\"${Child}\"},\"End\":true}",
            DefinitionSubstitutions.builder()
                .stateMachine("Child", StateMachine.fromStateMachineArn(stack, "C", child))
                .build());
    assertStatements(
        template,
        """
        [{"Action":["states:StartExecution"],"Resource":["%s"]},
         {"Action":["states:DescribeExecution","states:StopExecution"],
          "Resource":["arn:aws:states:eu-west-1:123456789012:execution:child:*"]},
         {"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],
          "Resource":["%s:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"]}]"""
            .formatted(child, P));
  }

  @Test
  void ecsRunTaskSyncGrantsRunStopDescribePassRoleAndTheManagedRule() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::ecs:runTask.sync\","
                + "\"Parameters\":{\"Cluster\":\"c\",\"TaskDefinition\":\"report\"},\"End\":true}",
            DefinitionSubstitutions.none());
    assertStatements(
        template,
        """
        [{"Action":["ecs:RunTask"],"Resource":["%1$s:ecs:eu-west-1:123456789012:task-definition/report:*"]},
         {"Action":["iam:PassRole"],"Resource":["*"],
          "Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}},
         {"Action":["ecs:StopTask","ecs:DescribeTasks"],"Resource":["%1$s:ecs:eu-west-1:123456789012:task/*"]},
         {"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],
          "Resource":["%1$s:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"]}]"""
            .formatted(P));
    assertWidenedWarning(stack, "/States/A", "iam:PassRole");
  }

  @Test
  void glueStartJobRunSyncGrantsRunAndPollOnTheJob() {
    Template template =
        deploy(
            CdkTests.stack(),
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::glue:startJobRun.sync\","
                + "\"Parameters\":{\"JobName\":\"nightly\"},\"End\":true}",
            DefinitionSubstitutions.none());
    assertStatements(
        template,
        """
        [{"Action":["glue:StartJobRun","glue:GetJobRun","glue:GetJobRuns","glue:BatchStopJobRun"],
          "Resource":["%s:glue:eu-west-1:123456789012:job/nightly"]}]"""
            .formatted(P));
  }

  @Test
  void batchSubmitJobSyncGrantsSubmitDescribeTerminateAndTheManagedRule() {
    Template template =
        deploy(
            CdkTests.stack(),
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::batch:submitJob.sync\","
                + "\"Parameters\":{\"JobName\":\"j\",\"JobDefinition\":\"render\","
                + "\"JobQueue\":\"arn:aws:batch:eu-west-1:123456789012:job-queue/q\"},\"End\":true}",
            DefinitionSubstitutions.none());
    assertStatements(
        template,
        """
        [{"Action":["batch:SubmitJob"],"Resource":[
           "%1$s:batch:eu-west-1:123456789012:job-definition/render:*",
           "arn:aws:batch:eu-west-1:123456789012:job-queue/q"]},
         {"Action":["batch:DescribeJobs"],"Resource":["*"]},
         {"Action":["batch:TerminateJob"],"Resource":["%1$s:batch:eu-west-1:123456789012:job/*"]},
         {"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],
          "Resource":["%1$s:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForBatchJobsRule"]}]"""
            .formatted(P));
  }

  @Test
  void activityNeedsNoStatementInTheRole() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"${Approve}\",\"Next\":\"B\"},"
                + "\"B\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:eu-west-1:123456789012:activity:review\",\"End\":true}",
            DefinitionSubstitutions.builder()
                .activity("Approve", Activity.Builder.create(stack, "Act").build())
                .build());
    template.resourceCountIs("AWS::IAM::Policy", 0);
  }

  @Test
  void httpInvokeIsAuthorisedOnThisStateMachineForItsMethodAndEndpoint() {
    Template template =
        deploy(
            CdkTests.stack(),
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::http:invoke\","
                + "\"Parameters\":{\"ApiEndpoint\":\"https://api.example.com/orders\",\"Method\":\"POST\","
                + "\"Authentication\":{\"ConnectionArn\":\"${Conn}\"}},\"End\":true}",
            DefinitionSubstitutions.builder()
                .arn("Conn", "arn:aws:events:eu-west-1:123456789012:connection/example/abc")
                .build(),
            b -> b.stateMachineName("orders"));
    assertStatements(
        template,
        """
        [{"Action":["states:InvokeHTTPEndpoint"],
          "Resource":["%1$s:states:eu-west-1:123456789012:stateMachine:orders"],
          "Condition":{"StringEquals":{"states:HTTPMethod":"POST"},
                       "StringLike":{"states:HTTPEndpoint":"https://api.example.com/orders*"}}},
         {"Action":["events:RetrieveConnectionCredentials"],
          "Resource":["arn:aws:events:eu-west-1:123456789012:connection/example/abc"]},
         {"Action":["secretsmanager:GetSecretValue","secretsmanager:DescribeSecret"],
          "Resource":["%1$s:secretsmanager:eu-west-1:123456789012:secret:events!connection/*"]}]"""
            .formatted(P));
  }

  private static final String DISTRIBUTED_MAP =
      "\"A\":{\"Type\":\"Map\",\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\","
          + "\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
          + "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"JSON\"},"
          + "\"Parameters\":{\"Bucket\":\"${Data}\",\"Key\":\"in/orders.json\"}},"
          + "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\","
          + "\"Parameters\":{\"Bucket\":\"${Data}\",\"Prefix\":\"out/\"}},\"End\":true}";

  @Test
  void distributedMapStartsItsOwnExecutionsReadsItemsAndWritesResults() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            DISTRIBUTED_MAP,
            DefinitionSubstitutions.builder()
                .bucket("Data", Bucket.fromBucketName(stack, "D", "data"))
                .build(),
            b -> b.stateMachineName("orders"));
    assertStatements(
        template,
        """
        [{"Action":["states:StartExecution"],"Resource":["%1$s:states:eu-west-1:123456789012:stateMachine:orders"]},
         {"Action":["states:DescribeExecution","states:StopExecution"],
          "Resource":["%1$s:states:eu-west-1:123456789012:execution:orders/*"]},
         {"Action":["s3:GetObject"],"Resource":["%1$s:s3:::data/in/orders.json"]},
         {"Action":["s3:PutObject","s3:GetObject","s3:ListMultipartUploadParts","s3:AbortMultipartUpload"],
          "Resource":["%1$s:s3:::data/out/*"]}]"""
            .formatted(P));
  }

  @Test
  void distributedMapWithoutANameGetsAGeneratedOneAndNoCycle() {
    Stack stack = CdkTests.stack();
    deploy(stack, DISTRIBUTED_MAP, DefinitionSubstitutions.builder().value("Data", "data").build());
    // given no name, when synthesized with the cycle check on, then the role names the machine
    Template template = Template.fromStack(stack);
    String name =
        CdkTests.onlyResource(template, "AWS::StepFunctions::StateMachine")
            .path("StateMachineName")
            .asText();
    assertEquals("TestSm", name.substring(0, 6), name);
    assertEquals(
        P + ":states:eu-west-1:123456789012:stateMachine:" + name,
        statements(template).get(0).path("Resource").get(0).asText());
  }

  @Test
  void awsSdkCallIsGrantedOnTheBoundTableAndItsIndexes() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:dynamodb:query\","
                + "\"Parameters\":{\"TableName\":\"${Orders}\",\"IndexName\":\"byCustomer\","
                + "\"KeyConditionExpression\":\"c = :c\"},\"End\":true}",
            DefinitionSubstitutions.builder()
                .table(
                    "Orders",
                    Table.fromTableArn(
                        stack, "T", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"))
                .build());
    assertStatements(
        template,
        """
        [{"Action":["dynamodb:Query"],"Resource":[
          "arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
          "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/*"]}]""");
  }

  @Test
  void awsSdkCallWithoutAResourceWidensToStarWithAWarning() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sfn:listStateMachines\","
                + "\"Parameters\":{},\"End\":true}",
            DefinitionSubstitutions.none());
    assertStatements(
        template, "[{\"Action\":[\"states:ListStateMachines\"],\"Resource\":[\"*\"]}]");
    assertWidenedWarning(stack, "/States/A", "aws-sdk:sfn:listStateMachines");
  }

  @Test
  void statePolicyReplacesTheDerivedStatementsAndTheWarning() {
    Stack stack = CdkTests.stack();
    Template template =
        deploy(
            stack,
            "\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sfn:listStateMachines\","
                + "\"Parameters\":{},\"End\":true}",
            DefinitionSubstitutions.none(),
            b ->
                b.statePolicy(
                    "A",
                    PolicyStatement.Builder.create()
                        .actions(java.util.List.of("states:ListStateMachines"))
                        .resources(
                            java.util.List.of(
                                "arn:aws:states:eu-west-1:123456789012:stateMachine:*"))
                        .build()));
    assertStatements(
        template,
        """
        [{"Action":["states:ListStateMachines"],
          "Resource":["arn:aws:states:eu-west-1:123456789012:stateMachine:*"]}]""");
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  }

  @Test
  void userStatementsAreAddedNextToTheDerivedOnes() {
    Stack stack = CdkTests.stack();
    Asl4jStateMachine sm =
        Asl4jStateMachine.Builder.create(stack, "Sm")
            .definition(
                Asl4jDefinition.fromString(
                    "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\""
                        + FN
                        + "\",\"End\":true}}}"))
            .build();
    sm.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(java.util.List.of("s3:GetObject"))
            .resources(java.util.List.of("arn:aws:s3:::config/*"))
            .build());
    assertStatements(
        CdkTests.template(stack),
        """
        [{"Action":["lambda:InvokeFunction"],"Resource":["%1$s","%1$s:*"]},
         {"Action":["s3:GetObject"],"Resource":["arn:aws:s3:::config/*"]}]"""
            .formatted(FN));
  }
}
