package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.CONFIRM_STORAGE;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_STOCK_NOTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.Item;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Purchase, inspection and stocking paths: over budget, partial acceptance, return to supplier, assets, retries. */
class ProcurementPurchasePathsTest extends ProcurementTestSupport {

  private static final String A4_SPEC = "A4 70g 500张/包 5包/箱";
  private static final String PROJECTOR_SPEC = "3LCD 4000流明";

  @Autowired
  private AssetRegister assets;
  @Autowired
  private DataSource dataSource;

  @Test
  void paperAndProjectorsGoFromRequestToStockWithTwoAssetCards() {
    BigDecimal paperBefore = balance("复印纸", A4_SPEC);
    BigDecimal projectorsBefore = balance("投影仪", PROJECTOR_SPEC);
    ProcessInstance request = start("zhangwei", List.of(
        line("复印纸", A4_SPEC, "office", "箱", "5", "120"),
        line("投影仪", PROJECTOR_SPEC, "equipment", "台", "2", "3500")));
    assertThat(variable(request, "totalAmount")).isEqualTo(7600.0);
    assertThat(variable(request, "category")).isEqualTo("equipment");
    approve(request, "wangfang");
    approve(request, "lijianguo");
    purchase(request, "zhaolei", "118", "3450");
    inspect(request, "sunli", "accepted", null);
    store(request, "教学楼301");
    runStockingJob(request);

    assertThat(balance("复印纸", A4_SPEC)).isEqualByComparingTo(paperBefore.add(new BigDecimal("5")));
    assertThat(balance("投影仪", PROJECTOR_SPEC)).isEqualByComparingTo(projectorsBefore.add(new BigDecimal("2")));
    assertThat(item("投影仪", PROJECTOR_SPEC).code()).isEqualTo("EQP-PROJ");
    List<Asset> cards = assets.createdBy((String) variable(request, "stockVoucher"));
    assertThat(cards).hasSize(2).allSatisfy(card -> {
      assertThat(card.tag()).matches("ZC\\d{4}-\\d{6}");
      assertThat(card.itemCode()).isEqualTo("EQP-PROJ");
      assertThat(card.custodian()).isEqualTo("zhangwei");
      assertThat(card.location()).isEqualTo("教学楼301");
      assertThat(card.cost()).isEqualByComparingTo("3450");
    });
    JsonNode tags = json(request, "assetTags");
    assertThat(tags).hasSize(2);
    assertThat(tags.get(0).asText()).isEqualTo(cards.get(0).tag());
    assertThat(request).isWaitingAt(READ_STOCK_NOTICE);
  }

  @Test
  void actualTotalMoreThanTenPercentOverGoesBackThroughApproval() {
    ProcessInstance request = start("zhangwei", List.of(uniqueLine("文件柜", "furniture", "个", "2", "500")));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "560");

    assertThat(request).isWaitingAt(APPROVE_REQUEST);
    assertThat(variable(request, "overBudget")).isEqualTo(true);
    assertThat(variable(request, "totalAmount")).isEqualTo(1120.0);
    assertThat(variable(request, "approvalRound")).isEqualTo(2);
    approve(request, "wangfang");
    assertThat(variable(request, "approvedAmount")).isEqualTo(1120.0);
    assertThat(request).isWaitingAt(PURCHASE_GOODS);
    assertThat(json(request, "purchaseItems").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("560");
    purchase(request, "zhaolei", "560");
    assertThat(request).isWaitingAt(INSPECT_GOODS);
  }

