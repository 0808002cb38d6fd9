package io.asl4j.examples.cdk;

import io.asl4j.cdk.Asl4jDefinition;
import io.asl4j.cdk.Asl4jStateMachine;
import io.asl4j.cdk.DefinitionSubstitutions;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.constructs.Construct;

/**
 * Deploys {@code workflows/order-processing.asl.json}, the workflow the local runtime runs, with
 * three real Lambda functions in place of its fixed ARNs.
 *
 * <pre>{@code
 * cd examples && npx aws-cdk@2 synth     # or: cdk deploy
 * }</pre>
 */
public final class OrderProcessingApp {
  private OrderProcessingApp() {}

  /** The ARNs the tested definition names, and the placeholder each becomes. */
  static final Map<String, String> FUNCTIONS =
      Map.of(
          "arn:aws:lambda:us-west-2:123456789012:function:sfn-validate-order", "ValidateOrderFn",
          "arn:aws:lambda:us-west-2:123456789012:function:sfn-notify-customer", "NotifyCustomerFn",
          "arn:aws:lambda:us-west-2:123456789012:function:sfn-update-inventory",
              "UpdateInventoryFn");

  public static void main(String[] args) {
    App app = new App();
    new OrderProcessingStack(app, "Asl4jOrderProcessing", StackProps.builder().build());
    app.synth();
  }

  /** The stack: three functions, a log group and the state machine. */
  public static final class OrderProcessingStack extends Stack {
    private final Asl4jStateMachine orders;

    public OrderProcessingStack(Construct scope, String id, StackProps props) {
      super(scope, id, props);

      Function validate =
          inline(
              "ValidateOrder",
              "exports.handler = async (order) => {\n"
                  + "  if (!order.orderId || !order.quantity) throw new Error('InvalidOrder');\n"
                  + "  return order;\n"
                  + "};");
      Function notify =
          inline(
              "NotifyCustomer",
              "exports.handler = async (order) => ({ notified: order.orderId });");
      Function updateInventory =
          inline(
              "UpdateInventory",
              "exports.handler = async (order) => ({ reserved: order.quantity });");

      Map<String, String> placeholders = new java.util.LinkedHashMap<>();
      FUNCTIONS.forEach((arn, name) -> placeholders.put(arn, "${" + name + "}"));

      orders =
          Asl4jStateMachine.Builder.create(this, "OrderProcessing")
              .definition(
                  Asl4jDefinition.fromResource(
                          OrderProcessingApp.class, "/workflows/order-processing.asl.json")
                      .replacingResources(placeholders))
              .substitutions(
                  DefinitionSubstitutions.builder()
                      .function("ValidateOrderFn", validate)
                      .function("NotifyCustomerFn", notify)
                      .function("UpdateInventoryFn", updateInventory)
                      .build())
              .logs(
                  LogOptions.builder()
                      .destination(
                          LogGroup.Builder.create(this, "Logs")
                              .retention(RetentionDays.ONE_WEEK)
                              .build())
                      .level(LogLevel.ERROR)
                      .build())
              .tracingEnabled(true)
              .timeout(Duration.minutes(5))
              .tag("example", "order-processing")
              .build();

      CfnOutput.Builder.create(this, "StateMachineArn").value(orders.getStateMachineArn()).build();
    }

    public Asl4jStateMachine orders() {
      return orders;
    }

    private Function inline(String id, String code) {
      return Function.Builder.create(this, id)
          .runtime(Runtime.NODEJS_24_X)
          .handler("index.handler")
          .code(Code.fromInline(code))
          .timeout(Duration.seconds(10))
          .build();
    }
  }
}
