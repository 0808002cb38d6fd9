package io.asl4j.server;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Serves the Step Functions API for a test class and hands its tests an {@link SfnClient} pointed
 * at it (and the {@link Asl4jServer}, to inspect its service fakes).
 *
 * <pre>{@code
 * @ExtendWith(Asl4jServerExtension.class)
 * class OrderWorkflowIT {
 *   @Test
 *   void approves(SfnClient sfn) {
 *     String arn = sfn.createStateMachine(b -> b.name("orders").definition(json).roleArn(ROLE)).stateMachineArn();
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The server runs on 127.0.0.1 on a free port, on the real clock, one per test class. Needs the
 * AWS SDK for Java v2 ({@code software.amazon.awssdk:sfn} and {@code url-connection-client}) on the
 * test class path.
 */
public final class Asl4jServerExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Asl4jServerExtension.class);

  /**
   * An SDK v2 client of {@code endpoint}, with dummy credentials and host-prefix injection off, so
   * that StartSyncExecution and TestState (which the SDK sends to {@code sync-<host>}) reach it.
   */
  public static SfnClient client(URI endpoint, String region) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("asl4j", "asl4j")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Asl4jServer server = Asl4jServer.start();
    context.getStore(NAMESPACE).put("server", server);
    context.getStore(NAMESPACE).put("client", client(server.endpoint(), server.region()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    SfnClient client = context.getStore(NAMESPACE).remove("client", SfnClient.class);
    if (client != null) {
      client.close();
    }
    Asl4jServer server = context.getStore(NAMESPACE).remove("server", Asl4jServer.class);
    if (server != null) {
      server.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SfnClient.class || type == Asl4jServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Object value = context.getStore(NAMESPACE).get(type == SfnClient.class ? "client" : "server");
    if (value == null) {
      throw new ParameterResolutionException(
          "no asl4j server is running for "
              + context.getDisplayName()
              + ": register Asl4jServerExtension on the class");
    }
    return value;
  }
}
