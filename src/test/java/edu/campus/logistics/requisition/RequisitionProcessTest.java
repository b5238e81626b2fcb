package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionActivities.APPROVE_REQUISITION;
import static edu.campus.logistics.requisition.RequisitionActivities.CONFIRM_RECEIPT;
import static edu.campus.logistics.requisition.RequisitionActivities.END_RECEIVED;
import static edu.campus.logistics.requisition.RequisitionActivities.END_REJECTED;
import static edu.campus.logistics.requisition.RequisitionActivities.END_WITHDRAWN;
import static edu.campus.logistics.requisition.RequisitionActivities.ISSUE_GOODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetEventType;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.EntryType;
import edu.campus.logistics.ledger.LedgerEntry;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The paths a requisition can take (docs/processes/requisition.md), with the ledger's and the reservations' figures. */
class RequisitionProcessTest extends RequisitionTestSupport {

  @Autowired
  private AssetRegister assets;

  @Test
  void approvalReservesTheStorekeeperIssuesAndTheRequesterSigns() {
    String chalk = stockedItem("测试粉笔", "盒", "6.50", "10");
    ProcessInstance requisition = start(REQUESTER, chalk, 4);
    assertThat(requisition.getBusinessKey()).startsWith("LY-");
    assertThat(variable(requisition, "requesterId")).isEqualTo(REQUESTER);
    assertThat(variable(requisition, "department")).as("from the requester's user info").isEqualTo("语文组");

    Task approval = task(requisition, APPROVE_REQUISITION);
    assertThat(candidateGroups(approval)).as("small consumables: the storekeeper approves").containsExactly("warehouse");
    assertThat(reservations.reserved(chalk)).isZero();

    approve(requisition, STOREKEEPER);
    assertThat(onHand(chalk)).as("nothing leaves the store at approval").isEqualByComparingTo("10");
    assertThat(reservations.reserved(chalk)).as("approval reserves").isEqualByComparingTo("4");
    assertThat(available(chalk)).as("available = on hand − reserved").isEqualByComparingTo("6");
    assertThat(variable(requisition, "shortage")).isEqualTo(false);

    issue(requisition, STOREKEEPER, null, null);
    runIssueJob(requisition);
    List<LedgerEntry> entries = ledger.entries(chalk);
    LedgerEntry issued = entries.get(entries.size() - 1);
    assertThat(issued.type()).isEqualTo(EntryType.ISSUE);
    assertThat(issued.quantity()).isEqualByComparingTo("-4");
    assertThat(issued.balanceAfter()).isEqualByComparingTo("6");
    assertThat(issued.amount()).isEqualByComparingTo("-26.00");
    assertThat(issued.actor()).isEqualTo(STOREKEEPER);
    assertThat(issued.businessKey()).isEqualTo(requisition.getBusinessKey());
    assertThat(issued.voucherKey()).isEqualTo("requisition:" + requisition.getId() + ":Task_PostIssue:round1");
    assertThat(onHand(chalk)).isEqualByComparingTo("6");
    assertThat(reservations.reserved(chalk)).as("the reservation is used up by the issue").isZero();
    assertThat(available(chalk)).isEqualByComparingTo("6");

    assertThat(task(requisition, CONFIRM_RECEIPT).getAssignee()).isEqualTo(REQUESTER);
    confirmReceipt(requisition);
    assertThat(endActivity(requisition)).isEqualTo(END_RECEIVED);
    assertThat(ledger.entriesOfVoucher(issued.voucherKey())).hasSize(1);
  }

