package io.asl4j.dsl.model;

/**
 * The type of a state machine, chosen when it is created (not part of the ASL document).
 *
 * <p>Express workflows cannot use activities, {@code .sync} or {@code .waitForTaskToken}
 * integrations.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html">Standard
 *     and Express workflows</a>
 */
public enum StateMachineType {
  STANDARD,
  EXPRESS
}
