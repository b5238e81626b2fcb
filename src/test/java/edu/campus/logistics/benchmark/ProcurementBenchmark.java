package edu.campus.logistics.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestPostgres;
import edu.campus.bare.BareEngineApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not part of the default test run (the class name matches no Surefire pattern):
 * {@code mvn -B test-compile surefire:test -Dtest=ProcurementBenchmark} (H2 file database) or with
 * {@code -Dbenchmark.database=postgres} (a throwaway PostgreSQL of {@link TestPostgres}). docs/performance.md.
 *
 * <p>Two servers side by side, each in a JVM of its own with the same options and database settings: this
 * application, and the bare Camunda starter ({@link BareEngineApplication}) running a model of the procurement's
 * shape (five user tasks, one asynchronous step, no listeners, authorization off). The same driver code
 * ({@link RestCases}) runs whole cases through REST over loopback with 1, 4 and 20 clients, the two sides
 * interleaved round by round so that both meet the same machine; then through the Java API inside each server
 * ({@link JavaApiRun}). Printed: instances per second and their ratio, task-completion p50/p95, SQL statements
 * per case and per step (counted in each server by {@link SqlCounter}), the most frequent statements, and the
 * time from launch to Tasklist ready (first start on an empty database, and restarts). Bounded in count and time.
 * Options: {@code -Dbenchmark.clients=1,4,20}, {@code -Dbenchmark.rounds=2},
 * {@code -Dbenchmark.scale=1.0} (cases per run), {@code -Dbenchmark.jfr=project} (a flight recording of a side),
 * {@code -Dbenchmark.project-arguments="--a=b --c=d"} (settings of the application's side, to try one),
 * {@code -Dbenchmark.sql-callers=true} (the most frequent statements by the application's code that caused them;
 * slows the servers, so the figures of such a run are not comparable), {@code -Dbenchmark.bare-data=true} (the bare
 * side also carrying the application's variables: how much of the gap is the data).
 */
class ProcurementBenchmark {

  static final Duration RUN_LIMIT = Duration.ofMinutes(4);
  /** Restarts of each side on the filled database (an odd number: the median is one of them). */
  static final int RESTARTS = 5;

  private final StringBuilder report = new StringBuilder();

  @Test
  void procurementAgainstTheBareEngine() throws Exception {
    String database = System.getProperty("benchmark.database", "h2");
    List<Integer> clientCounts = Arrays.stream(System.getProperty("benchmark.clients", "1,4,20").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    int rounds = Integer.getInteger("benchmark.rounds", 2);
    double scale = Double.parseDouble(System.getProperty("benchmark.scale", "1.0"));
    String jfr = System.getProperty("benchmark.jfr", "");
    Path work = Path.of("target", "benchmark", "procurement-" + database).toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work);

    Map<String, String> projectEnvironment = Map.of();
    List<String> projectArguments = new ArrayList<>(List.of("--logging.level.root=WARN",
        "--logging.file.name=" + work.resolve("project/app.log"), "--spring.jmx.enabled=false"));
    String extra = System.getProperty("benchmark.project-arguments", "");
    if (!extra.isBlank()) {
      projectArguments.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    List<String> bareArguments = new ArrayList<>(bareSettings());
    if (Boolean.getBoolean("benchmark.bare-data")) {
      String shape = ",file:" + applicationShape(work.resolve("shape")) + "/*";
      bareArguments.replaceAll(argument -> argument.startsWith(DEPLOYMENT_PATTERN) ? argument + shape : argument);
    }
    if ("postgres".equals(database)) {
      TestPostgres.Database projectDb = TestPostgres.database("bench_project");
      TestPostgres.Database bareDb = TestPostgres.database("bench_bare");
      projectEnvironment = projectDb.environment();
      projectArguments.add("--spring.profiles.active=postgres");
      bareArguments.addAll(List.of("--spring.datasource.url=" + bareDb.url(),
          "--spring.datasource.username=" + bareDb.user(), "--spring.datasource.password=" + bareDb.password(),
          "--spring.datasource.hikari.maximum-pool-size=12",
          "--spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED",
          "--spring.datasource.hikari.connection-timeout=5000",
          "--spring.datasource.hikari.connection-init-sql=SET lock_timeout = '10s'"));
    } else {
      projectArguments.add("--spring.datasource.url=" + h2(work.resolve("project")));
      bareArguments.addAll(List.of("--spring.datasource.url=" + h2(work.resolve("bare")),
          "--spring.datasource.username=sa", "--spring.datasource.password="));
    }
    String mainClasses = BenchmarkSide.codeSource(CampusLogisticsApplication.class).toString();
    try (BenchmarkSide project = new BenchmarkSide("project", CampusLogisticsApplication.class.getName(),
        BenchmarkSide.applicationClasspath(work.resolve("harness")), recording(jfr, "project", work), projectArguments,
        projectEnvironment,
        work.resolve("project"));
         BenchmarkSide bare = new BenchmarkSide("bare", BareEngineApplication.class.getName(),
             BenchmarkSide.classpathWithout(mainClasses), recording(jfr, "bare", work), bareArguments, Map.of(),
             work.resolve("bare"))) {
      line("# Procurement: this application against the bare Camunda starter (%s), %s", database,
          java.time.LocalDateTime.now().withNano(0));
      line("%d cores, JVM %s, server JVMs %s", Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"), BenchmarkSide.JVM);
      Duration bareFirst = bare.start(Duration.ofMinutes(3));
      Duration projectFirst = project.start(Duration.ofMinutes(3));
      line("first start on an empty database, launch → Tasklist ready: project %.1f s, bare %.1f s (ratio %.2f)",
          seconds(projectFirst), seconds(bareFirst), seconds(projectFirst) / seconds(bareFirst));
      assertThat(definitionResource(project)).startsWith("processes/procurement/");
      assertThat(definitionResource(bare)).endsWith("benchmark/bare-procurement.bpmn");

      int cases = 0;
      for (int warmUp = 0; warmUp < 2; warmUp++) {
        RestCases.run(project, 4, scaled(20, scale), RUN_LIMIT);
        RestCases.run(bare, 4, scaled(20, scale), RUN_LIMIT);
        cases += scaled(20, scale);
      }

      line("");
      line("## SQL statements per case (one client, cases one after another)");
      Map<String, RestCases.StepCounts> steps = new LinkedHashMap<>();
      for (BenchmarkSide side : List.of(project, bare)) {
        side.resetTop();
        steps.put(side.name, RestCases.stepCounts(side, 5));
      }
      cases += 5;
      line("| step | project | bare |");
      line("|---|---|---|");
      double projectTotal = 0;
      double bareTotal = 0;
      for (String step : steps.get("project").requestStatements().keySet()) {
        double p = steps.get("project").requestStatements().get(step);
        double b = steps.get("bare").requestStatements().getOrDefault(step, 0.0);
        projectTotal += p;
        bareTotal += b;
        line("| %s | %.1f | %.1f |", step, p, b);
      }
      line("| Task_StockGoods (job executor) | %.1f | %.1f |", steps.get("project").jobStatements(),
          steps.get("bare").jobStatements());
      projectTotal += steps.get("project").jobStatements();
      bareTotal += steps.get("bare").jobStatements();
      line("| **per case** | **%.1f** | **%.1f** |", projectTotal, bareTotal);
      for (BenchmarkSide side : List.of(project, bare)) {
        line("");
        line("most frequent statements of %s over those 5 cases (web requests; job executor):", side.name);
        for (String kind : List.of("request", "job")) {
          for (JsonNode row : side.top(kind, "request".equals(kind) ? Integer.getInteger("benchmark.top", 25) : 10)) {
            line("  %s %5d  %s", kind.charAt(0), row.get(0).asLong(), row.get(1).asText());
          }
        }
      }

      line("");
      line("## Whole cases through REST, runs interleaved");
      line("| clients | round | project inst/s | bare inst/s | ratio | complete p50 project / bare | p95 project / bare |");
      line("|---|---|---|---|---|---|---|");
      List<String> summary = new ArrayList<>();
      for (int clients : clientCounts) {
        int count = scaled(clients == 1 ? 20 : clients <= 4 ? 60 : 160, scale);
        double[] seconds = new double[2];
        int[] done = new int[2];
        Latencies[] completions = {new Latencies(), new Latencies()};
        for (int round = 0; round < rounds; round++) {
          Map<String, RestCases.Run> runs = round(List.of(new Leg(project, RestCases.Payload.CASE),
              new Leg(bare, RestCases.Payload.CASE)), round, clients, count);
          RestCases.Run p = runs.get("project");
          RestCases.Run b = runs.get("bare");
          line("| %d | %d | %.2f | %.2f | %.2f | %.0f / %.0f ms | %.0f / %.0f ms |", clients, round + 1,
              p.instancesPerSecond(), b.instancesPerSecond(), p.instancesPerSecond() / b.instancesPerSecond(),
              p.completions().percentile(50), b.completions().percentile(50), p.completions().percentile(95),
              b.completions().percentile(95));
          seconds[0] += p.seconds();
          seconds[1] += b.seconds();
          done[0] += p.instances();
          done[1] += b.instances();
          completions[0].addAll(p.completions());
          completions[1].addAll(b.completions());
          cases += count;
        }
        double projectRate = done[0] / seconds[0];
        double bareRate = done[1] / seconds[1];
        summary.add(String.format("| %d | %.2f | %.2f | **%.2f** | %.0f / %.0f ms | %.0f / %.0f ms (**%.2f×**) | %.1f (%.2f) |",
            clients, projectRate, bareRate, projectRate / bareRate, completions[0].percentile(50),
            completions[1].percentile(50), completions[0].percentile(95), completions[1].percentile(95),
            completions[0].percentile(95) / completions[1].percentile(95), load(), load() / 2));
      }
      line("");
      line("## Summary over the rounds (REST)");
      line("| clients | project inst/s | bare inst/s | ratio | complete p50 project / bare | p95 project / bare | load average (per core) |");
      line("|---|---|---|---|---|---|---|");
      summary.forEach(this::line);

      ComparisonCases comparison = Boolean.getBoolean("benchmark.bare-data")
          ? bareWithApplicationData(project, bare, clientCounts, rounds, scale) : ComparisonCases.NONE;

      line("");
      line("## Whole cases through the Java API inside each server");
      line("| clients | project inst/s | bare inst/s | ratio | complete p50 project / bare | p95 project / bare |");
      line("|---|---|---|---|---|---|");
      int javaCases = 0;
      for (int clients : List.of(1, 4)) {
        int count = scaled(clients == 1 ? 20 : 60, scale);
        JsonNode p = javaRun(project, clients, count);
        JsonNode b = javaRun(bare, clients, count);
        javaCases += count;
        line("| %d | %.2f | %.2f | %.2f | %.1f / %.1f ms | %.1f / %.1f ms |", clients,
            p.path("instancesPerSecond").asDouble(), b.path("instancesPerSecond").asDouble(),
            p.path("instancesPerSecond").asDouble() / b.path("instancesPerSecond").asDouble(),
            p.path("completeP50").asDouble(), b.path("completeP50").asDouble(), p.path("completeP95").asDouble(),
            b.path("completeP95").asDouble());
      }

      line("");
      line("## Background statements over the whole run (job acquisition, schedulers)");
      for (BenchmarkSide side : List.of(project, bare)) {
        JsonNode counts = side.counts();
        line("%s: acquisition %d, other %d (start-up included), job executor %d, web requests %d", side.name,
            side.statements(counts, "acquisition"), side.statements(counts, "other"), side.statements(counts, "job"),
            side.statements(counts, "request"));
      }
      for (BenchmarkSide side : List.of(project, bare)) {
        long finished = side.http.get("/engine-rest/history/process-instance/count?processDefinitionKey="
            + BenchmarkCase.PROCESS_KEY + "&finished=true", "admin").json().path("count").asLong();
        assertThat(finished).as("%s: every case of the run ended", side.name)
            .isEqualTo(cases + javaCases + (side == project ? comparison.project() : comparison.bare()));
      }
      long shapeFinished = bare.http.get("/engine-rest/history/process-instance/count?processDefinitionKey="
          + BenchmarkCase.SHAPE_KEY + "&finished=true", "admin").json().path("count").asLong();
      assertThat(shapeFinished).as("bare: every case of the application's model ended").isEqualTo(comparison.shape());
      line("every case ended on both sides: %d each, and %d / %d / %d of the comparison with the application's data",
          cases + javaCases, comparison.project(), comparison.bare(), comparison.shape());

      project.stop();
      bare.stop();
      line("");
      line("## Restart on the filled database, launch → Tasklist ready");
      // RESTARTS of each side, the order alternating; a single start varies by a second or more on this machine
      List<Double> projectRestarts = new ArrayList<>();
      List<Double> bareRestarts = new ArrayList<>();
      for (int i = 0; i < RESTARTS; i++) {
        for (BenchmarkSide side : i % 2 == 0 ? List.of(bare, project) : List.of(project, bare)) {
          double took = seconds(side.start(Duration.ofMinutes(3)));
          side.stop();
          (side == project ? projectRestarts : bareRestarts).add(took);
        }
        line("restart %d: project %.1f s, bare %.1f s (ratio %.2f)", i + 1, projectRestarts.get(i),
            bareRestarts.get(i), projectRestarts.get(i) / bareRestarts.get(i));
      }
      line("median of %d restarts: project %.1f s, bare %.1f s (**ratio %.2f**)", RESTARTS, median(projectRestarts),
          median(bareRestarts), median(projectRestarts) / median(bareRestarts));
    } finally {
      Path out = Path.of("target", "benchmark", "procurement-" + database + ".txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
      System.out.println("written to " + out.toAbsolutePath());
    }
  }

  private static final String DEPLOYMENT_PATTERN = "--camunda.bpm.deployment-resource-pattern=";

  /**
   * The application's procurement model with nothing of the application: its listeners, forms and case-number
   * property taken out, its service tasks doing nothing ({@code ${true}}), deployed as {@value BenchmarkCase#SHAPE_KEY} with its
   * decision tables to the bare side ({@code -Dbenchmark.bare-data}). Made from processes/procurement at each
   * run, so it is the model of the day: the two decision tasks, the approval chain as a multi-instance
   * subprocess with its reminder and escalation timers, the gateways, the asynchronous stocking.
   */
  private static Path applicationShape(Path directory) throws IOException {
    Files.createDirectories(directory);
    String model = Files.readString(Path.of("processes/procurement/procurement.bpmn"), StandardCharsets.UTF_8)
        .replaceAll("(?s)<camunda:(taskListener|executionListener)[^>]*/>", "")
        .replaceAll("(?s)<camunda:properties>.*?</camunda:properties>", "")
        .replaceAll("\\s+camunda:formRef(Binding)?=\"[^\"]*\"", "")
        .replaceAll("camunda:delegateExpression=\"[^\"]*\"", "camunda:expression=\"\\${true}\"")
        .replace("<bpmn:process id=\"procurement\"", "<bpmn:process id=\"" + BenchmarkCase.SHAPE_KEY + "\"")
        .replace("bpmnElement=\"procurement\"", "bpmnElement=\"" + BenchmarkCase.SHAPE_KEY + "\"");
    Files.writeString(directory.resolve("procurement-shape.bpmn"), model, StandardCharsets.UTF_8);
    Files.copy(Path.of("processes/procurement/procurement-approval.dmn"), directory.resolve("procurement-approval.dmn"));
    return directory;
  }

  /** The bare starter's settings: the application's engine, job executor and web settings, without authorization. */
  static List<String> bareSettings() {
    return List.of("--spring.config.name=bare-benchmark", "--spring.flyway.enabled=false", "--spring.jmx.enabled=false", "--logging.level.root=WARN",
        "--spring.jackson.default-property-inclusion=non_null",
        "--server.servlet.encoding.charset=UTF-8", "--server.servlet.encoding.force=true",
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin",
        "--camunda.bpm.authorization.enabled=false", "--camunda.bpm.history-level=full",
        "--camunda.bpm.database.schema-update=true", "--camunda.bpm.webapp.index-redirect-enabled=true",
        "--camunda.bpm.deployment-resource-pattern=classpath:benchmark/bare-procurement.bpmn",
        "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.core-pool-size=2",
        "--camunda.bpm.job-execution.max-pool-size=4", "--camunda.bpm.job-execution.queue-capacity=8",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=4",
        "--camunda.bpm.job-execution.lock-time-in-millis=300000",
        "--camunda.bpm.job-execution.wait-time-in-millis=5000", "--camunda.bpm.job-execution.max-wait=60000",
        "--camunda.bpm.generic-properties.properties.history-time-to-live=P1825D",
        "--camunda.bpm.generic-properties.properties.java-serialization-format-enabled=false",
        "--camunda.bpm.generic-properties.properties.default-serialization-format=application/json",
        "--camunda.bpm.generic-properties.properties.job-executor-deployment-aware=false",
        "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R3/PT5M",
        "--camunda.bpm.generic-properties.properties.general-resource-whitelist-pattern=[a-zA-Z0-9][a-zA-Z0-9-]{0,63}");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String h2(Path directory) {
    return "jdbc:h2:file:" + directory.resolve("db/benchmark")
        + System.getProperty("benchmark.h2-options", ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256");
  }

  private static List<String> recording(String jfr, String side, Path work) {
    List<String> options = new ArrayList<>();
    if (jfr.equals(side) || jfr.equals("both")) {
      // deep stacks: the default 64 frames end inside Spring's and Jersey's filters before the application's code
      options.add("-XX:FlightRecorderOptions:stackdepth=512");
      options.add("-XX:StartFlightRecording=filename=" + work.resolve(side + ".jfr") + ",settings=profile");
    }
    // switches the servers read themselves (BenchmarkServer, SqlCounter)
    for (String flag : List.of("benchmark.sql-callers", "benchmark.startup-steps")) {
      if (Boolean.getBoolean(flag)) {
        options.add("-D" + flag + "=true");
      }
    }
    return options;
  }

  /**
   * {@code -Dbenchmark.bare-data}: how much of the gap is the data, and how much the model. The bare side runs
   * the same cases once more carrying the application's variables ({@link RestCases.Payload#WITH_APPLICATION_DATA}),
   * and once more on the application's own model without the application ({@link #applicationShape}, the same
   * data: {@link RestCases.Payload#APPLICATION_SHAPE}), interleaved with the plain bare runs and the application's
   * in the same rounds; printed: their statements per case, and per round the four rates, each one's ratio
   * against the plain bare engine, and the application against the bare engine running its model with its data
   * (authorization, rules, listeners, its own tables — what this application adds beyond its model and data).
   */
  private ComparisonCases bareWithApplicationData(BenchmarkSide project, BenchmarkSide bare, List<Integer> clientCounts, int rounds,
                                      double scale) {
    line("");
    line("## The bare engine carrying the application's data, and running the application's model (REST, interleaved)");
    for (RestCases.Payload payload : List.of(RestCases.Payload.WITH_APPLICATION_DATA, RestCases.Payload.APPLICATION_SHAPE)) {
      RestCases.StepCounts loaded = RestCases.stepCounts(bare, payload, 5);
      double statements = loaded.jobStatements() + loaded.requestStatements().values().stream().mapToDouble(d -> d).sum();
      line("statements per case of bare%s: %.1f (%s; job %.1f)", payload.name(), statements,
          loaded.requestStatements().entrySet().stream().map(step -> String.format("%s %.1f", step.getKey(), step.getValue()))
              .collect(Collectors.joining(", ")), loaded.jobStatements());
    }
    int projectCases = 0;
    int bareCases = 5;
    int shapeCases = 5;
    line("| clients | round | project | bare | bare+data | bare+shape | bare+data / bare | bare+shape / bare "
        + "| **project / bare+shape** | p95 project / bare / bare+data / bare+shape |");
    line("|---|---|---|---|---|---|---|---|---|---|");
    List<Leg> legs = List.of(new Leg(project, RestCases.Payload.CASE), new Leg(bare, RestCases.Payload.CASE),
        new Leg(bare, RestCases.Payload.WITH_APPLICATION_DATA), new Leg(bare, RestCases.Payload.APPLICATION_SHAPE));
    for (int clients : clientCounts) {
      int count = scaled(clients == 1 ? 20 : clients <= 4 ? 60 : 160, scale);
      for (int round = 0; round < rounds; round++) {
        Map<String, RestCases.Run> runs = round(legs, round, clients, count);
        RestCases.Run p = runs.get("project");
        RestCases.Run b = runs.get("bare");
        RestCases.Run d = runs.get("bare" + RestCases.Payload.WITH_APPLICATION_DATA.name());
        RestCases.Run m = runs.get("bare" + RestCases.Payload.APPLICATION_SHAPE.name());
        line("| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | **%.2f** | %.0f / %.0f / %.0f / %.0f ms |", clients,
            round + 1, p.instancesPerSecond(), b.instancesPerSecond(), d.instancesPerSecond(), m.instancesPerSecond(),
            d.instancesPerSecond() / b.instancesPerSecond(), m.instancesPerSecond() / b.instancesPerSecond(),
            p.instancesPerSecond() / m.instancesPerSecond(), p.completions().percentile(95),
            b.completions().percentile(95), d.completions().percentile(95), m.completions().percentile(95));
        projectCases += count;
        bareCases += 2 * count;
        shapeCases += count;
      }
    }
    return new ComparisonCases(projectCases, bareCases, shapeCases);
  }

  /**
   * The cases {@link #bareWithApplicationData} ran: the application's, the bare side's on its own model (plain and
   * with the application's data), and on the application's model.
   */
  private record ComparisonCases(int project, int bare, int shape) {

    static final ComparisonCases NONE = new ComparisonCases(0, 0, 0);
  }

  /** One run of a round: a side, and what its driver sends. */
  private record Leg(BenchmarkSide side, RestCases.Payload payload) {
  }

  /**
   * One round of interleaved runs, by their names: the legs in their order, reversed every second round so that no
   * leg always runs first on a machine that warms up or slows down.
   */
  private static Map<String, RestCases.Run> round(List<Leg> legs, int round, int clients, int count) {
    List<Leg> order = new ArrayList<>(legs);
    if (round % 2 != 0) {
      Collections.reverse(order);
    }
    Map<String, RestCases.Run> runs = new LinkedHashMap<>();
    for (Leg leg : order) {
      RestCases.Run run = RestCases.run(leg.side(), leg.payload(), clients, count, RUN_LIMIT);
      runs.put(run.side(), run);
    }
    return runs;
  }

  private static String definitionResource(BenchmarkSide side) {
    TestHttp.Answer answer = side.http.get("/engine-rest/process-definition?latestVersion=true&maxResults=1&key="
        + BenchmarkCase.PROCESS_KEY, BenchmarkCase.REQUESTER);
    assertThat(answer.status()).as("%s: %s", side.name, answer.body()).isEqualTo(200);
    return answer.json().path(0).path("resource").asText();
  }

  private static JsonNode javaRun(BenchmarkSide side, int clients, int count) {
    JsonNode run = side.javaRun(clients, count);
    assertThat(run.path("failure").isNull()).as("%s Java API run: %s", side.name, run).isTrue();
    assertThat(run.path("instances").asInt()).isEqualTo(count);
    return run;
  }

  private static int scaled(int count, double scale) {
    return Math.max(1, (int) Math.round(count * scale));
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private void line(String format, Object... arguments) {
    String text = arguments.length == 0 ? format : String.format(format, arguments);
    System.out.println(text);
    report.append(text).append('\n');
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
