package io.asl4j.dsl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AslReaderTest {

  @Test
  void anUnclosedObjectIsReportedWithWhereItWasOpenedAndWhereTheTextEnded() {
    AslReadException e =
        assertThrows(AslReadException.class, () -> AslReader.parse("{\n  \"StartAt\": {\n"));

    assertEquals(
        List.of(
            Problem.error(
                "InvalidJson",
                "",
                "not valid JSON: Unexpected end-of-input: expected close marker for Object"
                    + " (opened at line 2, column 14) (line 3, column 1)")),
        e.problems());
  }
}
