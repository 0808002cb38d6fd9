package io.asl4j.runtime.internal.expression;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The AWS-recorded cases outside {@code intrinsic_functions} whose machine is a chain of JSONPath
 * Pass states: Paths with wildcards, slices and filters, escaped names, the context object,
 * ResultPath, null InputPath/OutputPath and the recorded "not found" causes.
 */
class RecordedPassChainsTest {

  @TestFactory
  Stream<DynamicTest> recordedPassStateMachinesProduceAwsOutputsAndCauses() {
    if (ConformanceCorpus.root().isEmpty()) {
      return ConformanceCorpus.skipped();
    }
    return Stream.of("base", "scenarios", "context_object", "query_language", "comments", "api")
        .flatMap(feature -> ConformanceCorpus.pureCases(feature).stream())
        .map(ConformanceCorpus::read)
        .filter(RecordedIntrinsicFunctionsTest::isPassChain)
        .map(PassChain::matchesRecording);
  }
}
