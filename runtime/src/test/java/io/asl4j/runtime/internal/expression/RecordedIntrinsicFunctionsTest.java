package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The AWS-recorded cases of {@code pure/intrinsic_functions} whose machine is a chain of JSONPath
 * Pass states, replayed through the intrinsic evaluator alone. The others (JSONata or
 * mixed-language machines) are left out of this selection, not skipped: {@code ConformanceTest}
 * runs every one of them on the whole runtime.
 */
class RecordedIntrinsicFunctionsTest {

  @TestFactory
  Stream<DynamicTest> recordedIntrinsicFunctionCasesProduceAwsOutputs() {
    if (ConformanceCorpus.root().isEmpty()) {
      return ConformanceCorpus.skipped();
    }
    return ConformanceCorpus.pureCases("intrinsic_functions").stream()
        .map(ConformanceCorpus::read)
        .filter(RecordedIntrinsicFunctionsTest::isPassChain)
        .map(PassChain::matchesRecording);
  }

  static boolean isPassChain(JsonNode testCase) {
    return PassChain.unsupported(testCase) == null;
  }
}
