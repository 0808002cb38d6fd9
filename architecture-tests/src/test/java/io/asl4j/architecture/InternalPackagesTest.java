package io.asl4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's {@code ..internal..} packages are its own: another module reaches it only through its
 * public packages. A module is the package tree under {@code io.asl4j.<name>}.
 */
@AnalyzeClasses(packages = "io.asl4j", importOptions = ImportOption.DoNotIncludeTests.class)
class InternalPackagesTest {
  private static final Pattern MODULE = Pattern.compile("^io\\.asl4j\\.([^.]+)");

  /**
   * The known exception (ARCHITECTURE.md): the runtime and junit evaluate JSONPath with Jayway as
   * the model does, and quiet Jayway's SLF4J warning through the model's one helper rather than a
   * copy.
   */
  private static final Set<String> SHARED_INTERNALS = Set.of("io.asl4j.dsl.internal.JaywayLogging");

  @ArchTest
  static final ArchRule noModuleUsesAnotherModulesInternalPackages =
      noClasses().should(useAnotherModulesInternalPackages());

  private static ArchCondition<JavaClass> useAnotherModulesInternalPackages() {
    return new ArchCondition<>("use another module's internal packages") {
      @Override
      public void check(JavaClass from, ConditionEvents events) {
        for (Dependency dependency : from.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          boolean internal = target.contains(".internal.") || target.endsWith(".internal");
          if (internal
              && !module(target).equals(module(from.getPackageName()))
              && !SHARED_INTERNALS.contains(dependency.getTargetClass().getName())) {
            events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** {@code runtime} for {@code io.asl4j.runtime.internal.engine}; the package itself elsewhere. */
  static String module(String packageName) {
    Matcher m = MODULE.matcher(packageName);
    return m.find() ? m.group(1) : packageName;
  }
}
