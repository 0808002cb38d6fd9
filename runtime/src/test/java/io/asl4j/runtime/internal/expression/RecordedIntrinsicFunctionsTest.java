package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every AWS-recorded case of {@code pure/intrinsic_functions}, replayed where the machine is a
 * chain of JSONPath Pass states (the JSONata cases are reported as skipped).
 */
class RecordedIntrinsicFunctionsTest {

  @TestFactory
  Stream<DynamicTest> recordedIntrinsicFunctionCasesProduceAwsOutputs() {
    if (ConformanceCorpus.root().isEmpty()) {
      return ConformanceCorpus.skipped();
    }
    return ConformanceCorpus.pureCases("intrinsic_functions").stream()
        .map(ConformanceCorpus::read)
        .map(
            testCase ->
                dynamicTest(
                    testCase.get("id").asText(),
                    () -> {
                      String unsupported = PassChain.unsupported(testCase);
                      Assumptions.assumeTrue(unsupported == null, () -> "skipped: " + unsupported);
                      PassChain.assertMatchesRecording(
                          testCase, IntrinsicEvaluator.withRandom(new SplittableRandom(1)));
                    }));
  }

  static boolean isPassChain(JsonNode testCase) {
    return PassChain.unsupported(testCase) == null;
  }
}
