package edu.campus.logistics.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's driver, the same code for both sides: whole {@link BenchmarkCase}s through Camunda's REST
 * API by {@code clients} concurrent clients, each with its own HTTP client, every step as its own user
 * (find the task, claim, complete). The time of each completion is recorded, and the instances per second
 * of the whole run. Bounded: at most {@code instances} cases and {@code limit} of time.
 */
final class RestCases {

  /** What one run measured. */
  record Run(String side, int clients, int instances, double seconds, Latencies completions) {

    double instancesPerSecond() {
      return instances / seconds;
    }
  }

  /** Per step, the statements of one case: the start, each task's claim and completion, the async stocking job. */
  record StepCounts(Map<String, Double> requestStatements, double jobStatements) {
  }

  private RestCases() {
  }

  /** What the driver sends: the case's own variables, or with the application's data ({@link BenchmarkCase}). */
  record Payload(String name, String processKey, Map<String, Object> start, List<BenchmarkCase.Step> steps) {

    static final Payload CASE = new Payload("", BenchmarkCase.PROCESS_KEY, BenchmarkCase.startVariables(),
        BenchmarkCase.STEPS);
    static final Payload WITH_APPLICATION_DATA = new Payload("+data", BenchmarkCase.PROCESS_KEY,
        BenchmarkCase.startVariablesWithApplicationData(), BenchmarkCase.STEPS_WITH_APPLICATION_DATA);
    /** The application's model without the application ({@code ProcurementBenchmark.applicationShape}), same data. */
    static final Payload APPLICATION_SHAPE = new Payload("+shape", BenchmarkCase.SHAPE_KEY,
        BenchmarkCase.startVariablesForApplicationShape(), BenchmarkCase.STEPS_FOR_APPLICATION_SHAPE);
  }

  static Run run(BenchmarkSide side, int clients, int instances, Duration limit) {
    return run(side, Payload.CASE, clients, instances, limit);
  }

  static Run run(BenchmarkSide side, Payload payload, int clients, int instances, Duration limit) {
    Latencies completions = new Latencies();
    Clients.Outcome outcome = Clients.run(clients, instances, limit, "bench-client-", number -> {
      TestHttp http = side.newClient();
      return deadline -> runCase(http, payload, completions, deadline, null);
    });
    if (outcome.failure() != null) {
      throw new AssertionError(side.name + ": a case failed", outcome.failure());
    }
    if (outcome.done() < instances) {
      throw new AssertionError(side.name + ": only " + outcome.done() + " of " + instances + " cases within " + limit);
    }
    return new Run(side.name + payload.name(), clients, outcome.done(), outcome.seconds(), completions);
  }

  /**
   * {@code cases} cases one after the other, the server's statement counter read around every step: the
   * statements of each step (web requests) and of the stocking job (job executor), per case.
   */
  static StepCounts stepCounts(BenchmarkSide side, int cases) {
    return stepCounts(side, Payload.CASE, cases);
  }

  static StepCounts stepCounts(BenchmarkSide side, Payload payload, int cases) {
    TestHttp http = side.newClient();
    Map<String, Double> perStep = new LinkedHashMap<>();
    double job = 0;
    for (int i = 0; i < cases; i++) {
      Map<String, Long> steps = new LinkedHashMap<>();
      long[] jobBefore = new long[1];
      runCase(http, payload, new Latencies(), System.nanoTime() + Duration.ofMinutes(2).toNanos(), new StepProbe() {
        long before;

        @Override
        public void before(String step) {
          JsonNode counts = side.counts();
          before = side.statements(counts, "request");
        }

        @Override
        public void after(String step) {
          JsonNode counts = side.counts();
          steps.merge(step, side.statements(counts, "request") - before, Long::sum);
          if ("Task_ConfirmStorage".equals(step)) {
            jobBefore[0] = side.statements(counts, "job");
          }
          if ("Task_ReadStockNotice".equals(step)) {
            steps.put("(job) Task_StockGoods", side.statements(counts, "job") - jobBefore[0]);
          }
        }
      });
      Long jobStatements = steps.remove("(job) Task_StockGoods");
      job += jobStatements;
      steps.forEach((step, statements) -> perStep.merge(step, statements / (double) cases, Double::sum));
    }
    return new StepCounts(perStep, job / cases);
  }

  /** Called around each step of a case (for the statement counts). */
  interface StepProbe {
    void before(String step);

    void after(String step);
  }

  private static void runCase(TestHttp http, Payload payload, Latencies completions, long deadline, StepProbe probe) {
    if (probe != null) {
      probe.before("start");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", "BENCH");
    body.put("variables", payload.start());
    String instance = ok(http.postJson("/engine-rest/process-definition/key/" + payload.processKey() + "/start",
        BenchmarkCase.REQUESTER, TestHttp.json(body)), "start").json().path("id").asText();
    if (probe != null) {
      probe.after("start");
    }
    for (BenchmarkCase.Step step : payload.steps()) {
      String task = awaitTask(http, instance, step, deadline);
      if (probe != null) {
        probe.before(step.taskKey());
      }
      if (step.claim()) {
        ok(http.postJson("/engine-rest/task/" + task + "/claim", step.user(), TestHttp.json(Map.of("userId", step.user()))),
            "claim " + step.taskKey());
      }
      long begin = System.nanoTime();
      ok(http.postJson("/engine-rest/task/" + task + "/complete", step.user(),
          TestHttp.json(Map.of("variables", step.variables()))), "complete " + step.taskKey());
      completions.add(System.nanoTime() - begin);
      if (probe != null) {
        probe.after(step.taskKey());
      }
    }
  }

  /** The case's open task of the step, polled every 5 ms while the asynchronous stocking runs. */
  private static String awaitTask(TestHttp http, String instance, BenchmarkCase.Step step, long deadline) {
    String query = "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + step.taskKey()
        + "&maxResults=5";
    while (true) {
      JsonNode tasks = ok(http.get(query, step.user()), "find " + step.taskKey()).json();
      if (tasks.size() == 1) {
        return tasks.get(0).path("id").asText();
      }
      if (tasks.size() > 1 || System.nanoTime() > deadline) {
        throw new AssertionError(instance + ": " + tasks.size() + " open " + step.taskKey() + " tasks");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
    }
  }

  private static Answer ok(Answer answer, String what) {
    if (answer.status() / 100 != 2) {
      throw new AssertionError(what + ": HTTP " + answer.status() + " " + answer.body());
    }
    return answer;
  }
}
