package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionActivities.APPROVE_REQUISITION;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.SingleGroupUsers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Two requisitions for the same last units, approved at the same moment by two approvers: the
 * reservations are serialized on the item's balance row, so one gets its units and the other what
 * is left (a shortage), never the same units twice; after issuing, stock is zero, never negative.
 */
class RequisitionConcurrencyTest extends RequisitionTestSupport {

  @Test
  void twoApprovalsNeverCountOnTheSameLastUnits() throws Exception {
    String lastUnits = stockedItem("并发测试粉笔", "盒", "6.50", "4");
    ProcessInstance first = start(REQUESTER, lastUnits, 3);
    ProcessInstance second = start("liuyang", lastUnits, 3);
    List<Task> approvals = List.of(task(first, APPROVE_REQUISITION), task(second, APPROVE_REQUISITION));
    // small consumables are approved by the storekeepers: two of them, one approval each
    cases.as(STOREKEEPER, () -> taskService.claim(approvals.get(0).getId(), STOREKEEPER));
    String otherKeeper = SingleGroupUsers.of("warehouse");
    SingleGroupUsers.ensure(identityService);
    cases.as(otherKeeper, () -> taskService.claim(approvals.get(1).getId(), otherKeeper));
    List<String> users = List.of(STOREKEEPER, otherKeeper);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Task approval = approvals.get(i);
        String user = users.get(i);
        done.add(pool.submit(() -> {
          go.await(10, TimeUnit.SECONDS);
          cases.as(user, () -> taskService.complete(approval.getId(), Map.of("decision", "approve", "comment", "同意")));
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    BigDecimal reservedFirst = decimals(lines(first), "reserved").get(0);
    BigDecimal reservedSecond = decimals(lines(second), "reserved").get(0);
    assertThat(reservedFirst.add(reservedSecond)).as("never more than the 4 on hand").isEqualByComparingTo("4");
    assertThat(List.of(reservedFirst, reservedSecond)).usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrder(new BigDecimal("3"), new BigDecimal("1"));
    assertThat(reservations.reserved(lastUnits)).isEqualByComparingTo("4");
    assertThat(available(lastUnits)).isZero();
    ProcessInstance shortOne = reservedFirst.compareTo(BigDecimal.ONE) == 0 ? first : second;
    assertThat(variable(shortOne, "shortage")).isEqualTo(true);

    issue(first, otherKeeper, reservedFirst.compareTo(BigDecimal.ONE) == 0 ? "withdraw" : null, null);
    issue(second, otherKeeper, reservedSecond.compareTo(BigDecimal.ONE) == 0 ? "withdraw" : null, null);
    runIssueJob(first);
    runIssueJob(second);
    assertThat(onHand(lastUnits)).as("all issued, never negative").isZero();
    assertThat(reservations.reserved(lastUnits)).isZero();
  }
}
