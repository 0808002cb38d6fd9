package io.asl4j.junit;

import io.asl4j.runtime.Execution;
import io.asl4j.runtime.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Renders an execution for a failure message: status, the states entered, and the last events. */
public final class ExecutionTrace {
  /** How many of the last events a description shows. */
  public static final int LAST_EVENTS = 8;

  private static final int DETAILS_WIDTH = 160;
  private static final String ENGINE = "io.asl4j.runtime.internal.";

  private ExecutionTrace() {}

  /** The states entered, in order, joined by arrows; {@code (none)} when nothing was entered. */
  public static String path(Execution execution) {
    List<String> states = execution.statesEntered();
    return states.isEmpty() ? "(none)" : String.join(" -> ", states);
  }

  /**
   * Status (with error and cause), path and the last {@value #LAST_EVENTS} events, one per line,
   * then the exceptions task handlers threw with their stack traces.
   */
  public static String describe(Execution execution) {
    StringBuilder out = new StringBuilder();
    out.append("execution ").append(execution.arn()).append(": ").append(execution.status());
    if (execution.error() != null) {
      out.append(" (").append(execution.error());
      if (execution.cause() != null) {
        out.append(": ").append(abbreviate(execution.cause()));
      }
      out.append(')');
    }
    out.append("\n  path: ").append(path(execution));
    List<HistoryEvent> history = execution.history();
    if (!history.isEmpty()) {
      Instant start = history.get(0).timestamp();
      int from = Math.max(0, history.size() - LAST_EVENTS);
      out.append("\n  last events (")
          .append(history.size() - from)
          .append(" of ")
          .append(history.size())
          .append("):");
      for (HistoryEvent event : history.subList(from, history.size())) {
        out.append("\n    ").append(event(event, start));
      }
    }
    List<Throwable> thrown = execution.taskExceptions();
    if (!thrown.isEmpty()) {
      out.append("\n  exceptions thrown by task handlers (").append(thrown.size()).append("):");
      for (Throwable exception : thrown) {
        out.append("\n    ").append(exception);
        for (StackTraceElement frame : exception.getStackTrace()) {
          if (frame.getClassName().startsWith(ENGINE)) {
            break; // the interpreter calling the handler: nothing the test wrote
          }
          out.append("\n      at ").append(frame);
        }
      }
    }
    return out.toString();
  }

  /** One event: {@code #id +elapsed Type [State] details}. */
  static String event(HistoryEvent event, Instant start) {
    StringBuilder line = new StringBuilder();
    line.append('#')
        .append(event.id())
        .append(' ')
        .append(elapsed(Duration.between(start, event.timestamp())));
    line.append(' ').append(event.type());
    String state = event.stateName();
    if (state != null) {
      line.append(' ').append(state);
    }
    var details =
        event.details() == null ? null : event.details().deepCopy(); // details are read-only
    if (details != null) {
      details.remove("inputDetails");
      details.remove("outputDetails");
    }
    if (details != null && state == null) {
      line.append(' ').append(abbreviate(details.toString()));
    } else if (details != null) {
      details.remove("name");
      if (!details.isEmpty()) {
        line.append(' ').append(abbreviate(details.toString()));
      }
    }
    return line.toString();
  }

  /** {@code +1d2h3m4.005s}-style virtual time since the start. */
  public static String elapsed(Duration d) {
    StringBuilder out = new StringBuilder("+");
    if (d.toDays() > 0) {
      out.append(d.toDays()).append('d');
    }
    if (d.toHoursPart() > 0) {
      out.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      out.append(d.toMinutesPart()).append('m');
    }
    out.append(
        String.format(java.util.Locale.ROOT, "%d.%03ds", d.toSecondsPart(), d.toMillisPart()));
    return out.toString();
  }

  static String abbreviate(String text) {
    return text.length() <= DETAILS_WIDTH ? text : text.substring(0, DETAILS_WIDTH - 3) + "...";
  }

  static String list(List<String> values) {
    return values.stream().map(v -> '"' + v + '"').collect(Collectors.joining(", ", "[", "]"));
  }
}
