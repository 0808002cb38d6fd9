package io.asl4j.examples.documents;

import io.asl4j.runtime.LocalStateMachine;
import java.util.regex.Pattern;

/** The pipeline's Lambda functions, typed Java. */
public final class DocumentTasks {
  private DocumentTasks() {}

  private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");

  public static Document.Classification classifyDocument(Document document) {
    String text = document.extracted().text().toLowerCase(java.util.Locale.ROOT);
    if (text.contains("invoice")) {
      return new Document.Classification("invoice", 0.97);
    }
    if (text.contains("agreement")) {
      return new Document.Classification("contract", 0.9);
    }
    return new Document.Classification("other", 0.5);
  }

  public static Document.CheckResult checkPii(Document document) {
    boolean found = SSN.matcher(document.extracted().text()).find();
    return new Document.CheckResult(
        "pii", !found, found ? "contains a social security number" : "none found");
  }

  public static Document.CheckResult checkCompliance(Document document) {
    boolean known = !document.classification().category().equals("other");
    return new Document.CheckResult(
        "compliance",
        known,
        known ? "category " + document.classification().category() : "unknown category");
  }

  public static LocalStateMachine.Builder bind(LocalStateMachine.Builder builder) {
    return DocumentPipelineDefinition.tasks()
        .classifyDocument(DocumentTasks::classifyDocument)
        .checkPii(DocumentTasks::checkPii)
        .checkCompliance(DocumentTasks::checkCompliance)
        .bindTo(builder);
  }
}
