package edu.campus.logistics.cases;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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

  /**
   * The people a four-eyes guard checks on this task event: its assignee, and on completion whoever
   * completes it (who may differ, e.g. an administrator completing a colleague's task).
   */
  public static Set<String> involved(DelegateTask task) {
    Set<String> actors = new LinkedHashSet<>();
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      actors.add(of(task));
    }
    if (task.getAssignee() != null) {
      actors.add(task.getAssignee());
    }
    return actors;
  }

  /**
   * Who starts a case as its requester: the logged-in user (whatever a client sent in {@code variable});
   * a start without one (another process, a system job) must name an existing user there.
   */
  public static String starter(DelegateExecution execution, IdentityService identityService, String variable) {
    String current = current();
    if (current != null) {
      return current;
    }
    Object named = execution.getVariable(variable);
    if (!(named instanceof String userId) || userId.isBlank()) {
      throw Refusal.of("无法确定申请人，请登录后提交", "no requester: start as a logged-in user");
    }
    if (identityService.createUserQuery().userId(userId).count() != 1) {
      throw Refusal.of("申请人不存在：" + userId, "unknown requester " + userId);
    }
    return userId;
  }
}
