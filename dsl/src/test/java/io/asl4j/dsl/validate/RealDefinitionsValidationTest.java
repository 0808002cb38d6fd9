package io.asl4j.dsl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What definitions written by real teams (AWS samples, SAM and CDK apps, Workflow Studio exports)
 * need from the validator: AWS's verdict, not a stricter or a looser one, and the checks users know
 * from the CDK.
 */
class RealDefinitionsValidationTest {

  // ---- resources
  // ----------------------------------------------------------------------------------

  @Test
  void serviceIntegrationsWithRegionAndAccountAreAcceptedInEveryPartition() {
    for (String resource :
        List.of(
            "arn:aws:states:us-east-1:123456789012:aws-sdk:transcribe:startTranscriptionJob",
            "arn:aws:states:us-east-1:123456789012:athena:startQueryExecution.sync",
            "arn:aws-cn:states:cn-north-1:123456789012:lambda:invoke",
            "arn:aws-us-gov:states:us-gov-west-1:123456789012:sqs:sendMessage",
            "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:athena:startQueryExecution.sync")) {
      assertProblems(task(resource, ""));
    }
  }

  @Test
  void anItemReaderWithRegionAndAccountIsAccepted() {
    assertProblems(
        distributedMap(
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:eu-west-1:123456789012:s3:getObject\","
                + " \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}"));
  }

  @Test
  void anUnclosedPlaceholderInAResourceIsRejectedAndNamed() {
    assertProblems(
        task("${lambdaArn", ""),
        "/States/Work/Resource: error [UnknownResource] The resource provided ${lambdaArn is not"
            + " recognized. The value is not a valid resource ARN, or the resource is not available"
            + " in this region. Here the placeholder '${lambdaArn' is not closed with '}'.");
  }

  @Test
  void literalRegionAndAccountWordsAreRejectedAndNamed() {
    assertProblems(
        task("arn:aws:lambda:REGION:ACCOUNT:function:charge", ""),
        "/States/Work/Resource: error [UnknownResource] The resource provided"
            + " arn:aws:lambda:REGION:ACCOUNT:function:charge is not recognized. The value is not a"
            + " valid resource ARN, or the resource is not available in this region. Here 'REGION'"
            + " stands where a region (us-east-1) or a 12-digit account id belongs; substitute it, or"
            + " write ${AWS::Region} and ${AWS::AccountId}.");
    assertProblems(
        task("arn:aws:states:us-east-1:ACCOUNT:activity:approve", ""),
        "/States/Work/Resource: error [UnknownResource] The resource provided"
            + " arn:aws:states:us-east-1:ACCOUNT:activity:approve is not recognized. The value is not"
            + " a valid resource ARN, or the resource is not available in this region. Here 'ACCOUNT'"
            + " stands where a region (us-east-1) or a 12-digit account id belongs; substitute it, or"
            + " write ${AWS::Region} and ${AWS::AccountId}.");
  }

  @Test
  void theTestStateApiTakesAnyWordsAsRegionAndAccountOfALambdaFunction() {
    ValidationResult result =
        Validator.validateStateJson(
            "{\"Type\": \"Task\", \"Resource\":"
                + " \"arn:aws:lambda:your-region:your-account-id:function:hello\", \"End\": true}",
            ValidationOptions.defaults());
    assertEquals(List.of(), lines(result));
  }

  // ---- ItemsPointer
  // -------------------------------------------------------------------------------

  @Test
  void readerConfigItemsPointerIsAcceptedAndWrittenBack() {
    String json =
        distributedMap(
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
                + " \"ReaderConfig\": {\"InputType\": \"JSON\", \"ItemsPointer\": \"/data/items\"},"
                + " \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}");
    assertProblems(json);
    assertEquals(
        "/data/items",
        io.asl4j.dsl.json.AslWriter.toJson(io.asl4j.dsl.json.AslReader.read(json))
            .at("/States/Each/ItemReader/ReaderConfig/ItemsPointer")
            .asText());
  }