  @Test
  void paperAndCopyingSuppliesAlwaysNeedTheSupervisor() {
    ProcessInstance paper = start(REQUESTER, request(List.of(line("OFF-A4", 1, "期中考试印卷")), null));
    Task approval = task(paper, APPROVE_REQUISITION);
    assertThat(candidateGroups(approval)).as("主管审批复印").containsExactly("logistics-head");
    assertThat(approval.getName()).isEqualTo("审批领用申请（后勤负责人）");
    assertThat(variable(paper, "copyingSupplies")).isEqualTo(true);
    // the storekeeper, who approves small consumables, is no candidate for paper
    assertThatThrownBy(() -> cases.as(STOREKEEPER, () -> taskService.claim(approval.getId(), STOREKEEPER)))
        .isInstanceOf(RuntimeException.class);

    // a reject needs a reason; then it ends rejected and reserves nothing
    assertThatThrownBy(() -> complete(paper, APPROVE_REQUISITION, SUPERVISOR, Map.of("decision", "reject")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("必须填写理由");
    BigDecimal reservedBefore = reservations.reserved("OFF-A4");
    complete(paper, APPROVE_REQUISITION, SUPERVISOR, Map.of("decision", "reject", "comment", "本月印卷已超额"));
    assertThat(endActivity(paper)).isEqualTo(END_REJECTED);
    assertThat(reservations.reserved("OFF-A4")).isEqualByComparingTo(reservedBefore);
  }

  @Test
  void paperWithAFixedAssetGoesToTheSupervisorThenGeneralAffairs() {
    String projector = stockedItem("测试投影仪", "台", "3000", "1");
    ProcessInstance mixed = start(REQUESTER, request(List.of(line("OFF-A4", 1, "印卷"), line(projector, 1, "教室")), "实验楼301"));
    assertThat(candidateGroups(task(mixed, APPROVE_REQUISITION))).containsExactly("logistics-head");
    approve(mixed, SUPERVISOR);
    assertThat(candidateGroups(task(mixed, APPROVE_REQUISITION))).containsExactly("general-affairs");
    runtimeService.deleteProcessInstance(mixed.getId(), "test over");
  }

  @Test
  void consumablesWorthFiveHundredOrMoreGoToGeneralAffairs() {
    String toner = stockedItem("测试墨盒", "个", "100", "10");
    ProcessInstance large = start(REQUESTER, toner, 5);
    assertThat(candidateGroups(task(large, APPROVE_REQUISITION))).containsExactly("general-affairs");
    assertThat(variable(large, "consumableValue")).isEqualTo(500.0);
    ProcessInstance small = start(REQUESTER, toner, 4);
    assertThat(candidateGroups(task(small, APPROVE_REQUISITION))).containsExactly("warehouse");
    runtimeService.deleteProcessInstance(large.getId(), "test over");
    runtimeService.deleteProcessInstance(small.getId(), "test over");
  }

  @Test
  void withdrawingACaseReleasesItsReservation() {
    String mop = stockedItem("测试拖把", "把", "18", "5");
    ProcessInstance requisition = start(REQUESTER, mop, 3);
    approve(requisition, STOREKEEPER);
    assertThat(available(mop)).isEqualByComparingTo("2");
    runtimeService.deleteProcessInstance(requisition.getId(), "申请人撤回");
    assertThat(reservations.reserved(mop)).isZero();
    assertThat(available(mop)).isEqualByComparingTo("5");
    assertThat(onHand(mop)).isEqualByComparingTo("5");
  }

  @Test
  void shortageIssuesWhatIsThereAndTheBackorderOnTheNextReceipt() {
    String tube = stockedItem("测试灯管", "支", "25", "2");
    ProcessInstance requisition = start(REQUESTER, tube, 5);
    approve(requisition, STOREKEEPER);
    assertThat(variable(requisition, "shortage")).isEqualTo(true);
    assertThat(variable(requisition, "shortageText")).isEqualTo("测试灯管 缺3支");
    assertThat(available(tube)).isZero();

    // a shortage needs a decision
    assertThatThrownBy(() -> issue(requisition, STOREKEEPER, null, null))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("请选择缺货处理方式");
    issue(requisition, STOREKEEPER, "backorder", null);
    runIssueJob(requisition);
    assertThat(onHand(tube)).isZero();
    assertThat(decimals(lines(requisition), "issued")).containsExactly(new BigDecimal("2"));
    assertThat(decimals(lines(requisition), "outstanding")).containsExactly(new BigDecimal("3"));

    // no stock yet: it keeps waiting, never an incident
    runStockCheck(requisition);
    assertThat(task(requisition, ISSUE_GOODS)).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(requisition.getId()).count()).isZero();

    receive(tube, "10", "24");
    runStockCheck(requisition);
    assertThat(reservations.reserved(tube)).isEqualByComparingTo("3");
    assertThat(variable(requisition, "issueRound")).isEqualTo(2);
    assertThat(variable(requisition, "shortage")).isEqualTo(false);
    issue(requisition, STOREKEEPER, null, null);
    runIssueJob(requisition);
    assertThat(onHand(tube)).isEqualByComparingTo("7");
    List<LedgerEntry> issues = ledger.entries(tube).stream().filter(entry -> entry.type() == EntryType.ISSUE).toList();
    assertThat(issues).extracting(LedgerEntry::quantity).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("-2"), new BigDecimal("-3"));
    confirmReceipt(requisition);
    assertThat(endActivity(requisition)).isEqualTo(END_RECEIVED);
  }

  @Test
  void shortageStartsAProcurementLinkedByBusinessKeyAndWaitsForItsStocking() {
    String broom = stockedItem("测试扫帚", "把", "12", "1");
    ProcessInstance requisition = start(REQUESTER, broom, 4);
    approve(requisition, STOREKEEPER);
    issue(requisition, STOREKEEPER, "procure", null);
    String procurementKey = (String) variable(requisition, "procurementKey");
    assertThat(procurementKey).startsWith("CG-");
    ProcessInstance procurement = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PROCUREMENT)
        .processInstanceBusinessKey(procurementKey).singleResult();
    assertThat(procurement).as("a real procurement").isNotNull();
    assertThat(runtimeService.getVariable(procurement.getId(), "requesterId")).as("the storekeeper asks for it")
        .isEqualTo(STOREKEEPER);
    assertThat((String) runtimeService.getVariable(procurement.getId(), "reason")).contains(requisition.getBusinessKey());
    assertThat(runtimeService.getVariable(procurement.getId(), "items").toString()).contains("测试扫帚").contains("\"quantity\":3");
    assertThat(runtimeService.getVariable(procurement.getId(), "items").toString()).as("a catalogue line")
        .contains("\"itemCode\":\"" + broom + "\"").contains("\"newItem\":false");

