package io.asl4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.asl4j.dsl.builder.Catch;
import io.asl4j.dsl.builder.Chain;
import io.asl4j.dsl.builder.Choice;
import io.asl4j.dsl.builder.Errors;
import io.asl4j.dsl.builder.Fail;
import io.asl4j.dsl.builder.JsonPaths;
import io.asl4j.dsl.builder.MapState;
import io.asl4j.dsl.builder.NumberPath;
import io.asl4j.dsl.builder.ObjectPath;
import io.asl4j.dsl.builder.Parallel;
import io.asl4j.dsl.builder.Pass;
import io.asl4j.dsl.builder.Payload;
import io.asl4j.dsl.builder.Resource;
import io.asl4j.dsl.builder.Retry;
import io.asl4j.dsl.builder.StringPath;
import io.asl4j.dsl.builder.Succeed;
import io.asl4j.dsl.builder.Task;
import io.asl4j.dsl.builder.Wait;
import io.asl4j.dsl.builder.Workflow;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The annotated versions of the seed workflows ({@code src/test/java/.../golden}) compile to the
 * hand-written ASL in {@code src/test/resources/golden}, byte for byte, and to exactly what the
 * builder ({@code io.asl4j.dsl.builder}) writes for the same workflows, the ones of the builder's
 * own golden tests ({@code dsl/src/test/resources/golden}).
 */
class GoldenTest {
  private static final Path SOURCES = Path.of("src/test/java/io/asl4j/processor/golden");
  private static Compilation compilation;

