package io.asl4j.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PredefinedErrorTest {

  @Test
  void theCatalogueHoldsTheSeventeenNamesAwsDefines() {
    assertEquals(
        List.of(
            "States.ALL",
            "States.DataLimitExceeded",
            "States.ExceedToleratedFailureThreshold",
            "States.HeartbeatTimeout",
            "States.Http.Socket",
            "States.IntrinsicFailure",
            "States.ItemReaderFailed",
            "States.NoChoiceMatched",
            "States.ParameterPathFailure",
            "States.Permissions",
            "States.QueryEvaluationError",
            "States.ResultPathMatchFailure",
            "States.ResultWriterFailed",
            "States.Runtime",
            "States.TaskFailed",
            "States.Timeout",
            "States.BranchFailed"),
        Arrays.stream(PredefinedError.values()).map(PredefinedError::errorName).toList());
  }

  @Test
  void theAnnotationAndBuilderConstantsAreTheCatalogueUnderTheSameNames() {
    Map<String, String> catalogue =
        Arrays.stream(PredefinedError.values())
            .collect(
                Collectors.toMap(
                    Enum::name, PredefinedError::errorName, (a, b) -> a, TreeMap::new));

    assertEquals(catalogue, constants(io.asl4j.dsl.annotation.Errors.class));
    assertEquals(catalogue, constants(io.asl4j.dsl.builder.Errors.class));
  }

  @Test
  void namesAreLookedUpExactlyAndCaseSensitively() {
    assertSame(PredefinedError.TASK_FAILED, PredefinedError.named("States.TaskFailed"));
    assertNull(PredefinedError.named("States.taskfailed"));
    assertNull(PredefinedError.named("States.Custom"));
    assertNull(PredefinedError.named(null));
    assertTrue(PredefinedError.isPredefined("States.Http.Socket"));
    assertFalse(PredefinedError.isPredefined("Lambda.ServiceException"));
  }

  @Test
  void allCatchesEveryErrorButRuntime() {
    List<String> all = List.of("States.ALL");
    for (PredefinedError error : PredefinedError.values()) {
      assertEquals(
          error != PredefinedError.RUNTIME,
          PredefinedError.matches(all, error.errorName()),
          error.errorName());
      assertEquals(error != PredefinedError.RUNTIME, error.caughtByAll(), error.errorName());
    }
    assertTrue(PredefinedError.matches(all, "MyError"));
    assertTrue(PredefinedError.matches(all, null));
    assertTrue(PredefinedError.matches(List.of("States.Runtime"), "States.Runtime"));
  }

  @Test
  void taskFailedCatchesEveryErrorButTheTimeoutsAndRuntime() {
    List<String> taskFailed = List.of("States.TaskFailed");
    assertTrue(PredefinedError.matches(taskFailed, "MyError"));
    assertTrue(PredefinedError.matches(taskFailed, "States.DataLimitExceeded"));
    assertFalse(PredefinedError.matches(taskFailed, "States.Timeout"));
    assertFalse(PredefinedError.matches(taskFailed, "States.HeartbeatTimeout"));
    assertFalse(PredefinedError.matches(taskFailed, "States.Runtime"));
  }

  @Test
  void aMissedHeartbeatIsMatchedByBothTimeoutNamesAndRecordedAsTimeout() {
    assertTrue(PredefinedError.matches(List.of("States.Timeout"), "States.HeartbeatTimeout"));
    assertTrue(
        PredefinedError.matches(List.of("States.HeartbeatTimeout"), "States.HeartbeatTimeout"));
    assertFalse(PredefinedError.matches(List.of("States.HeartbeatTimeout"), "States.Timeout"));
    assertTrue(PredefinedError.HEARTBEAT_TIMEOUT.retryCatchOnly());
    assertEquals("States.Timeout", PredefinedError.recordedName("States.HeartbeatTimeout"));
    assertEquals("States.Timeout", PredefinedError.recordedName("States.Timeout"));
    assertEquals("MyError", PredefinedError.recordedName("MyError"));
    assertNull(PredefinedError.recordedName(null));
  }

  @Test
  void otherNamesMatchOnlyThemselves() {
    assertTrue(PredefinedError.matches(List.of("A", "B"), "B"));
    assertFalse(PredefinedError.matches(List.of("A", "B"), "b"));
    assertFalse(PredefinedError.matches(List.of("States.Permissions"), "States.BranchFailed"));
  }

  private static Map<String, String> constants(Class<?> holder) {
    Map<String, String> byName = new TreeMap<>();
    for (Field field : holder.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          byName.put(field.getName(), (String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return byName;
  }
}
