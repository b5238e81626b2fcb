package edu.campus.logistics.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AssetStatus;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Planned inspections (定期检查): due by their interval, given to a person or a group, a failed check opens a repair on the asset. */
class InspectionTest extends PatrolScenario {

  @Autowired
  LedgerService ledger;
  @Autowired
  AssetRegister assets;

  @Test
  void plansBecomeDueByTheirIntervalForAPersonOrAGroup() {
    assertThat(PlanInspections.dueOn(Map.of("startDate", "2026-01-31", "every", "P1M"), LocalDate.of(2026, 2, 28))).isTrue();
    assertThat(PlanInspections.dueOn(Map.of("startDate", "2026-01-05", "every", "P10D"), LocalDate.of(2026, 1, 25))).isTrue();
    assertThat(PlanInspections.dueOn(Map.of("startDate", "2026-01-05", "every", "P10D"), LocalDate.of(2026, 1, 26))).isFalse();
    assertThat(PlanInspections.dueOn(Map.of("startDate", "2026-01-05", "every", "P7D"), LocalDate.of(2026, 1, 4))).isFalse();

    LocalDate tuesday = LocalDate.of(2031, 5, 6);
    ProcessInstance onlyTheBus = dayStarts(ProcessKeys.INSPECTION, tuesday);
    assertThat(rounds(onlyTheBus)).extracting(Task::getName).containsExactly("定期检查：校车停车场 · 校车日检");
    assertThat(candidateGroup(rounds(onlyTheBus).get(0))).isEqualTo("logistics-staff");
    assertThat(onlyTheBus.getBusinessKey()).startsWith("JC-2031-");
  }

  @Test
  void aDueInspectionThatFailsOpensARepairOnTheAssetAndAnUndoneOneEscalates() throws Exception {
    String panel = registerSwitchPanel();
    LocalDate monday = LocalDate.of(2031, 5, 5);
    try {
      deployEdited("inspection.bpmn", "inspection-plans.dmn",
          "<outputEntry id=\"OutputEntry_SwitchRoom_AssetTag\"><text>null</text>",
          "<outputEntry id=\"OutputEntry_SwitchRoom_AssetTag\"><text>\"" + panel + "\"</text>");
      ProcessInstance day = dayStarts(ProcessKeys.INSPECTION, monday);

      assertThat(rounds(day)).extracting(Task::getName).containsExactlyInAnyOrder("定期检查：全校消防器材 · 消防器材月检",
          "定期检查：配电室 · 配电室周检", "定期检查：校车停车场 · 校车日检");
      Task switchRoom = round(day, "配电室", "配电室周检");
      assertThat(switchRoom.getAssignee()).isEqualTo("hejun");
      assertThat(switchRoom.getDueDate()).isEqualTo(Date.from(monday.atTime(12, 0).atZone(SCHOOL).toInstant()));

      at(monday, "10:00");
      patrol(switchRoom, "hejun", withDefect(allOk(switchRoom), "panel", "2号配电柜空气开关发热", "urgent"));

      List<ProcessInstance> repairs = repairsOf(day);
      assertThat(repairs).hasSize(1);
      String repair = repairs.get(0).getId();
      assertThat(variable(repair, "assetTag")).isEqualTo(panel);
      assertThat(variable(repair, "location")).isEqualTo("配电室");
      assertThat(variable(repair, "category")).isEqualTo("electrical");
      assertThat(variable(repair, "urgency")).isEqualTo("urgent");
      assertThat(variable(repair, "reporterId")).isEqualTo("hejun");
      assertThat(variable(repair, "sourceRound")).isEqualTo("switch-room/switch-room");
      assertThat(repairs.get(0)).isWaitingAt("Task_DispatchRepair");

      Task bus = round(day, "校车停车场", "校车日检");
      Job overdue = engine.getManagementService().createJobQuery().processInstanceId(day.getId()).timers()
          .activityId("Timer_InspectionOverdue").list().stream()
          .filter(job -> bus.getExecutionId().equals(job.getExecutionId())).findFirst().orElseThrow();
      assertThat(overdue.getDuedate()).isEqualTo(Date.from(monday.atTime(7, 0).atZone(SCHOOL).toInstant()));
      engine.getManagementService().executeJob(overdue.getId());
      Task supervise = engine.getTaskService().createTaskQuery().processInstanceId(day.getId())
          .taskDefinitionKey("Task_SuperviseInspection").singleResult();
      assertThat(candidateGroup(supervise)).isEqualTo("logistics-head");
      assertThat(engine.getTaskService().getVariable(supervise.getId(), "supervisionReason").toString())
          .contains("校车停车场 · 校车日检").contains("07:00").contains("检查");
    } finally {
      redeployOriginal("inspection.bpmn", "inspection-plans.dmn");
    }
  }

