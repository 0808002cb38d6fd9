package io.asl4j.junit;

import io.asl4j.runtime.services.AwsServices;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link Asl4jTest}: resolves {@link Asl4jRuntime} and {@link
 * AwsServices} parameters (one of each per test, the services registered on the runtime), and when
 * a test fails, reports the path of every execution the test ran.
 */
public final class Asl4jExtension implements ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Asl4jExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Asl4jRuntime.class || type == AwsServices.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Asl4jRuntime runtime = runtime(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == Asl4jRuntime.class) {
      return runtime;
    }
    if (type == AwsServices.class) {
      return runtime.services();
    }
    throw new ParameterResolutionException("asl4j cannot resolve " + type);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Asl4jRuntime runtime = context.getStore(NAMESPACE).get(Asl4jRuntime.class, Asl4jRuntime.class);
    if (runtime != null && !runtime.executions().isEmpty()) {
      StringBuilder report =
          new StringBuilder("asl4j: executions of " + context.getDisplayName() + ":\n");
      runtime.executions().forEach(e -> report.append(ExecutionTrace.describe(e)).append('\n'));
      context.publishReportEntry("asl4j", report.toString());
    }
  }

  private static Asl4jRuntime runtime(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Asl4jRuntime.class, key -> create(context), Asl4jRuntime.class);
  }

  private static Asl4jRuntime create(ExtensionContext context) {
    Optional<Asl4jTest> settings =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, Asl4jTest.class))
            .or(
                () ->
                    context
                        .getTestClass()
                        .flatMap(c -> AnnotationSupport.findAnnotation(c, Asl4jTest.class)));
    Instant clock =
        Instant.parse(settings.map(Asl4jTest::clock).orElse(Asl4jRuntime.DEFAULT_CLOCK));
    long seed = settings.map(Asl4jTest::seed).orElse(42L);
    return new Asl4jRuntime(clock, seed, settings.map(Asl4jTest::services).orElse(true));
  }
}
