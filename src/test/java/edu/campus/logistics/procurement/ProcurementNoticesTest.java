package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.READ_STOCK_NOTICE;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.notifications.NotificationEvent;
import edu.campus.logistics.notifications.Outbox;
import edu.campus.logistics.notifications.Outbox.Message;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The requester of a procurement hears 已入库 when the goods are stocked, once, with the link to the notice task. */
class ProcurementNoticesTest extends ProcurementTestSupport {

  @Autowired
  private Outbox outbox;

  @Test
  void theRequesterHearsTheGoodsAreStockedOnceTheStockingJobHasRun() {
    ProcessInstance request = start("zhangwei", List.of(uniqueLine("白板擦", "office", "个", "4", "12")));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "12");
    inspect(request, "sunli", "accepted", null);
    store(request, "总务仓库");
    assertThat(stocked(request)).as("nothing before the goods are in the ledger").isEmpty();

    runStockingJob(request);

    Task notice = task(request, READ_STOCK_NOTICE);
    assertThat(notice.getAssignee()).isEqualTo("zhangwei");
    assertThat(stocked(request)).singleElement().satisfies(message -> {
      assertThat(message.recipient()).isEqualTo("zhangwei");
      assertThat(message.address()).isEqualTo("zhangwei@school.example");
      assertThat(message.subject()).isEqualTo("【已入库】您申请的物品已入库（" + request.getBusinessKey() + "）");
      assertThat(message.body()).contains("已验收入库，可以到仓库领取");
      assertThat(message.link()).endsWith("/camunda/app/tasklist/default/#/?task=" + notice.getId());
    });
    assertThat(outbox.ofCase(request.getId())).as("no 待办 besides: the notice is the news")
        .noneMatch(m -> m.recipient().equals("zhangwei") && m.event() == NotificationEvent.TASK_ARRIVED);
  }

  private List<Message> stocked(ProcessInstance request) {
    return outbox.ofCase(request.getId()).stream().filter(m -> m.event() == NotificationEvent.REQUEST_STOCKED).toList();
  }
}
