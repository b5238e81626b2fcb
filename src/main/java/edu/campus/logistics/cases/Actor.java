package edu.campus.logistics.cases;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Who acts, the one rule for every process: the authenticated user of the engine command that runs
 * the listener (who clicked in Tasklist, who called the REST API). The engine acting on its own —
 * the job executor firing a timer, an asynchronous continuation — has no user: {@link #current()}
 * is then null and nothing is recorded in a person's name. A user task is only ever completed by a
 * command; one issued by the application's own code without a login (Java callers, tests) acts for
 * the task's assignee, whom {@code TaskWorkers} has already checked; with neither it is refused.
 */
public final class Actor {

  private Actor() {
  }

  /** The authenticated user of the current command, or null when the engine acts on its own. */
  public static String current() {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext == null ? null : commandContext.getAuthenticatedUserId();
  }

  /** Who acts on this task: the authenticated user, else its assignee; refused when there is neither. */
  public static String of(DelegateTask task) {
    String current = current();
    if (current != null) {
      return current;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    throw Refusal.of("请先认领任务再办理", "claim the task before completing it");
  }
}
