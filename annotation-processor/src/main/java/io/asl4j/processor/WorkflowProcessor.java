package io.asl4j.processor;

import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.SimpleAnnotationValueVisitor9;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Turns {@code @Workflow} classes into {@code META-INF/asl4j/<package>/<Class>.asl.json} and a
 * {@code <Class>Definition}, and {@code @WorkflowData} records into {@code <Record>Paths}; every
 * problem the shared validator finds is a compiler error on the annotation value that caused it.
 *
 * <p>Register it on the annotation processor path (Maven {@code annotationProcessorPaths}); it is
 * found through {@code META-INF/services} and is isolating-incremental for Gradle.
 */
public final class WorkflowProcessor extends AbstractProcessor {
  private static final String WORKFLOW = Annotations.PACKAGE + "Workflow";
  private static final String WORKFLOW_DATA = Annotations.PACKAGE + "WorkflowData";

  /**
   * Workflows whose annotations reference types not generated yet (e.g. {@code OrderPaths.TOTAL} in
   * the round that generates {@code OrderPaths}). Kept by name, not as TypeElements, because javac
   * may give a type a new TypeElement in the next round.
   */
  private final Set<String> deferred = new LinkedHashSet<>();

  private Reporter reporter;

  /** Called by javac through {@code META-INF/services}. */
  public WorkflowProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    reporter = new Reporter(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    for (String name :
        List.of(
            "Workflow",
            "WorkflowData",
            "Task",
            "Pass",
            "Wait",
            "Choice",
            "Succeed",
            "Fail",
            "Parallel",
            "Map",
            "Branch",
            "StartAt",
            "When",
            "When.List",
            "Retry",
            "Retry.List",
            "Catch",
            "Catch.List",
            "ItemReader",
            "ItemBatcher",
            "ResultWriter")) {
      names.add(Annotations.PACKAGE + name);
    }
    // Put on the generated <Workflow>Definition; unclaimed, it alone fails -Xlint:all -Werror.
    names.add("javax.annotation.processing.Generated");
    // jsii's @Inherited marker, on every class of a CDK app beside the workflows (a Stack
    // subclass): read by jsii through reflection at run time, by no processor at compile time.
    names.add("software.amazon.jsii.Jsii");
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement dataAnnotation = processingEnv.getElementUtils().getTypeElement(WORKFLOW_DATA);
    if (dataAnnotation != null) {
      for (Element element : round.getElementsAnnotatedWith(dataAnnotation)) {
        try {
          new PathsGenerator(processingEnv, reporter).generate(element);
        } catch (RuntimeException e) {
          reporter.unexpected(element, e);
        }
      }
    }
    List<TypeElement> workflows = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        workflows.add(type);
      }
    }
    deferred.clear();
    TypeElement workflowAnnotation = processingEnv.getElementUtils().getTypeElement(WORKFLOW);
    if (workflowAnnotation != null) {
      for (Element element : round.getElementsAnnotatedWith(workflowAnnotation)) {
        if (element instanceof TypeElement type) {
          workflows.add(type);
        }
      }
    }
    for (TypeElement workflow : workflows) {
      if (!round.processingOver() && hasUnresolvedReference(workflow)) {
        deferred.add(workflow.getQualifiedName().toString());
        continue;
      }
      // In the last round an unresolved reference is left to javac, whose "cannot find symbol"
      // says more than we could.
      if (hasUnresolvedReference(workflow)) {
        continue;
      }
      try {
        process(workflow);
      } catch (RuntimeException e) {
        reporter.unexpected(workflow, e);
      }
    }
    if (workflowAnnotation != null) {
      reportStatesOutsideWorkflows(round);
    }
    // Claims exactly asl4j's own annotations (the supported types above, the @Generated it writes
    // and the @Jsii a CDK app inherits), which no other processor reads: otherwise javac's
    // -Xlint:processing warns "No processor claimed any of these
    // annotations", and a user's -Xlint:all -Werror build fails. Other annotations stay unclaimed.
    return true;
  }

  private void process(TypeElement workflow) {
    int errorsBefore = reporter.errorCount();
    WorkflowScanner.Scan scan = WorkflowScanner.scan(processingEnv, reporter, workflow);
    StateMachine machine = scan.machine();
    Origins origins = scan.origins();
    ValidationResult result = Validator.validate(machine);
    for (Problem problem : result.problems()) {
      if (origins.alreadyReported(problem.pointer(), problem.tag())) {
        continue;
      }
      Origin origin = origins.find(problem.pointer());
      reporter.report(
          problem.isError() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING,
          problem.tag(),
          problem.message() + " (at " + problem.location() + ")",
          origin == null ? new Origin(workflow, null, null) : origin);
    }
    if (reporter.errorCount() > errorsBefore) {
      return; // nothing is generated for a broken workflow, as javac generates no class for broken
      // code
    }
    String asl = AslWriter.write(machine);
    String fileName = DefinitionGenerator.baseName(workflow);
    String resource = "META-INF/asl4j/" + packagePath(workflow) + fileName + ".asl.json";
    try {
      FileObject file =
          processingEnv
              .getFiler()
              .createResource(StandardLocation.CLASS_OUTPUT, "", resource, workflow);
      try (Writer writer = file.openWriter()) {
        writer.write(asl);
      }
    } catch (IOException e) {
      reporter.error(
          "CouldNotWrite",
          "could not write " + resource + ": " + e,
          new Origin(workflow, null, null));
      return;
    }
    new DefinitionGenerator(processingEnv, reporter)
        .generate(workflow, scan.machineName(), asl, resource, scan.typedTasks());
  }

  private String packagePath(TypeElement type) {
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(type);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString().replace('.', '/') + "/";
  }

  /**
   * A state annotation on a type that no {@code @Workflow} class encloses would be ignored
   * silently.
   */
  private void reportStatesOutsideWorkflows(RoundEnvironment round) {
    for (String kind :
        List.of("Task", "Pass", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map", "Branch")) {
      TypeElement annotation =
          processingEnv.getElementUtils().getTypeElement(Annotations.PACKAGE + kind);
      if (annotation == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (!insideWorkflow(element)) {
          AnnotationMirror mirror = Annotations.mirror(element, kind);
          reporter.error(
              "NotInWorkflow",
              "@" + kind + " types must be nested in a class annotated @Workflow",
              new Origin(element, mirror, null));
        }
      }
    }
  }

  private static boolean insideWorkflow(Element element) {
    for (Element e = element.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e.getKind() != ElementKind.PACKAGE && Annotations.mirror(e, "Workflow") != null) {
        return true;
      }
    }
    return false;
  }

  /** Whether any annotation in the workflow refers to a type or constant javac has not resolved. */
  private static boolean hasUnresolvedReference(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (unresolved(mirror)) {
        return true;
      }
    }
    for (Element member : ElementFilter.typesIn(type.getEnclosedElements())) {
      if (hasUnresolvedReference((TypeElement) member)) {
        return true;
      }
    }
    return false;
  }

  private static boolean unresolved(AnnotationMirror mirror) {
    for (AnnotationValue value : mirror.getElementValues().values()) {
      if (unresolved(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean unresolved(AnnotationValue value) {
    return value.accept(
        new SimpleAnnotationValueVisitor9<Boolean, Void>(false) {
          @Override
          public Boolean visitType(TypeMirror t, Void unused) {
            return t.getKind() == TypeKind.ERROR;
          }

          @Override
          public Boolean visitString(String s, Void unused) {
            return "<error>".equals(s);
          }

          @Override
          public Boolean visitAnnotation(AnnotationMirror a, Void unused) {
            return unresolved(a);
          }

          @Override
          public Boolean visitArray(List<? extends AnnotationValue> values, Void unused) {
            return values.stream().anyMatch(WorkflowProcessor::unresolved);
          }
        },
        null);
  }
}
