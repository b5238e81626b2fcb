package edu.campus.logistics;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/**
 * The one way tests move a case: every step as the user who would do it in Tasklist
 * ({@link #as}: authenticated with their groups, so authorizations and the listeners' checks
 * apply), jobs executed as the job executor would, and camunda-bpm-assert initialised for the
 * engine, so that a scenario reads like the model and ends with
 * {@code BpmnAwareTests.assertThat(instance).hasPassedInOrder(...)}. Process-specific drivers ({@code OpenTasks},
 * repair's {@code RepairDriver}, procurement's test support) add the steps of their process.
 */
public class CaseDriver {

  /** Rounds of due asynchronous continuations {@link #executeJobs} runs at most (a posting step may lead to another). */
  private static final int JOB_ROUNDS = 10;

  public final ProcessEngine engine;
  public final RuntimeService runtime;
  public final TaskService tasks;
  public final IdentityService identity;
  public final ManagementService management;

  public CaseDriver(ProcessEngine engine) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    BpmnAwareTests.init(engine);
  }

  /** Runs {@code action} authenticated as {@code user} with the groups the identity service gives them. */
  public static <T> T as(IdentityService identity, String user, Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public <T> T as(String user, Supplier<T> action) {
    return as(identity, user, action);
  }

  public void as(String user, Runnable action) {
    as(identity, user, () -> {
      action.run();
      return null;
    });
  }

  /** The one open task of {@code activityId} in the instance; fails when there is none or several. */
  public Task task(ProcessInstance instance, String activityId) {
    return task(instance.getId(), activityId);
  }

  public Task task(String processInstanceId, String activityId) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId).list();
    if (found.size() != 1) {
      throw new AssertionError("expected one open " + activityId + " in " + processInstanceId + " but found " + found.size());
    }
    return found.get(0);
  }

  /** Whether the instance waits at a task of {@code activityId}. */
  public boolean waitsAt(ProcessInstance instance, String activityId) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).count() > 0;
  }

  /** Completes the task as {@code user}, as Tasklist's complete button does. */
  public void complete(String user, Task task, Map<String, Object> values) {
    as(user, () -> tasks.complete(task.getId(), values));
  }

  /** Claims the task as {@code user} (unless it is assigned already) and completes it. */
  public void claimAndComplete(String user, Task task, Map<String, Object> values) {
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), values);
    });
  }

  /** Claims the task as {@code user}, as Tasklist does before a form is filled in. */
  public void claim(String user, Task task) {
    as(user, () -> tasks.claim(task.getId(), user));
  }

  /** Runs the instance's due asynchronous continuations (postings), as the job executor would; timers stay. */
  public void executeJobs(ProcessInstance instance) {
    for (int round = 0; round < JOB_ROUNDS; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** The instance's timer at {@code activityId} (a boundary or intermediate timer event), or null. */
  public Job timer(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
  }

  /** Fires the instance's timer at {@code activityId} now, as the job executor would when it is due. */
  public void fire(ProcessInstance instance, String activityId) {
    Job timer = timer(instance, activityId);
    if (timer == null) {
      throw new AssertionError("no timer " + activityId + " in " + instance.getId());
    }
    management.executeJob(timer.getId());
  }
}