  @Test
  void withinTenPercentNeedsNoNewApproval() {
    ProcessInstance request = start("zhangwei", List.of(uniqueLine("文件柜", "furniture", "个", "2", "500")));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "550");
    assertThat(request).isWaitingAt(INSPECT_GOODS);
    assertThat(variable(request, "purchaseTotal")).isEqualTo(1100.0);
  }

  @Test
  void partialAcceptanceStocksOnlyTheAcceptedQuantities() {
    Map<String, Object> faucets = uniqueLine("水龙头", "plumbing", "个", "10", "40");
    Map<String, Object> mops = uniqueLine("拖把", "cleaning", "把", "8", "20");
    ProcessInstance request = start("zhangwei", List.of(faucets, mops));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "38", "18");
    assertThatThrownBy(() -> inspect(request, "sunli", "partial", "4个漏水", "11", "8"))
        .hasMessageContaining("必须在0到10之间");
    assertThatThrownBy(() -> inspect(request, "sunli", "partial", null, "6", "8"))
        .hasMessageContaining("必须填写验收说明");
    inspect(request, "sunli", "partial", "4个水龙头漏水，退回供应商", "6", "8");
    store(request, null);
    runStockingJob(request);

    assertThat(balance("水龙头", (String) faucets.get("spec"))).isEqualByComparingTo("6");
    assertThat(balance("拖把", (String) mops.get("spec"))).isEqualByComparingTo("8");
    Item faucet = item("水龙头", (String) faucets.get("spec"));
    assertThat(faucet.stockValue()).isEqualByComparingTo("228.00");
    assertThat(ledger.entries(faucet.code())).singleElement()
        .satisfies(entry -> assertThat(entry.quantity()).isEqualByComparingTo("6"));
  }

  @Test
  void rejectedDeliveryGoesBackToPurchaseAndIsStockedOnceWhenAccepted() {
    Map<String, Object> chairs = uniqueLine("办公椅", "furniture", "把", "4", "300");
    ProcessInstance request = start("zhangwei", List.of(chairs));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "290");
    inspect(request, "sunli", "rejected", "椅背断裂，全部退货");

    assertThat(request).isWaitingAt(PURCHASE_GOODS);
    assertThat(balance("办公椅", (String) chairs.get("spec"))).isEqualByComparingTo("0");
    purchase(request, "zhouqiang", "295");
    inspect(request, "sunli", "accepted", null);
    store(request, "行政楼");
    runStockingJob(request);
    assertThat(balance("办公椅", (String) chairs.get("spec"))).isEqualByComparingTo("4");
    assertThat(variable(request, "purchaseRound")).isEqualTo(2);
    assertThat(variable(request, "buyerId")).isEqualTo("zhouqiang");
  }

  @Test
  void aFailedStockingJobRetriesAndPostsExactlyOnce() throws Exception {
    Map<String, Object> paper = line("复印纸", A4_SPEC, "office", "箱", "3", "120");
    ProcessInstance request = start("zhangwei", List.of(paper));
    approve(request, "wangfang");
    purchase(request, "zhaolei", "121");
    inspect(request, "sunli", "accepted", null);
    store(request, "总务仓库");
    BigDecimal before = balance("复印纸", A4_SPEC);
    int entriesBefore = ledger.entries("OFF-A4").size();

    Date now = new Date();
    ClockUtil.setCurrentTime(now);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread otherNode = new Thread(() -> holdBalanceLock("OFF-A4", locked, release));
    otherNode.start();
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    Job job = stockingJob(request);
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
    release.countDown();
    otherNode.join();

    Job failed = stockingJob(request);
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getDuedate()).isEqualTo(new Date(now.getTime() + 5 * 60 * 1000));
    assertThat(balance("复印纸", A4_SPEC)).isEqualByComparingTo(before);
    assertThat(ledger.entries("OFF-A4")).hasSize(entriesBefore);

    managementService.executeJob(failed.getId());
    assertThat(request).isWaitingAt(READ_STOCK_NOTICE);
    assertThat(balance("复印纸", A4_SPEC)).isEqualByComparingTo(before.add(new BigDecimal("3")));
    assertThat(ledger.entries("OFF-A4")).hasSize(entriesBefore + 1);
    assertThat(ledger.entriesOfVoucher((String) variable(request, "stockVoucher"))).hasSize(1);
    assertThat(task(request, CONFIRM_STORAGE)).isNull();
  }

  /** Another node posting to the same item: holds its balance row locked until released. */
  private void holdBalanceLock(String itemCode, CountDownLatch locked, CountDownLatch release) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement lock = connection.prepareStatement(
          "select quantity from ledger_balance where item_code = ? for update")) {
        lock.setString(1, itemCode);
        lock.executeQuery().close();
        locked.countDown();
        release.await(60, TimeUnit.SECONDS);
      }
      connection.rollback();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
