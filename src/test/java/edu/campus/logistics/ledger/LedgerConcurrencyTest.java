package edu.campus.logistics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Many threads posting to one item: no lost update, never negative, reconciliation consistent. */
@CampusTest
class LedgerConcurrencyTest {

  static final int THREADS = 8;
  static final int POSTINGS_PER_THREAD = 20;

  @Autowired
  LedgerService ledger;
  @Autowired
  TransactionTemplate transaction;

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

  @Test
  void twoStockingsOfTheSameNewItemYieldOneItemAndBothPostingsSucceed() throws Exception {
    String name = "并发新品-" + UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch firstRegistered = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    // the first stocking adds the item and stays open a moment; the second comes while it is uncommitted
    Future<String> first = pool.submit(() -> stock(name, name + "-1", () -> {
      firstRegistered.countDown();
      sleep(500);
    }));
    Future<String> second = pool.submit(() -> {
      firstRegistered.await();
      return stock(name, name + "-2", () -> { });
    });
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(second.get()).as("one catalogue item for both").isEqualTo(first.get());
    assertThat(ledger.items().stream().filter(item -> item.name().equals(name))).hasSize(1);
    assertThat(ledger.findItem(first.get()).orElseThrow().quantity()).as("both postings went through").isEqualByComparingTo("6");
    assertThat(ledger.reconcile().consistent()).isTrue();
  }

  /** Stocks 3 of a possibly new item in one transaction, as the stocking step does; {@code beforeCommit} runs last. */
  private String stock(String name, String voucher, Runnable beforeCommit) {
    return transaction.execute(status -> {
      Item item = ledger.findOrRegisterItem(name, "A款", "个", ItemCategory.OFFICE.id());
      ledger.receive(Voucher.manual(voucher, "wuxiaohong"), List.of(StockLine.of(item.code(), new BigDecimal("3"),
          new BigDecimal("12.00"))));
      beforeCommit.run();
      return item.code();
    });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
