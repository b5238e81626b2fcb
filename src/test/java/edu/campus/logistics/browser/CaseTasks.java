package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The open tasks of one case as the engine knows them, for picking the right card in Tasklist and
 * checking who holds a task. Waits for asynchronous steps (the job executor runs in browser tests).
 */
final class CaseTasks {

  private final TaskService taskService;
  private final String processInstanceId;

  CaseTasks(TaskService taskService, String processInstanceId) {
    this.taskService = taskService;
    this.processInstanceId = processInstanceId;
  }

  /** The open task with this id in the model, waiting up to {@link Browser#TIMEOUT} for it. */
  Task await(String taskKey) {
    Instant deadline = Instant.now().plus(Browser.TIMEOUT);
    Task task;
    while ((task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .singleResult()) == null) {
      assertThat(Instant.now()).as("task " + taskKey + " of " + processInstanceId + " created").isBefore(deadline);
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return task;
  }

  String id(String taskKey) {
    return await(taskKey).getId();
  }
}