  @Test
  void anItemsPointerThatIsNoJsonPointerIsRejected() {
    assertProblems(
        distributedMap(
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
                + " \"ReaderConfig\": {\"InputType\": \"JSON\", \"ItemsPointer\": \"data.items\"},"
                + " \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}"),
        "/States/Each/ItemReader/ReaderConfig/ItemsPointer: error [InvalidValue] 'ItemsPointer'"
            + " must be a JSON pointer such as \"/data/items\": it must be empty or start with '/'");
  }

  // ---- error names
  // --------------------------------------------------------------------------------

  @Test
  void catchingACustomStatesErrorThatAFailStateRaisesIsOnlyAWarning() {
    assertProblems(
        """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Parallel", "End": true,
                   "Branches": [{"StartAt": "Boom", "States": {
                     "Boom": {"Type": "Fail", "Error": "States.MyError", "Cause": "c"}}}],
                   "Retry": [{"ErrorEquals": ["States.MyError"], "MaxAttempts": 1}],
                   "Catch": [{"ErrorEquals": ["States.MyError"], "Next": "Handled"}]},
          "Handled": {"Type": "Succeed"}}}
        """,
        "/States/Work/Retry/0/ErrorEquals/0: warning [ReservedErrorName] 'States.MyError' is not a"
            + " predefined error but the Fail state at /States/Work/Branches/0/States/Boom raises it;"
            + " error names starting with 'States.' are reserved for AWS",
        "/States/Work/Catch/0/ErrorEquals/0: warning [ReservedErrorName] 'States.MyError' is not a"
            + " predefined error but the Fail state at /States/Work/Branches/0/States/Boom raises it;"
            + " error names starting with 'States.' are reserved for AWS");
  }

  @Test
  void catchingACustomStatesErrorThatNothingRaisesStaysAnError() {
    assertProblems(
        task(
            "arn:aws:states:::lambda:invoke",
            ", \"Catch\": [{\"ErrorEquals\": [\"States.Timout\"], \"Next\": \"Done\"}]",
            "\"Done\": {\"Type\": \"Succeed\"}"),
        "/States/Work/Catch/0/ErrorEquals/0: error [ReservedErrorName] 'States.Timout' is not a"
            + " predefined error; error names starting with 'States.' are reserved");
  }

  // ---- checks users know from the CDK
  // ---------------------------------------------------------------

  @Test
  void aCallbackTaskThatNeverPassesItsTokenIsWarnedAbout() {
    assertProblems(
        task(
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            ", \"Parameters\": {\"QueueUrl\": \"q\", \"MessageBody.$\": \"$.order\"}"),
        "/States/Work/Parameters: warning [TaskTokenNotPassed] a .waitForTaskToken task waits until"
            + " someone calls SendTaskSuccess or SendTaskFailure with its token, but its Parameters"
            + " never pass $$.Task.Token; the execution would wait until it times out");
  }

  @Test
  void aCallbackTaskPassingItsTokenInsideAnIntrinsicOrAnExpressionIsFine() {
    assertProblems(
        task(
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            ", \"Parameters\": {\"QueueUrl\": \"q\", \"MessageBody\": {\"Text.$\":"
                + " \"States.Format('token {}', $$.Task.Token)\"}}"));
    assertProblems(
        "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\":"
            + " \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
            + " \"Arguments\": {\"QueueUrl\": \"q\", \"MessageBody\":"
            + " \"{% $states.context.Task.Token %}\"}, \"End\": true}}}");
  }

  @Test
  void statesFormatWithMorePlaceholdersThanValuesIsAnErrorAsAtRunTime() {
    assertProblems(
        pass(", \"Parameters\": {\"greeting.$\": \"States.Format('Hello {} and {}', $.name)\"}"),
        "/States/Work/Parameters: error [IntrinsicArguments] States.Format's template has 2"
            + " placeholder(s) but 1 value(s) are given; the run would fail with"
            + " States.IntrinsicFailure: States.Format('Hello {} and {}', $.name)");
  }