    runIssueJob(requisition);
    assertThat(onHand(broom)).isZero();
    // the procurement's stocking brings the goods; the next look for stock reserves them
    receive(broom, "3", "12");
    runStockCheck(requisition);
    issue(requisition, STOREKEEPER, null, null);
    runIssueJob(requisition);
    assertThat(decimals(lines(requisition), "issued")).containsExactly(new BigDecimal("4"));
    confirmReceipt(requisition);
    assertThat(endActivity(requisition)).isEqualTo(END_RECEIVED);
    runtimeService.deleteProcessInstance(procurement.getId(), "test over");
  }

  @Test
  void shortageWithdrawnIssuesWhatIsThereAndOwesNothing() {
    String bag = stockedItem("测试垃圾袋", "卷", "9.50", "1");
    ProcessInstance requisition = start(REQUESTER, bag, 3);
    approve(requisition, STOREKEEPER);
    issue(requisition, STOREKEEPER, "withdraw", null);
    runIssueJob(requisition);
    assertThat(variable(requisition, "outstanding")).isEqualTo(false);
    assertThat(decimals(lines(requisition), "issued")).containsExactly(new BigDecimal("1"));
    assertThat(decimals(lines(requisition), "outstanding")).containsExactly(BigDecimal.ZERO);
    confirmReceipt(requisition);
    assertThat(endActivity(requisition)).isEqualTo(END_RECEIVED);
    assertThat(onHand(bag)).isZero();
  }

  @Test
  void nothingInStockAndWithdrawnEndsWithoutAnyPosting() {
    String empty = stockedItem("测试空货", "个", "5", "0");
    ProcessInstance requisition = start(REQUESTER, empty, 2);
    approve(requisition, STOREKEEPER);
    issue(requisition, STOREKEEPER, "withdraw", null);
    runIssueJob(requisition);
    assertThat(endActivity(requisition)).isEqualTo(END_WITHDRAWN);
    assertThat(ledger.entries(empty)).isEmpty();
  }

  @Test
  void aFixedAssetHandedOutChangesCustodianAndLocation() {
    String projector = stockedItem("测试投影机", "台", "3000", "0");
    Voucher receipt = Voucher.manual("RQ-ASSET-" + UUID.randomUUID(), STOREKEEPER);
    ledger.receive(receipt, List.of(edu.campus.logistics.ledger.StockLine.of(projector, new BigDecimal("2"), new BigDecimal("3000"))));
    List<Asset> cards = assets.register(receipt, new NewAssets(1, projector, 2, new BigDecimal("3000"), "总务仓库", STOREKEEPER,
        LocalDate.now()));
    ProcessInstance requisition = start(REQUESTER, request(List.of(line(projector, 1, "多媒体教室")), "实验楼301"));
    assertThat(candidateGroups(task(requisition, APPROVE_REQUISITION))).containsExactly("general-affairs");
    approve(requisition, GENERAL_AFFAIRS);

    String tag = cards.get(0).tag();
    assertThatThrownBy(() -> issue(requisition, STOREKEEPER, null, null))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("请填写同样数量的资产编号");
    assertThatThrownBy(() -> issue(requisition, STOREKEEPER, null, "ZC1999-999999"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("资产台账中没有资产编号");
    assertThatThrownBy(() -> issue(requisition, STOREKEEPER, null, tag + "," + cards.get(1).tag()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("已填2个");
    issue(requisition, STOREKEEPER, null, tag);
    runIssueJob(requisition);

    Asset handedOut = assets.find(tag).orElseThrow();
    assertThat(handedOut.custodian()).as("责任到人").isEqualTo(REQUESTER);
    assertThat(handedOut.location()).isEqualTo("实验楼301");
    var last = assets.history(tag).get(assets.history(tag).size() - 1);
    assertThat(last.type()).isEqualTo(AssetEventType.MOVED);
    assertThat(last.businessKey()).isEqualTo(requisition.getBusinessKey());
    assertThat(last.actor()).isEqualTo(STOREKEEPER);
    assertThat(assets.find(cards.get(1).tag()).orElseThrow().custodian()).as("the other stays in store").isEqualTo(STOREKEEPER);
    assertThat(onHand(projector)).isEqualByComparingTo("1");
    confirmReceipt(requisition);
  }
}
