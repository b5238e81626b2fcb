package edu.campus.logistics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerFigures;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import edu.campus.logistics.metrics.SummaryMetrics.Summary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not part of the default test run (the class name matches no Surefire pattern):
 * {@code mvn -B test -Dtest=MetricsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Fills the history of
 * 50,000 finished repairs and 10,000 procurements of 2035, brings them into the KPI read model with the
 * start-up backfill (timed), and times the summary of the whole year from the read model (after) and from
 * Camunda's history (before: the same reports over {@link HistoryCases}), interleaved in the same JVM so
 * that both meet the same load, in process (with the bytes they allocate) and through HTTP; the figures of
 * both must be equal. The history rows are written with SQL in the shape the engine writes them (running
 * 60,000 cases through the engine would take hours on this machine); the procurements' receipts are posted
 * through the ledger service. On PostgreSQL: {@link MetricsPostgresBenchmark}. Results:
 * {@code target/benchmark/metrics-h2.txt} (or {@code -postgres}) and docs/performance.md.
 */
@CampusTest
class MetricsBenchmark {

  static final int REPAIRS = 50_000;
  static final int PROCUREMENTS = 10_000;
  static final int RUNS = 3;
  static final Instant YEAR_START = Instant.parse("2034-12-31T16:00:00Z");
  static final String[] CATEGORIES = {"electrical", "plumbing", "carpentry", "building", "grounds", "multimedia", "other"};
  static final String[] RESPONDERS = {"zhengkai", "fengxue"};
  static final String[] TECHNICIANS = {"hejun", "majian"};

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  LedgerService ledger;
  @Autowired
  SummaryMetrics summary;
  @Autowired
  KpiReadModel readModel;
  @Autowired
  HistoryCases historyCases;
  @Autowired
  ProcessHistory processHistory;
  @Autowired
  LedgerFigures ledgerFigures;
  @LocalServerPort
  int port;

  private final Random random = new Random(2035);
  private final List<Object[]> instances = new ArrayList<>();
  private final List<Object[]> variables = new ArrayList<>();
  private final List<Object[]> activities = new ArrayList<>();
  private final List<Object[]> bytes = new ArrayList<>();
  private long ids;

  @Test
  void summaryOfAYearWithFiftyThousandRepairsAndTenThousandProcurements() throws IOException {
    long fillStart = System.nanoTime();
    String repairDefinition = "repair:bench:1";
    for (int i = 0; i < REPAIRS; i++) {
      repair(i, repairDefinition);
      flushIfFull();
    }
    String item = "BENCH-" + Long.toHexString(System.nanoTime()).toUpperCase();
    ledger.registerItem(new NewItem(item, "基准测试物品", "", "个", ItemCategory.OFFICE.id(), BigDecimal.ZERO));
    List<String[]> stocked = new ArrayList<>();
    for (int i = 0; i < PROCUREMENTS; i++) {
      stocked.add(procurement(i, "procurement:bench:1"));
      flushIfFull();
    }
    flush();
    for (String[] receipt : stocked) {
      // posted when the goods were stocked, as the stocking step would
      ClockUtil.setCurrentTime(Date.from(Instant.parse(receipt[2])));
      ledger.receive(new Voucher("bench:" + receipt[0], receipt[0], receipt[1], "Task_StockGoods", "wuxiaohong"),
          List.of(StockLine.of(item, BigDecimal.ONE, new BigDecimal("25"))));
    }
    ClockUtil.reset();
    Duration fill = Duration.ofNanos(System.nanoTime() - fillStart);

    // the cases precede the read model (written with SQL): the start-up backfill brings them in
    long backfillStart = System.nanoTime();
    int backfilled = readModel.backfill();
    Duration backfill = Duration.ofNanos(System.nanoTime() - backfillStart);

    Period year = new Period(LocalDate.of(2035, 1, 1), LocalDate.of(2035, 12, 31), ZoneId.of("Asia/Shanghai"));
    // the computation before the read model: the same reports over Camunda's history on each request
    SummaryMetrics fromHistory = new SummaryMetrics(new RepairMetrics(historyCases, processHistory, ledgerFigures),
        new ProcurementMetrics(historyCases, ledgerFigures));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = system.getSystemLoadAverage();
    Summary oldFigures = fromHistory.summary(year);
    Summary figures = summary.summary(year);
    List<Long> oldMillis = new ArrayList<>();
    List<Long> millis = new ArrayList<>();
    List<Long> oldAllocated = new ArrayList<>();
    List<Long> allocated = new ArrayList<>();
    List<Long> oldCpu = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    List<Double> load = new ArrayList<>();
    // old and new interleaved, so that both meet the same load of the shared machine
    for (int run = 0; run < RUNS; run++) {
      time(() -> fromHistory.summary(year), threads, oldMillis, oldAllocated, oldCpu);
      figures = time(() -> summary.summary(year), threads, millis, allocated, cpu);
      load.add(system.getSystemLoadAverage());
    }
    TestHttp http = new TestHttp(port);
    long httpStart = System.nanoTime();
    TestHttp.Answer answer = http.get("/api/metrics/summary?from=2035-01-01&to=2035-12-31", "gaoming");
    long httpMillis = (System.nanoTime() - httpStart) / 1_000_000;
    Runtime runtime = Runtime.getRuntime();
    String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName() + " "
        + c.getMetaData().getDatabaseProductVersion());

    List<String> ratios = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      ratios.add(String.format(java.util.Locale.ROOT, "%.1f", oldMillis.get(run) / (double) Math.max(1, millis.get(run))));
    }
    String report = String.format("database: %s; %d processors%n"
            + "fill: %d repairs, %d procurements in %d s (history rows written with SQL)%n"
            + "backfill of the read model from the history: %d cases in %d ms%n"
            + "summary of 2035 from the history (before), in process: %s ms, CPU of the calling thread %s ms,"
            + " allocated %s MiB per run%n"
            + "summary of 2035 from the read model (after), in process: %s ms, CPU of the calling thread %s ms,"
            + " allocated %s MiB per run%n"
            + "ratio before/after per run: %s%n"
            + "load average (1 min): %.2f before the runs, %s after each pair%n"
            + "summary through HTTP (read model): %d ms, %d bytes of JSON%n"
            + "JVM heap after: %d MiB used of %d MiB max%n",
        database, system.getAvailableProcessors(), REPAIRS, PROCUREMENTS, fill.toSeconds(), backfilled,
        backfill.toMillis(), oldMillis, oldCpu, oldAllocated, millis, cpu, allocated, ratios, loadBefore,
        load.stream().map(l -> String.format(java.util.Locale.ROOT, "%.2f", l)).toList(), httpMillis,
        answer.body().length(), (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024),
        runtime.maxMemory() / (1024 * 1024));
    System.out.print(report);
    Path file = Path.of("target", "benchmark", "metrics-" + (database.toLowerCase().contains("postgres") ? "postgres" : "h2")
        + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report, StandardCharsets.UTF_8);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(backfilled).isGreaterThanOrEqualTo(REPAIRS + PROCUREMENTS);
    assertThat(figures.repairsReported()).isEqualTo(REPAIRS);
    assertThat(figures.procurementRequests()).isEqualTo(PROCUREMENTS);
    assertThat(figures.procurementSpendCny()).isEqualByComparingTo(new BigDecimal(25L * PROCUREMENTS));
    assertThat(figures).as("the read model gives the figures the history gives").isEqualTo(oldFigures);
    assertThat(millis).as("summary time, goal < 1 s").allMatch(ms -> ms < 10_000);
  }

  private static <T> T time(java.util.function.Supplier<T> action, com.sun.management.ThreadMXBean threads,
                            List<Long> millis, List<Long> allocated, List<Long> cpu) {
    long bytesBefore = threads.getCurrentThreadAllocatedBytes();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    T result = action.get();
    millis.add((System.nanoTime() - start) / 1_000_000);
    cpu.add((threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000);
    allocated.add((threads.getCurrentThreadAllocatedBytes() - bytesBefore) / (1024 * 1024));
    return result;
  }

  private void repair(int i, String definition) {
    String id = "bench-r-" + i;
    Instant reported = YEAR_START.plusSeconds((long) (random.nextDouble() * 364 * 86_400));
    boolean urgent = random.nextInt(5) == 0;
    Duration responseDeadline = urgent ? Duration.ofMinutes(30) : Duration.ofHours(4);
    Duration resolutionDeadline = urgent ? Duration.ofHours(4) : Duration.ofDays(2);
    Instant responded = reported.plus(Duration.ofMinutes(1 + random.nextInt(urgent ? 45 : 300)));
    Instant dispatched = responded.plus(Duration.ofMinutes(random.nextInt(20)));
    Instant resolved = dispatched.plus(Duration.ofMinutes(30 + random.nextInt(urgent ? 300 : 3_000)));
    Instant closed = resolved.plus(Duration.ofMinutes(10));
    instances.add(new Object[] {id, id, "BX-2035-" + i, "repair", definition, ts(reported), ts(closed),
        Duration.between(reported, closed).toMillis(), "StartEvent_RepairReported", "EndEvent_Closed", id, "COMPLETED"});
    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
    text(id, "repair", "category", category);
    text(id, "repair", "urgency", urgent ? "urgent" : "normal");
    text(id, "repair", "location", "教学楼" + (1 + random.nextInt(8)) + "0" + (1 + random.nextInt(9)));
    if (random.nextInt(10) == 0) {
      text(id, "repair", "assetTag", String.format("ZC2035-%06d", random.nextInt(2_000)));
    }
    text(id, "repair", "firstResponder", RESPONDERS[random.nextInt(RESPONDERS.length)]);
    text(id, "repair", "technician", TECHNICIANS[random.nextInt(TECHNICIANS.length)]);
    text(id, "repair", "workDone", "更换配件");
    date(id, "repair", "reportedAt", reported);
    date(id, "repair", "respondedAt", responded);
    date(id, "repair", "dispatchedAt", dispatched);
    date(id, "repair", "resolvedAt", resolved);
    date(id, "repair", "responseDueAt", reported.plus(responseDeadline));
    date(id, "repair", "resolutionDueAt", reported.plus(resolutionDeadline));
    variable(id, "repair", "fixed", "boolean", null, 1L, null, null);
    variable(id, "repair", "reopenCount", "integer", null, random.nextInt(12) == 0 ? 1L : 0L, null, null);
    variable(id, "repair", "satisfaction", "integer", null, (long) (2 + random.nextInt(4)), null, null);
    if (random.nextInt(10) == 0) {
      json(id, "repair", "escalations", "[{\"stage\":\"response\",\"level\":1,\"group\":\"logistics-head\",\"round\":0}]");
    }
    if (random.nextInt(20) == 0) {
      activities.add(new Object[] {id + "-wait", "repair", definition, id, id, id, "Task_WaitForParts", "等待配件",
          "userTask", ts(dispatched), ts(dispatched.plus(Duration.ofHours(5))), Duration.ofHours(5).toMillis(), id});
    }
  }

  private String[] procurement(int i, String definition) {
    String id = "bench-p-" + i;
    String businessKey = "CG-2035-" + i;
    Instant requested = YEAR_START.plusSeconds((long) (random.nextDouble() * 360 * 86_400));
    Instant approved = requested.plus(Duration.ofHours(1 + random.nextInt(48)));
    Instant stocked = approved.plus(Duration.ofDays(1 + random.nextInt(10)));
    instances.add(new Object[] {id, id, businessKey, "procurement", definition, ts(requested), ts(stocked),
        Duration.between(requested, stocked).toMillis(), "StartEvent_PurchaseRequested", "EndEvent_GoodsStocked", id,
        "COMPLETED"});
    text(id, "procurement", "department", "教研组" + random.nextInt(12));
    text(id, "procurement", "supplier", "供应商" + random.nextInt(30));
    variable(id, "procurement", "overBudget", "boolean", null, 0L, null, null);
    json(id, "procurement", "quotes", "[{\"supplier\":\"甲\",\"amount\":100},{\"supplier\":\"乙\",\"amount\":110},"
        + "{\"supplier\":\"丙\",\"amount\":120}]");
    json(id, "procurement", "approvals", "[{\"round\":1,\"level\":\"general-affairs\",\"decision\":\"approve\","
        + "\"createdAt\":\"" + requested + "\",\"decidedAt\":\"" + approved + "\"}]");
    activities.add(new Object[] {id + "-stock", "procurement", definition, id, id, id, "Task_StockGoods", "入库",
        "serviceTask", ts(stocked), ts(stocked), 0L, id});
    return new String[] {id, businessKey, stocked.toString()};
  }

  private void text(String instance, String key, String name, String value) {
    variable(instance, key, name, "string", value, null, null, null);
  }

  private void date(String instance, String key, String name, Instant value) {
    variable(instance, key, name, "date", null, value.toEpochMilli(), null, null);
  }

  private void json(String instance, String key, String name, String value) {
    String byteArray = "bench-b-" + (ids++);
    bytes.add(new Object[] {byteArray, 1, name, value.getBytes(StandardCharsets.UTF_8), 3, instance});
    variable(instance, key, name, "json", null, null, null, byteArray);
  }

  private void variable(String instance, String key, String name, String type, String text, Long number, Double decimal,
                        String byteArray) {
    variables.add(new Object[] {"bench-v-" + (ids++), key, instance, instance, name, type, text, number, decimal,
        byteArray, instance, "CREATED"});
  }

  private void flushIfFull() {
    if (variables.size() > 20_000) {
      flush();
    }
  }

  private void flush() {
    jdbc.batchUpdate("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
        + " START_TIME_, END_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", instances);
    jdbc.batchUpdate("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, BYTES_, TYPE_, ROOT_PROC_INST_ID_)"
        + " values (?, ?, ?, ?, ?, ?)", bytes);
    jdbc.batchUpdate("insert into ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_,"
        + " TEXT_, LONG_, DOUBLE_, BYTEARRAY_ID_, ROOT_PROC_INST_ID_, STATE_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        variables);
    jdbc.batchUpdate("insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_,"
        + " ROOT_PROC_INST_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, PARENT_ACT_INST_ID_)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", activities);
    instances.clear();
    variables.clear();
    activities.clear();
    bytes.clear();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
