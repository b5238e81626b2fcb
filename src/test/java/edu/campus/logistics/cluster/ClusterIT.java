package edu.campus.logistics.cluster;

import static edu.campus.logistics.cluster.CasesOverRest.TUBE;
import static edu.campus.logistics.cluster.CasesOverRest.TUBES_BOUGHT;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application nodes (JVMs of their own) on one PostgreSQL database, both job executors on, as
 * README's "Running several nodes" describes. Cases are driven through the REST API, every request
 * to either node; the asynchronous postings (stocking, parts used) run on whichever node's job
 * executor takes them. Then node B is killed while it holds locked jobs, and node A finishes them.
 * Lamp tubes are bought by every purchase and used by every repair, so both nodes post receipts and
 * issues to the same balance row at the same time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /** Purchase requests and as many repairs (a few hundred cases together); -Dcluster.pairs=… to change. */
  static final int PAIRS = Integer.getInteger("cluster.pairs", 100);
  static final int CLIENTS = 6;
  static final int LOCK_TIME_MILLIS = 10_000;

  /** The nodes' working directories and logs (kept for a look after a failure). */
  final Path work = Path.of("target", "cluster-it").toAbsolutePath();

  TestPostgres.Database database;
  ClusterNode nodeA;
  ClusterNode nodeB;

  @BeforeAll
  void startTwoNodes() throws Exception {
    database = TestPostgres.database("campus_cluster");
    System.out.println("Cluster database " + database.url() + " (" + TestPostgres.origin() + ")");
    Instant started = Instant.now();
    // the first node creates the schemas and the demo data; the second starts on them
    nodeA = ClusterNode.start("node-a", database, work, jobExecutor(4, 2, 4, 8)).awaitUp(Duration.ofMinutes(4));
    // node B is greedy: it locks many jobs at once and works them with one thread, so it holds locked
    // jobs most of the time (what a node that dies leaves behind)
    nodeB = ClusterNode.start("node-b", database, work, jobExecutor(16, 1, 1, 16)).awaitUp(Duration.ofMinutes(4));
    System.out.println("Two nodes up in " + Duration.between(started, Instant.now()).toSeconds() + " s: node-a on port "
        + nodeA.port() + ", node-b on port " + nodeB.port());
  }

  /** Job executor settings of a test node: short lock time and waits, so that a dead node's jobs come back quickly. */
  private static List<String> jobExecutor(int jobsPerAcquisition, int corePool, int maxPool, int queue) {
    return List.of("--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + jobsPerAcquisition,
        "--camunda.bpm.job-execution.core-pool-size=" + corePool, "--camunda.bpm.job-execution.max-pool-size=" + maxPool,
        "--camunda.bpm.job-execution.queue-capacity=" + queue,
        // the test holds a balance row locked for a few seconds; postings wait for it rather than fail
        "--spring.datasource.hikari.connection-init-sql=SET lock_timeout = '60s'");
  }

  @AfterAll
  void stopNodes() throws Exception {
    for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  @Order(1)
  void casesStartedAcrossBothNodesCompleteOncePostOnceAndBothJobExecutorsWork() throws Exception {
    BigDecimal tubesBefore = balance(TUBE);
    Instant started = Instant.now();
    List<String> procurements = Collections.synchronizedList(new ArrayList<>());
    List<String> repairs = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> cases = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      int n = i;
      // each case alternates between the nodes from one request to the next, starting on node n % 2
      CasesOverRest rest = new CasesOverRest(step -> (n + step) % 2 == 0 ? nodeA.http() : nodeB.http());
      cases.add(clients.submit(call(() -> {
        String instance = rest.procurementUpToStocking("CL-CG-" + n);
        procurements.add(instance);
        rest.procurementAfterStocking(instance);
      })));
      cases.add(clients.submit(call(() -> {
        String instance = rest.repairUpToPartsPosting("CL-BX-" + n);
        repairs.add(instance);
        rest.repairAfterPartsPosting(instance);
      })));
    }
    awaitAll(clients, cases, Duration.ofMinutes(6));
    Duration took = Duration.between(started, Instant.now());

    assertThat(procurements).hasSize(PAIRS);
    assertThat(repairs).hasSize(PAIRS);
    try (Connection db = database.connect()) {
      assertEndedOnce(db, procurements, "EndEvent_GoodsStocked", "Task_StockGoods");
      assertEndedOnce(db, repairs, "EndEvent_Closed", "Task_PostPartsUsed");
      assertPostedOnce(db, procurements, "RECEIPT", TUBES_BOUGHT);
      assertPostedOnce(db, repairs, "REPAIR_USE", -1);
      assertThat(count(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
      assertThat(balance(TUBE)).as("lamp tubes: before + bought - used")
          .isEqualByComparingTo(tubesBefore.add(BigDecimal.valueOf((long) TUBES_BOUGHT * PAIRS - PAIRS)));
      assertThat(count(db, "select count(*) from ledger_balance where quantity < 0")).isZero();

      Map<String, Long> split = jobsDoneByNode(db, union(procurements, repairs));
      System.out.printf("Cluster load: %d purchase requests and %d repairs over two nodes in %d s; "
          + "asynchronous postings done per node: %s; failed job attempts (retried): %d%n", PAIRS, PAIRS,
          took.toSeconds(), split, count(db, "select count(*) from act_hi_job_log where job_state_ = 1"));
      assertThat(split.values().stream().mapToLong(Long::longValue).sum()).as("one posting job per case")
          .isEqualTo(2L * PAIRS);
      assertThat(split).as("both job executors did work").containsKeys("node-a", "node-b");
      assertThat(split.get("node-a")).isPositive();
      assertThat(split.get("node-b")).isPositive();
    }
    assertReconciles(nodeB.http());
  }

  @Test
  @Order(2)
  void aNodeKilledWhileHoldingLockedJobsLeavesThemToTheOtherNodeNothingLostNothingDoubled() throws Exception {
    int cases = 30;
    BigDecimal tubesBefore = balance(TUBE);
    List<String> requests = new ArrayList<>();
    CasesOverRest viaA = new CasesOverRest(step -> nodeA.http());
    for (int i = 0; i < cases; i++) {
      requests.add(viaA.procurementUpToStorage("CL-KILL-" + i));
    }
    CasesOverRest viaB = new CasesOverRest(step -> nodeB.http());
    List<String> orphans;
    Instant killedAt;
    // another posting to lamp tubes holds their balance row: the stocking jobs wait inside their transactions
    try (Connection other = database.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock = other.prepareStatement("select quantity from ledger_balance where item_code = ? for update")) {
        lock.setString(1, TUBE);
        lock.executeQuery().close();
      }
      ExecutorService storekeepers = Executors.newFixedThreadPool(3);
      List<Future<?>> stores = new ArrayList<>();
      for (String request : requests) {
        stores.add(storekeepers.submit(call(() -> viaB.store(request))));
      }
      awaitAll(storekeepers, stores, Duration.ofMinutes(2));
      try (Connection db = database.connect()) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (lockedBy(db, "node-b", requests).size() < 3) {
          assertThat(Instant.now()).as("node-b locks stocking jobs").isBefore(deadline);
          Thread.sleep(100);
        }
        nodeB.kill();
        killedAt = Instant.now();
        orphans = lockedBy(db, "node-b", requests);
      }
      other.rollback();
    }
    System.out.printf("node-b killed holding %d locked stocking jobs%n", orphans.size());
    assertThat(orphans).as("jobs locked by the dead node").isNotEmpty();

    for (String request : requests) {
      viaA.procurementAfterStocking(request);
    }
    Duration takeover = Duration.between(killedAt, Instant.now());
    try (Connection db = database.connect()) {
      assertEndedOnce(db, requests, "EndEvent_GoodsStocked", "Task_StockGoods");
      assertPostedOnce(db, requests, "RECEIPT", TUBES_BOUGHT);
      assertThat(balance(TUBE)).isEqualByComparingTo(tubesBefore.add(BigDecimal.valueOf((long) TUBES_BOUGHT * cases)));
      try (PreparedStatement takenOver = db.prepareStatement("select count(distinct job_id_) from act_hi_job_log "
          + "where job_id_ = any(?) and job_state_ = 2 and hostname_ = 'node-a'")) {
        takenOver.setArray(1, db.createArrayOf("varchar", orphans.toArray()));
        try (ResultSet rs = takenOver.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).as("every job the dead node held was done by node-a").isEqualTo(orphans.size());
        }
      }
      assertThat(count(db, "select count(*) from act_ru_incident")).isZero();
      System.out.printf("node-a finished the dead node's %d jobs; all %d cases done %d s after the kill (lock time %d s)%n",
          orphans.size(), cases, takeover.toSeconds(), LOCK_TIME_MILLIS / 1000);
    }
    assertReconciles(nodeA.http());
  }

  @Test
  @Order(3)
  void aDatabaseOutageOfAFewSecondsFailsRequestsCleanlyAndTheNodeRecoversWithoutARestart() throws Exception {
    TestHttp node = nodeA.http();
    CasesOverRest rest = new CasesOverRest(step -> node);
    String startBody = TestHttp.json(Map.of("businessKey", "CL-OUTAGE-0", "variables", Map.of(
        "department", Map.of("value", "总务处", "type", "String"), "reason", Map.of("value", "停电测试", "type", "String"),
        "neededBy", Map.of("value", java.time.LocalDate.now().plusDays(7).toString(), "type", "String"),
        "items", Map.of("value", CasesOverRest.TUBE_ORDER, "type", "Json"))));
    TestHttp.Answer duringOutage;
    TestHttp.Answer healthDuringOutage;
    Instant outage = Instant.now();
    try (Connection admin = TestPostgres.database("postgres").connect()) {
      admin.createStatement().execute("alter database campus_cluster allow_connections false");
      admin.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity "
          + "where datname = 'campus_cluster' and pid <> pg_backend_pid()");
      try {
        healthDuringOutage = node.get("/actuator/health", null);
        duringOutage = node.postJson("/engine-rest/process-definition/key/procurement/start", "zhangwei", startBody);
        long left = 5000 - Duration.between(outage, Instant.now()).toMillis();
        if (left > 0) {
          Thread.sleep(left);
        }
      } finally {
        admin.createStatement().execute("alter database campus_cluster allow_connections true");
      }
    }
    Duration down = Duration.between(outage, Instant.now());
    System.out.printf("Database away for %d s: health answered %d, a start request %d %s%n", down.toSeconds(),
        healthDuringOutage.status(), duringOutage.status(), duringOutage.body());
    assertThat(healthDuringOutage.status()).as("the load balancer's health check sees the outage").isEqualTo(503);
    // (a request the outage catches inside an engine command gets the REST API's own 500 with the engine's message)
    assertThat(duringOutage.status()).as(duringOutage.body()).isEqualTo(503);
    assertThat(duringOutage.message()).startsWith("数据库暂时不可用，本次操作未保存");

    Instant deadline = Instant.now().plusSeconds(60);
    while (node.get("/actuator/health", null).status() != 200) {
      assertThat(Instant.now()).as("healthy again without a restart").isBefore(deadline);
      Thread.sleep(500);
    }
    Duration recovered = Duration.between(outage, Instant.now());
    String request = rest.procurementUpToStocking("CL-OUTAGE-1");
    rest.procurementAfterStocking(request);
    try (Connection db = database.connect()) {
      assertThat(count(db, "select count(*) from act_hi_procinst where business_key_ = 'CL-OUTAGE-0'"))
          .as("no half-written case from the failed request").isZero();
      assertEndedOnce(db, List.of(request), "EndEvent_GoodsStocked", "Task_StockGoods");
      assertPostedOnce(db, List.of(request), "RECEIPT", TUBES_BOUGHT);
    }
    assertReconciles(node);
    System.out.printf("Healthy again %d s after the outage began; a whole purchase request went through after it%n",
        recovered.toSeconds());
  }

  // ---------------------------------------------------------------- checks

  /** Every case ended at its end event, and its asynchronous step ran (committed) exactly once. */
  private static void assertEndedOnce(Connection db, List<String> instances, String endEvent, String asyncStep)
      throws SQLException {
    try (PreparedStatement ended = db.prepareStatement("select count(*) from act_hi_procinst where id_ = any(?) "
        + "and state_ = 'COMPLETED' and end_act_id_ = ?")) {
      ended.setArray(1, ids(db, instances));
      ended.setString(2, endEvent);
      assertThat(single(ended)).as("cases ended at " + endEvent).isEqualTo(instances.size());
    }
    try (PreparedStatement steps = db.prepareStatement("select count(*), count(distinct proc_inst_id_) from act_hi_actinst "
        + "where proc_inst_id_ = any(?) and act_id_ = ? and end_time_ is not null")) {
      steps.setArray(1, ids(db, instances));
      steps.setString(2, asyncStep);
      try (ResultSet rs = steps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as(asyncStep + " ran once per case").isEqualTo(instances.size());
        assertThat(rs.getLong(2)).isEqualTo(instances.size());
      }
    }
  }

  /** One ledger entry of this type and quantity per case, nothing else. */
  private static void assertPostedOnce(Connection db, List<String> instances, String type, int quantity) throws SQLException {
    try (PreparedStatement entries = db.prepareStatement("select count(*), count(distinct process_instance_id), "
        + "count(distinct voucher_key), sum(quantity) from ledger_entry where process_instance_id = any(?) and entry_type = ?")) {
      entries.setArray(1, ids(db, instances));
      entries.setString(2, type);
      try (ResultSet rs = entries.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as(type + " entries, one per case").isEqualTo(instances.size());
        assertThat(rs.getLong(2)).isEqualTo(instances.size());
        assertThat(rs.getLong(3)).isEqualTo(instances.size());
        assertThat(rs.getBigDecimal(4)).isEqualByComparingTo(BigDecimal.valueOf((long) quantity * instances.size()));
      }
    }
    try (PreparedStatement others = db.prepareStatement("select count(*) from ledger_entry where process_instance_id = any(?)")) {
      others.setArray(1, ids(db, instances));
      assertThat(single(others)).as("no other entries of these cases").isEqualTo(instances.size());
    }
  }

  private static void assertReconciles(TestHttp node) {
    TestHttp.Answer reconciliation = node.get("/api/ledger/reconciliation", "wuxiaohong");
    assertThat(reconciliation.status()).isEqualTo(200);
    assertThat(reconciliation.json().path("consistent").asBoolean()).as(reconciliation.body()).isTrue();
  }

  /** Successful asynchronous continuations of these cases per node ({@code ACT_HI_JOB_LOG.HOSTNAME_}). */
  private static Map<String, Long> jobsDoneByNode(Connection db, List<String> instances) throws SQLException {
    Map<String, Long> split = new LinkedHashMap<>();
    try (PreparedStatement query = db.prepareStatement("select hostname_, count(*) from act_hi_job_log "
        + "where process_instance_id_ = any(?) and job_state_ = 2 and job_def_type_ = 'async-continuation' "
        + "group by hostname_ order by hostname_")) {
      query.setArray(1, ids(db, instances));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          split.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return split;
  }

  /** Ids of the jobs of these cases that are locked by the node and not yet done. */
  private static List<String> lockedBy(Connection db, String node, List<String> instances) throws SQLException {
    List<String> jobs = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement("select id_ from act_ru_job where lock_owner_ = ? "
        + "and process_instance_id_ = any(?)")) {
      query.setString(1, node);
      query.setArray(2, ids(db, instances));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          jobs.add(rs.getString(1));
        }
      }
    }
    return jobs;
  }

  private BigDecimal balance(String item) throws SQLException {
    try (Connection db = database.connect();
         PreparedStatement query = db.prepareStatement("select quantity from ledger_balance where item_code = ?")) {
      query.setString(1, item);
      try (ResultSet rs = query.executeQuery()) {
        assertThat(rs.next()).as("item " + item).isTrue();
        return rs.getBigDecimal(1);
      }
    }
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      return single(query);
    }
  }

  private static long single(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Array ids(Connection db, List<String> ids) throws SQLException {
    return db.createArrayOf("varchar", ids.toArray());
  }

  private static List<String> union(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static Callable<Void> call(Runnable step) {
    return () -> {
      step.run();
      return null;
    };
  }

  private static void awaitAll(ExecutorService pool, List<Future<?>> futures, Duration timeout) throws Exception {
    pool.shutdown();
    if (!pool.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS)) {
      pool.shutdownNow();
      throw new AssertionError("cases not done within " + timeout);
    }
    for (Future<?> future : futures) {
      future.get();
    }
  }
}
