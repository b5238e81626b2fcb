package edu.campus.logistics.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/**
 * Whole {@link BenchmarkCase}s through the engine's Java API inside the server's JVM, by {@code clients}
 * threads (named {@code bench-java-*}, counted as requests by {@link SqlCounter}), each step authenticated as its
 * user with the user's groups, as the REST layer would: the engine's own cost without HTTP.
 */
final class JavaApiRun {

  private final ProcessEngine engine;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  JavaApiRun(ProcessEngine engine) {
    this.engine = engine;
  }

  Map<String, Object> run(int clients, int instances, Duration limit) {
    Latencies completions = new Latencies();
    Clients.Outcome outcome = Clients.run(clients, instances, limit, "bench-java-",
        number -> deadline -> runCase(completions, deadline));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("instances", outcome.done());
    result.put("seconds", outcome.seconds());
    result.put("instancesPerSecond", outcome.done() / outcome.seconds());
    result.put("completeP50", completions.percentile(50));
    result.put("completeP95", completions.percentile(95));
    result.put("failure", outcome.failure() == null ? null : String.valueOf(outcome.failure()));
    return result;
  }

  private void runCase(Latencies completions, long deadline) {
    String instance = as(BenchmarkCase.REQUESTER, () -> engine.getRuntimeService().startProcessInstanceByKey(
        BenchmarkCase.PROCESS_KEY, "BENCH-JAVA", BenchmarkCase.javaValues(BenchmarkCase.startVariables())).getId());
    TaskService tasks = engine.getTaskService();
    for (BenchmarkCase.Step step : BenchmarkCase.STEPS) {
      as(step.user(), () -> {
        Task task = awaitTask(instance, step.taskKey(), deadline);
        if (step.claim()) {
          tasks.claim(task.getId(), step.user());
        }
        long begin = System.nanoTime();
        tasks.complete(task.getId(), BenchmarkCase.javaValues(step.variables()));
        completions.add(System.nanoTime() - begin);
        return null;
      });
    }
  }

  private Task awaitTask(String instance, String taskKey, long deadline) {
    while (true) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
          .singleResult();
      if (task != null) {
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(instance + " did not reach " + taskKey + " in time");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
    }
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    List<String> userGroups = groups.computeIfAbsent(user, id -> identity.createGroupQuery().groupMember(id).list()
        .stream().map(Group::getId).toList());
    identity.setAuthentication(user, userGroups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
