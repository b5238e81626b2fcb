package edu.campus.logistics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Many threads posting to one item: no lost update, never negative, reconciliation consistent. */
@CampusTest
class LedgerConcurrencyTest {

  static final int THREADS = 8;
  static final int POSTINGS_PER_THREAD = 20;

  @Autowired
  LedgerService ledger;

  @Test
  void concurrentPostingsToOneItemSerialize() throws Exception {
    String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(code, "并发测试灯管", null, "支", ItemCategory.ELECTRICAL.id(), BigDecimal.ZERO));
    ledger.receive(Voucher.manual(code + "-opening", "wuxiaohong"),
        List.of(StockLine.of(code, new BigDecimal("10"), new BigDecimal("25.00"))));

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < POSTINGS_PER_THREAD; i++) {
          String key = code + "-" + thread + "-" + i;
          if (i % 2 == 0) {
            ledger.receive(Voucher.manual(key, "wuxiaohong"), List.of(StockLine.of(code, new BigDecimal("2"), new BigDecimal("25.00"))));
          } else {
            ledger.issue(Voucher.manual(key, "wuxiaohong"), List.of(StockLine.of(code, BigDecimal.ONE)));
          }
          // every fourth posting is retried, as a job would be: it must not post again
          if (i % 4 == 0) {
            ledger.receive(Voucher.manual(key, "wuxiaohong"), List.of(StockLine.of(code, new BigDecimal("2"), new BigDecimal("25.00"))));
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    for (Future<?> future : futures) {
      future.get();
    }

    int receipts = THREADS * POSTINGS_PER_THREAD / 2;
    int issues = THREADS * POSTINGS_PER_THREAD / 2;
    Item item = ledger.findItem(code).orElseThrow();
    assertThat(item.quantity()).isEqualByComparingTo(BigDecimal.valueOf(10 + 2L * receipts - issues));
    assertThat(item.stockValue()).isEqualByComparingTo(BigDecimal.valueOf(25L * (10 + 2L * receipts - issues)));
    assertThat(ledger.entries(code)).hasSize(1 + receipts + issues);
    assertThat(ledger.reconcile().consistent()).isTrue();
  }
}
