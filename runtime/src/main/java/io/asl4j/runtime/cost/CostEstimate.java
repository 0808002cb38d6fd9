package io.asl4j.runtime.cost;

import io.asl4j.runtime.Execution;
import io.asl4j.runtime.HistoryEvent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one execution would cost on AWS, as a Standard and as an Express workflow.
 *
 * <p>Transitions are counted as AWS bills them: every state entered (the states of Parallel
 * branches and Map iterations included) plus every retry (a Task, Parallel or Map attempt after the
 * first). The duration runs from the execution's first event to its last, on the runtime's clock
 * (virtual by default: a Wait of 2 s takes 2 s).
 *
 * <pre>{@code
 * CostEstimate cost = CostEstimate.of(execution);
 * cost.transitions();  // 9
 * cost.standardUsd();  // 0.000225
 * }</pre>
 */
public record CostEstimate(long transitions, long retries, Duration duration, Pricing pricing) {
  public static CostEstimate of(Execution execution) {
    return of(execution.history(), Pricing.AWS_US_EAST_1);
  }

  public static CostEstimate of(Execution execution, Pricing pricing) {
    return of(execution.history(), pricing);
  }

  public static CostEstimate of(List<HistoryEvent> history, Pricing pricing) {
    long entered = 0;
    long taskEntered = 0;
    long taskScheduled = 0;
    long parallelEntered = 0;
    long parallelStarted = 0;
    long mapEntered = 0;
    long mapStarted = 0;
    for (HistoryEvent event : history) {
      String type = event.type();
      if (type.endsWith("StateEntered")) {
        entered++;
        if (type.equals("TaskStateEntered")) {
          taskEntered++;
        } else if (type.equals("ParallelStateEntered")) {
          parallelEntered++;
        } else if (type.equals("MapStateEntered")) {
          mapEntered++;
        }
      } else if (type.endsWith("Scheduled") && !type.startsWith("Map")) {
        taskScheduled++; // TaskScheduled, LambdaFunctionScheduled, ActivityScheduled: one an
        // attempt
      } else if (type.equals("ParallelStateStarted")) {
        parallelStarted++;
      } else if (type.equals("MapStateStarted")) {
        mapStarted++;
      }
    }
    long retries =
        Math.max(0, taskScheduled - taskEntered)
            + Math.max(0, parallelStarted - parallelEntered)
            + Math.max(0, mapStarted - mapEntered);
    Duration duration =
        history.isEmpty()
            ? Duration.ZERO
            : Duration.between(
                history.get(0).timestamp(), history.get(history.size() - 1).timestamp());
    return new CostEstimate(entered + retries, retries, duration, pricing);
  }

  /** The price as a Standard workflow: transitions × price, free tier not deducted. */
  public BigDecimal standardUsd() {
    return pricing
        .standardPerTransition()
        .multiply(BigDecimal.valueOf(transitions))
        .stripTrailingZeros();
  }

  /** The duration Express bills: rounded up to the granularity (100 ms), at least one unit. */
  public Duration billedDuration() {
    long unit = pricing.expressGranularityMillis();
    long millis = Math.max(unit, (duration.toMillis() + unit - 1) / unit * unit);
    return Duration.ofMillis(millis);
  }

  /** The GB-seconds Express bills: billed duration × memory (64 MB = 0.0625 GB). */
  public BigDecimal expressGbSeconds() {
    BigDecimal seconds = BigDecimal.valueOf(billedDuration().toMillis()).movePointLeft(3);
    BigDecimal gb =
        BigDecimal.valueOf(pricing.expressMemoryMb())
            .divide(BigDecimal.valueOf(1024), MathContext.DECIMAL64);
    return seconds.multiply(gb).stripTrailingZeros();
  }

  /** The price as an Express workflow: one request plus its GB-seconds. */
  public BigDecimal expressUsd() {
    return pricing
        .expressPerRequest()
        .add(pricing.expressPerGbSecond().multiply(expressGbSeconds()))
        .stripTrailingZeros();
  }

  /** Two lines, as {@code asl4j run --cost} prints them. */
  public String summary() {
    return String.format(
            Locale.ROOT,
            "Standard: %d state transitions (%d retries) x $%s = $%s (free tier of 4,000/month not deducted)%n",
            transitions,
            retries,
            pricing.standardPerTransition().toPlainString(),
            standardUsd().toPlainString())
        + String.format(
            Locale.ROOT,
            "Express: 1 request $%s + %s s billed x %d MB = %s GB-s x $%s = $%s (prices of %s, %s)",
            pricing.expressPerRequest().toPlainString(),
            BigDecimal.valueOf(billedDuration().toMillis()).movePointLeft(3).toPlainString(),
            pricing.expressMemoryMb(),
            expressGbSeconds().toPlainString(),
            pricing.expressPerGbSecond().toPlainString(),
            expressUsd().setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(),
            Pricing.SOURCE,
            Pricing.AS_OF);
  }
}
