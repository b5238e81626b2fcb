package edu.campus.logistics.input;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A process owner's model must be one Camunda Modeler 5 wrote for Camunda Platform 7.24.0, with its
 * diagram, of a process or decision the application knows ({@link ModelerRules}): otherwise the
 * deployment is refused through REST with the problem named and nothing deployed, and the dry-run
 * says the same.
 */
class ModelerRulesDeployTest extends ModelerDeployments {

  /** A DMN table as Modeler writes it: one decision with its shape. */
  static String table(String decisionId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
            id="Definitions_%1$s" name="试用决策" namespace="http://campus.edu/logistics" exporter="Camunda Modeler"
            exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
          <decision id="%1$s" name="试用决策" camunda:historyTimeToLive="P30D">
            <decisionTable id="DecisionTable_%1$s">
              <input id="Input_Amount" label="金额">
                <inputExpression id="InputExpression_Amount" typeRef="number"><text>amount</text></inputExpression>
              </input>
              <output id="Output_Level" label="级别" name="level" typeRef="string" />
              <rule id="Rule_High">
                <inputEntry id="InputEntry_High"><text>&gt; 100</text></inputEntry>
                <outputEntry id="OutputEntry_High"><text>"high"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
          <dmndi:DMNDI>
            <dmndi:DMNDiagram id="DMNDiagram_%1$s">
              <dmndi:DMNShape id="DMNShape_%1$s" dmnElementRef="%1$s"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape>
            </dmndi:DMNDiagram>
          </dmndi:DMNDI>
        </definitions>
        """.formatted(decisionId).strip();
  }

  private static String process(String key) {
    return ProcessOwnersDeployTest.model(key, "<bpmn:userTask id=\"Task_Check\" camunda:candidateGroups=\"general-affairs\" />");
  }

  /** what, file suffix, the model made from an id, the element named, the problem (Chinese). */
  static Stream<Arguments> notAsModelerWritesIt() {
    Function<String, String> allowed = id -> "owner-allowed-" + id;
    return Stream.of(
        Arguments.of("a BPMN without execution platform version", ".bpmn",
            (Function<String, String>) id -> process(allowed.apply(id)).replace(
                " modeler:executionPlatformVersion=\"7.24.0\"", ""),
            "Definitions_", "modeler:executionPlatformVersion=\"7.24.0\"），当前为 Camunda Platform 无版本"),
        Arguments.of("a BPMN for another engine version", ".bpmn",
            (Function<String, String>) id -> process(allowed.apply(id)).replace("executionPlatformVersion=\"7.24.0\"",
                "executionPlatformVersion=\"7.21.0\""),
            "Definitions_", "当前为 Camunda Platform 7.21.0"),
        Arguments.of("a BPMN for Camunda 8", ".bpmn",
            (Function<String, String>) id -> process(allowed.apply(id)).replace("\"Camunda Platform\"", "\"Camunda Cloud\"")
                .replace("\"7.24.0\"", "\"8.6.0\""),
            "Definitions_", "当前为 Camunda Cloud 8.6.0"),
        Arguments.of("a DMN without execution platform", ".dmn",
            (Function<String, String>) id -> table(allowed.apply(id)).replace(" modeler:executionPlatform=\"Camunda Platform\""
                + " modeler:executionPlatformVersion=\"7.24.0\"", ""),
            "Definitions_", "当前为 无 无版本"),
        Arguments.of("a BPMN without diagram", ".bpmn",
            (Function<String, String>) id -> process(allowed.apply(id)).replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", ""),
            "Definitions_", "缺少图形（BPMNDiagram）"),
        Arguments.of("a BPMN task without shape", ".bpmn",
            (Function<String, String>) id -> process(allowed.apply(id)).replaceAll("<bpmndi:BPMNShape id=\"Task_Check_di\".*?</bpmndi:BPMNShape>", ""),
            "Task_Check", "图中没有该元素（userTask）的图形"),
        Arguments.of("a BPMN sequence flow without edge", ".bpmn",
            (Function<String, String>) id -> process(allowed.apply(id)).replaceAll("<bpmndi:BPMNEdge id=\"Flow_2_di\".*?</bpmndi:BPMNEdge>", ""),
            "Flow_2", "图中没有该元素（sequenceFlow）的图形"),
        Arguments.of("a DMN without DMNDI", ".dmn",
            (Function<String, String>) id -> table(allowed.apply(id)).replaceAll("(?s)<dmndi:DMNDI>.*</dmndi:DMNDI>", ""),
            "Definitions_", "缺少图形（DMNDiagram）"),
        Arguments.of("a DMN decision without shape", ".dmn",
            (Function<String, String>) id -> table(allowed.apply(id)).replaceAll("<dmndi:DMNShape .*?</dmndi:DMNShape>", ""),
            "owner-allowed-", "图中没有该元素（decision）的图形"),
        Arguments.of("a process id the application does not know", ".bpmn",
            (Function<String, String>) id -> process("owner-unknown-" + id),
            "owner-unknown-", "不是本应用已有的流程"),
        Arguments.of("a process id the application does not know, without isExecutable", ".bpmn",
            (Function<String, String>) id -> process("owner-unknown-" + id).replace(" isExecutable=\"true\"", ""),
            "owner-unknown-", "不是本应用已有的流程"),
        Arguments.of("a decision id the application does not know", ".dmn",
            (Function<String, String>) id -> table("owner-unknown-" + id),
            "owner-unknown-", "不是本应用已有的决策"));
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("notAsModelerWritesIt")
  void refusedWithTheProblemAndNothingDeployed(String what, String suffix, Function<String, String> model,
                                               String elementId, String problem) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String name = "modeler-rules-" + id;
    String file = name + suffix;
    Map<String, String> files = Map.of(file, model.apply(id));
    Answer answer = modeler.deploy(OWNER, name, files);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains("部署被拒绝", file + " › " + elementId, problem);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike("%" + id).count()).isZero();
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKeyLike("%" + id).count()).isZero();

    Answer check = modeler.check(OWNER, name, files);
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().path("deployable").asBoolean()).isFalse();
    List<String> zh = new ArrayList<>();
    check.json().path("problems").forEach(found -> {
      zh.add(found.path("zh").asText());
      assertThat(answer.message()).as("the deployment names what the dry-run names")
          .contains(found.path("file").asText() + " › " + found.path("elementId").asText() + "：" + found.path("zh").asText()
              + " / " + found.path("en").asText());
    });
    assertThat(zh).anySatisfy(text -> assertThat(text).contains(problem));
    assertThat(answer.message()).contains("共 " + zh.size() + " 个问题");
  }

  @Test
  void aNewDecisionOnTheAllowListIsDeployed() {
    String id = "owner-allowed-" + UUID.randomUUID().toString().substring(0, 8);
    Answer answer = modeler.deploy(OWNER, id, Map.of(id + ".dmn", table(id)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(id).count()).isEqualTo(1);
  }

  /** A process an administrator introduced is known from then on: its owner maintains it. */
  @Test
  void aProcessAnAdministratorDeployedIsKnown() {
    String key = "admin-new-" + UUID.randomUUID().toString().substring(0, 8);
    Answer refused = modeler.deploy(OWNER, key, Map.of(key + ".bpmn", process(key)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.message()).contains("流程 id " + key + " 不是本应用已有的流程");

    Answer introduced = modeler.deploy(SingleGroupUsers.ADMIN, key, Map.of(key + ".bpmn", process(key)));
    assertThat(introduced.status()).as(introduced.body()).isEqualTo(200);
    Answer changed = modeler.deploy(OWNER, key, Map.of(key + ".bpmn", process(key).replace("general-affairs", "principal")));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getVersion()).isEqualTo(2);
  }
}
