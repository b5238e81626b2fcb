package edu.campus.logistics.metrics;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, writes the kpi_case rows of the cases the history has and the read model has not: the cases
 * that precede the read model (the first start after V6), and any a node without the handler wrote. Bounded
 * batches of {@code campus.metrics.backfill-batch} cases (default 500), each in its own transaction, walked
 * by process instance id (the primary key index), so one pass reads the history once whatever its size.
 * Several nodes starting at once may do the same batch; the inserts skip rows already there, so the result
 * is the same. The live handler fills in a case it meets before the backfill reached it.
 */
@Component
class KpiBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(KpiBackfill.class);

  private final JdbcTemplate jdbc;
  private final HistoryCases history;
  private final KpiCaseStore store;
  private final TransactionTemplate transactions;
  private final int batchSize;

  KpiBackfill(JdbcTemplate jdbc, HistoryCases history, KpiCaseStore store, PlatformTransactionManager transactions,
              @Value("${campus.metrics.backfill-batch:500}") int batchSize) {
    this.jdbc = jdbc;
    this.history = history;
    this.store = store;
    this.transactions = new TransactionTemplate(transactions);
    this.batchSize = Math.max(1, Math.min(batchSize, 5_000));
  }

  @Override
  public void run(ApplicationArguments args) {
    backfill();
  }

  /** Fills the missing rows; returns how many cases were missing. */
  int backfill() {
    long start = System.nanoTime();
    String after = "";
    int missing = 0;
    int batches = 0;
    while (true) {
      String from = after;
      List<String[]> page = jdbc.query("select p.ID_, case when k.process_instance_id is null then 1 else 0 end"
              + " from ACT_HI_PROCINST p left join kpi_case k on k.process_instance_id = p.ID_"
              + " where p.ID_ > ? and p.PROC_DEF_KEY_ in ('" + String.join("', '", KpiCaseMapping.PROCESSES) + "')"
              + " order by p.ID_ fetch first " + batchSize + " rows only",
          (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, from);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1)[0];
      List<String> ids = page.stream().filter(row -> "1".equals(row[1])).map(row -> row[0]).toList();
      if (!ids.isEmpty()) {
        transactions.executeWithoutResult(status -> {
          HistoryCases.Rows rows = history.rows(ids);
          store.insertAbsent(rows.cases());
          store.upsertSteps(rows.steps());
        });
        missing += ids.size();
        batches++;
      }
      if (page.size() < batchSize) {
        break;
      }
    }
    if (missing > 0) {
      LOG.info("KPI read model: {} cases backfilled from the history in {} batches, {} ms", missing, batches,
          (System.nanoTime() - start) / 1_000_000);
    }
    return missing;
  }
}
