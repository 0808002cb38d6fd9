package io.asl4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of ARCHITECTURE.md, checked on every module's main classes. Each module owns one
 * package tree; a module reaches only the modules listed for it.
 */
@AnalyzeClasses(packages = "io.asl4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

  @ArchTest
  static final ArchRule eachModuleReachesOnlyTheModulesItMayDependOn =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          // A new module's package tree must be given its place here (and in ARCHITECTURE.md).
          .ensureAllClassesAreContainedInArchitecture()
          .layer("dsl")
          .definedBy("io.asl4j.dsl..")
          .layer("annotation-processor")
          .definedBy("io.asl4j.processor..")
          .layer("runtime")
          .definedBy("io.asl4j.runtime..")
          .layer("junit")
          .definedBy("io.asl4j.junit..")
          .layer("cdk-construct")
          .definedBy("io.asl4j.cdk..")
          .layer("render")
          .definedBy("io.asl4j.render..")
          .layer("conformance")
          .definedBy("io.asl4j.conformance..")
          .layer("cli")
          .definedBy("io.asl4j.cli..")
          // The Step Functions API on localhost (issue 20): checked once its module is on this
          // class path.
          .optionalLayer("server")
          .definedBy("io.asl4j.server..")
          .whereLayer("dsl")
          .mayNotAccessAnyLayer()
          .whereLayer("annotation-processor")
          .mayOnlyAccessLayers("dsl")
          .whereLayer("runtime")
          .mayOnlyAccessLayers("dsl")
          .whereLayer("junit")
          .mayOnlyAccessLayers("runtime", "dsl")
          .whereLayer("cdk-construct")
          .mayOnlyAccessLayers("dsl")
          .whereLayer("render")
          .mayOnlyAccessLayers("runtime", "dsl")
          .whereLayer("conformance")
          .mayOnlyAccessLayers("runtime", "dsl")
          .whereLayer("server")
          .mayOnlyAccessLayers("runtime", "dsl")
          .whereLayer("cli")
          .mayOnlyAccessLayers("server", "conformance", "render", "runtime", "dsl")
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("conformance")
          .mayOnlyBeAccessedByLayers("cli");

  @ArchTest
  static final ArchRule theModelReachesNoInterpreterDeploymentOrCompiler =
      noClasses()
          .that()
          .resideInAPackage("io.asl4j.dsl..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.asl4j.runtime..",
              "io.asl4j.cdk..",
              "software.amazon.awscdk..",
              "javax.annotation.processing..",
              "javax.lang.model..",
              "com.sun.source..")
          .because("the model is read by compile time, deployment and the interpreter alike");

  @ArchTest
  static final ArchRule compileTimeAndDeploymentNeverLoadTheInterpreter =
      noClasses()
          .that()
          .resideInAnyPackage("io.asl4j.processor..", "io.asl4j.cdk..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.asl4j.runtime..")
          .because("javac and cdk synth run without the interpreter on their class path");

  @ArchTest
  static final ArchRule onlyTheCommandLineUsesPicocli =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.asl4j.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..")
          .because("the libraries a test puts on its class path carry no command-line parser");
}
