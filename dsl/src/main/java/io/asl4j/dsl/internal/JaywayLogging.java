package io.asl4j.dsl.internal;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Keeps Jayway JsonPath's logging library off the user's console. Jayway logs through SLF4J 2,
 * which, when the application has no SLF4J provider, prints three "No SLF4J providers were found"
 * lines on first use: noise caused by asl4j's dependency, not by anything the user did, and with no
 * provider there is no log to lose. So, only when no provider is on the class path and the user set
 * neither {@code slf4j.internal.verbosity} nor {@code slf4j.provider}, SLF4J's own reporter is
 * initialised at level ERROR (the property is set for that moment and then removed). An application
 * with a provider (Logback, slf4j-simple, ...) is left exactly as it is; no provider is forced on
 * anyone.
 */
public final class JaywayLogging {
  private static final String VERBOSITY = "slf4j.internal.verbosity";

  static {
    quietWithoutAProvider();
  }

  private JaywayLogging() {}

  /** Call before the first use of Jayway; the work is done once, by class initialisation. */
  public static void beforeFirstUse() {}

  private static void quietWithoutAProvider() {
    try {
      Class<?> providerType =
          Class.forName(
              "org.slf4j.spi.SLF4JServiceProvider", false, JaywayLogging.class.getClassLoader());
      ClassLoader loader = providerType.getClassLoader();
      boolean provider = ServiceLoader.load(providerType, loader).stream().findAny().isPresent();
      if (provider
          || System.getProperty(VERBOSITY) != null
          || System.getProperty("slf4j.provider") != null) {
        return;
      }
      System.setProperty(VERBOSITY, "ERROR");
      try {
        Class.forName(
            "org.slf4j.helpers.Reporter", true, loader); // reads the level once, when initialised
      } finally {
        System.clearProperty(VERBOSITY);
      }
    } catch (ClassNotFoundException
        | LinkageError
        | ServiceConfigurationError
        | SecurityException e) {
      // No SLF4J 2 (then it prints nothing either), or it cannot be inspected: leave it alone.
    }
  }
}