  @BeforeAll
  static void compileSeeds() throws MalformedURLException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name :
        List.of(
            "Order", "OrderWorkflow", "OrderProcessingDemo", "ProcessAllOrders", "HumanApproval")) {
      sources.add(JavaFileObjects.forResource(SOURCES.resolve(name + ".java").toUri().toURL()));
    }
    compilation = javac().withProcessors(new WorkflowProcessor()).compile(sources);
  }

  @Test
  void seedWorkflowsCompileWithoutWarnings() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"OrderWorkflow", "OrderProcessingDemo", "ProcessAllOrders", "HumanApproval"})
  void seedWorkflowCompilesToItsHandWrittenAsl(String workflow) throws IOException {
    // given: golden/<workflow>.asl.json, written by hand from the seed
    String golden = golden(workflow + ".asl.json");

    // then
    assertThat(compilation)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT,
            "META-INF/asl4j/io/asl4j/processor/golden/" + workflow + ".asl.json")
        .contentsAsUtf8String()
        .isEqualTo(golden);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"OrderWorkflow", "OrderProcessingDemo", "ProcessAllOrders", "HumanApproval"})
  void seedWorkflowCompilesToTheBuildersAslByteForByte(String workflow) {
    // given: the same workflow, built with the typed builder
    String builderAsl = AslWriter.write(builderVersion(workflow));

    // then
    assertThat(compilation)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT,
            "META-INF/asl4j/io/asl4j/processor/golden/" + workflow + ".asl.json")
        .contentsAsUtf8String()
        .isEqualTo(builderAsl);
  }

  /** The builder versions, as in {@code dsl/src/test/java/io/asl4j/dsl/builder/GoldenTest.java}. */
  static StateMachine builderVersion(String workflow) {
    String lambda = "arn:aws:lambda:us-east-1:123:function:";
    switch (workflow) {
      case "OrderWorkflow":
        {
          ObjectPath input = JsonPaths.input();
          Task.JsonPath sendFailureNotification =
              Task.jsonPath("SendFailureNotification").resource(lambda + "SendFailureNotification");
          Fail.JsonPath sendPaymentFailed =
              Fail.jsonPath("SendPaymentFailed")
                  .error("PaymentFailed")
                  .cause("The payment was not approved");
          Parallel.JsonPath fulfillOrder =
              Parallel.jsonPath("FulfillOrder")
                  .branch(Task.jsonPath("UpdateInventory").resource(lambda + "UpdateInventory"))
                  .branch(Task.jsonPath("SendConfirmationEmail").resource(lambda + "SendEmail"));
          return Workflow.jsonPath()
              .comment("Order Processing Workflow")
              .definition(
                  Chain.start(
                          Task.jsonPath("ValidateOrder")
                              .resource(
                                  Resource.lambdaFunction("us-east-1", "123", "ValidateOrder"))
                              .catching(Catch.on("ValidationError").to(sendFailureNotification)))
                      .next(
                          Task.jsonPath("ProcessPayment")
                              .resource(lambda + "ProcessPayment")
                              .retry(
                                  Retry.on(Errors.TASK_FAILED)
                                      .intervalSeconds(2)
                                      .maxAttempts(3)
                                      .backoffRate(2.0)))
                      .next(
                          Choice.jsonPath("IsPaymentApproved")
                              .when(input.string("paymentStatus").eq("APPROVED"), fulfillOrder)
                              .otherwise(sendPaymentFailed)))
              .build();
        }
      case "OrderProcessingDemo":
        {
          StringPath priority = JsonPaths.input().string("priority");
          NumberPath total = JsonPaths.input().number("total");
          String west = "arn:aws:lambda:us-west-2:123456789012:function:";
          Fail.JsonPath orderFailed =
              Fail.jsonPath("OrderFailed").cause("Validation failed").error("InvalidOrder");
          Pass.JsonPath expressShip =
              Pass.jsonPath("ExpressShip")
                  .result(TextNode.valueOf("express"))
                  .resultPath("$.shipMethod");
          Pass.JsonPath standardShip =
              Pass.jsonPath("StandardShip")
                  .result(TextNode.valueOf("standard"))
                  .resultPath("$.shipMethod");
          return Workflow.jsonPath()
              .comment("Order Processing - Task, Choice, Parallel, Wait, Error Handling")
              .definition(
                  Chain.start(
                          Task.jsonPath("ValidateOrder")
                              .resource(west + "sfn-validate-order")
                              .retry(
                                  Retry.on(Errors.TASK_FAILED)
                                      .maxAttempts(2)
                                      .interval(Duration.ofSeconds(2))
                                      .backoffRate(2.0))
                              .catching(Catch.all().to(orderFailed)))
                      .next(
                          Choice.jsonPath("CheckPriority")
                              .when(priority.eq("express"), expressShip)
                              .when(total.gt(100), expressShip)
                              .otherwise(standardShip)
                              .afterwards())
                      .next(
                          Parallel.jsonPath("NotifyAndUpdate")
                              .branch(
                                  Task.jsonPath("Notify").resource(west + "sfn-notify-customer"))
                              .branch(
                                  Task.jsonPath("UpdateDB")
                                      .resource(west + "sfn-update-inventory")))
                      .next(Wait.jsonPath("WaitForProcessing").seconds(2))
                      .next(Succeed.jsonPath("OrderComplete")))
              .build();
        }
      case "ProcessAllOrders":
        return Workflow.jsonPath()
            .definition(
                MapState.jsonPath("ProcessAllOrders")
                    .itemsPath(JsonPaths.input().list("orders"))
                    .maxConcurrency(10)
                    .itemProcessor(
                        Task.jsonPath("ProcessSingleOrder").resource(lambda + "ProcessOrder"))
                    .next(Task.jsonPath("SendSummary").resource(lambda + "SendSummary")))
            .build();
      case "HumanApproval":
        return Workflow.jsonPath()
            .definition(
                Task.jsonPath("WaitForHumanApproval")
                    .resource(Resource.lambdaInvoke().waitForTaskToken())
                    .parameters(
                        Payload.object()
                            .put("FunctionName", "SendApprovalEmail")
                            .put(
                                "Payload",
                                Payload.object()
                                    .put("taskToken", JsonPaths.TASK_TOKEN)
                                    .put("orderId", JsonPaths.input().string("orderId"))))
                    .timeout(Duration.ofDays(1))
                    .next(Task.jsonPath("ProcessApproval").resource(lambda + "ProcessApproval")))
            .build();
      default:
        throw new IllegalArgumentException(workflow);
    }
  }

  @Test
  void workflowDataRecordGetsAPathMetamodel() {
    assertThat(compilation)
        .generatedSourceFile("io.asl4j.processor.golden.OrderPaths")
        .contentsAsUtf8String()
        .contains("public static final String PAYMENT_STATUS = \"$.paymentStatus\";");
    assertThat(compilation)
        .generatedSourceFile("io.asl4j.processor.golden.OrderPaths")
        .contentsAsUtf8String()
        .contains("public static NumberPath total()");
  }

  static String golden(String name) throws IOException {
    try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