  @Test
  void aPlanForAnAssetCategoryGivesOneChecklistPerAssetAndAFailureRepairsThatAsset() throws Exception {
    String lab201 = registerAsset("EQP-PROJ", "实验楼201");
    String lab202 = registerAsset("EQP-PROJ", "实验楼202");
    LocalDate monday = LocalDate.of(2031, 5, 12);
    try {
      deployEdited("inspection.bpmn", "inspection-plans.dmn",
          "<outputEntry id=\"OutputEntry_SwitchRoom_AssetCategory\"><text>null</text>",
          "<outputEntry id=\"OutputEntry_SwitchRoom_AssetCategory\"><text>\"equipment\"</text>");
      ProcessInstance day = dayStarts(ProcessKeys.INSPECTION, monday);

      // one checklist per teaching-equipment card in use, at its location, on its tag
      List<String> equipment = assets.audited().stream()
          .filter(asset -> asset.category().equals("equipment") && asset.status() != AssetStatus.MISSING)
          .map(asset -> "定期检查：" + asset.location() + " · 配电室周检（" + asset.name() + " " + asset.tag() + "）")
          .toList();
      List<String> perAsset = rounds(day).stream().map(Task::getName).filter(name -> name.contains("配电室周检")).toList();
      assertThat(perAsset).containsExactlyInAnyOrderElementsOf(equipment)
          .contains("定期检查：实验楼201 · 配电室周检（投影仪 " + lab201 + "）", "定期检查：实验楼202 · 配电室周检（投影仪 " + lab202 + "）");
      Task first = round(day, "实验楼201", "配电室周检（投影仪 " + lab201 + "）");
      assertThat(first.getAssignee()).isEqualTo("hejun");

      at(monday, "10:00");
      patrol(first, "hejun", withDefect(allOk(first), "panel", "投影仪电源板烧坏", "normal"));
      List<ProcessInstance> repairs = repairsOf(day);
      assertThat(repairs).hasSize(1);
      assertThat(variable(repairs.get(0).getId(), "assetTag")).isEqualTo(lab201);
      assertThat(variable(repairs.get(0).getId(), "location")).isEqualTo("实验楼201");

      // the other asset's same fault is its own repair, not linked to the first one's
      Task second = round(day, "实验楼202", "配电室周检（投影仪 " + lab202 + "）");
      patrol(second, "hejun", withDefect(allOk(second), "panel", "电源板也坏了", "normal"));
      assertThat(repairsOf(day)).hasSize(2);
    } finally {
      redeployOriginal("inspection.bpmn", "inspection-plans.dmn");
    }
  }

  /** An asset card of that item at that location, registered the way goods receipt does. */
  private String registerAsset(String itemCode, String location) {
    Voucher receipt = Voucher.manual("TEST-ASSET-" + UUID.randomUUID(), "wuxiaohong");
    ledger.receive(receipt, List.of(StockLine.of(itemCode, BigDecimal.ONE, new BigDecimal("3200"))));
    return assets.register(receipt, new NewAssets(1, itemCode, 1, new BigDecimal("3200"), location, "hejun",
        LocalDate.of(2030, 1, 10))).get(0).tag();
  }

  /** A switch panel card in 配电室, registered the way goods receipt does. */
  private String registerSwitchPanel() {
    Voucher receipt = Voucher.manual("TEST-PANEL-" + UUID.randomUUID(), "wuxiaohong");
    ledger.receive(receipt, List.of(StockLine.of("FUR-DESK", BigDecimal.ONE, new BigDecimal("1200"))));
    List<Asset> cards = assets.register(receipt,
        new NewAssets(1, "FUR-DESK", 1, new BigDecimal("1200"), "配电室", "hejun", LocalDate.of(2030, 1, 10)));
    return cards.get(0).tag();
  }
}
