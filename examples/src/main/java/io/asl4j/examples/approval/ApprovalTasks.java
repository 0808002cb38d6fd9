package io.asl4j.examples.approval;

import io.asl4j.runtime.LocalStateMachine;

/** HumanApproval's task: typed Java. */
public final class ApprovalTasks {
  private ApprovalTasks() {}

  /** Carries out an approved request. */
  public static ApprovalResult processApproval(ApprovalRequest request) {
    return new ApprovalResult(request.requestId(), "APPROVED", request.decision().approver());
  }

  /** The workflow with its task bound through the generated typed bindings. */
  public static LocalStateMachine.Builder bind(LocalStateMachine.Builder builder) {
    return HumanApprovalDefinition.tasks()
        .processApproval(ApprovalTasks::processApproval)
        .bindTo(builder);
  }
}