  @Test
  void escapedBracesAndNestedCallsAreCountedAsTheRunCountsThem() {
    assertProblems(
        pass(
            ", \"Parameters\": {\"a.$\": \"States.Format('\\\\{\\\\} {}', $.x)\","
                + " \"b.$\": \"States.StringToJson(States.Format('{}{}', $.x))\"}"),
        "/States/Work/Parameters: error [IntrinsicArguments] States.Format's template has 2"
            + " placeholder(s) but 1 value(s) are given; the run would fail with"
            + " States.IntrinsicFailure: States.Format('{}{}', $.x)");
  }

  // ---- AWS's warnings
  // ----------------------------------------------------------------------------

  @Test
  void aPathUnderAKeyWithoutDollarIsWarnedAboutAsNoDollar() {
    assertProblems(
        pass(
            ", \"Parameters\": {\"order\": \"$.order\", \"id\": \"States.UUID()\", \"note\": \"$5\"}"),
        "/States/Work/Parameters/order: warning [NoDollar] '$.order' looks like a path or an"
            + " intrinsic function, but is passed as text because the field name does not end with"
            + " '.$'; name it 'order.$' to evaluate it",
        "/States/Work/Parameters/id: warning [NoDollar] 'States.UUID()' looks like a path or an"
            + " intrinsic function, but is passed as text because the field name does not end with"
            + " '.$'; name it 'id.$' to evaluate it");
  }

  @Test
  void aPathWhereAFieldTakesTextIsWarnedAboutAsNoPath() {
    assertProblems(
        """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Default": "Stop",
                    "Choices": [{"Variable": "$.a", "StringEquals": "$.b", "Next": "Stop"}]},
          "Stop": {"Type": "Fail", "Error": "$.error"}}}
        """,
        "/States/Check/Choices/0/StringEquals: warning [NoPath] '$.b' looks like a path, but"
            + " 'StringEquals' takes it as text; use 'StringEqualsPath' to read the value it selects",
        "/States/Stop/Error: warning [NoPath] '$.error' looks like a path, but 'Error' takes it as"
            + " text; use 'ErrorPath' to read the value it selects");
  }

  @Test
  void pathsInAPassResultAreWarnedAboutAsStatic() {
    assertProblems(
        pass(", \"Result\": {\"id.$\": \"$.id\", \"nested\": [\"$.x\"]}"),
        "/States/Work/Result/id.$: warning [PassResultIsStatic] a Pass state's Result is returned"
            + " as written, so 'id.$' is not evaluated; use Parameters to select from the input",
        "/States/Work/Result/nested/0: warning [PassResultIsStatic] a Pass state's Result is"
            + " returned as written, so '$.x' is not evaluated; use Parameters to select from the"
            + " input");
  }

  @Test
  void notReachableFromStartReadsAsASentence() {
    ValidationResult result =
        Validator.validateJson(
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"},"
                + " \"B\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}");
    assertEquals(
        List.of(
            "/States/B: warning [NotReachableFromStart] StartAt 'A' never leads to this state; only"
                + " states that are themselves out of reach name it"),
        lines(result));
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------

  private static String task(String resource, String fields, String... more) {
    return "{\"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\": \"Task\", \"Resource\": \""
        + resource
        + "\""
        + fields
        + (more.length == 0
            ? ", \"End\": true}"
            : ", \"Next\": \"Done\"}, " + String.join(", ", more))
        + "}}";
  }

  private static String pass(String fields) {
    return "{\"StartAt\": \"Work\", \"States\": {\"Work\": {\"Type\": \"Pass\""
        + fields
        + ", \"End\": true}}}";
  }

  private static String distributedMap(String itemReader) {
    return "{\"StartAt\": \"Each\", \"States\": {\"Each\": {\"Type\": \"Map\", "
        + itemReader
        + ", \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\":"
        + " \"STANDARD\"}, \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Succeed\"}}},"
        + " \"End\": true}}}";
  }

  private static void assertProblems(String json, String... expected) {
    assertEquals(List.of(expected), lines(Validator.validateJson(json)));
  }

  private static List<String> lines(ValidationResult result) {
    return result.problems().stream().map(Problem::toString).collect(Collectors.toList());
  }
}
