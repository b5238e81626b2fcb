package edu.campus.logistics.input;

import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A process owner changes the rules the way Camunda Modeler's deploy button does it:
 * {@code POST /engine-rest/deployment/create}, multipart, with his own login. What would run code
 * on the server is refused (400, every problem named, nothing deployed); what only changes the
 * rules is deployed and applies to new cases, running ones keep their version.
 */
class ProcessOwnersDeployTest extends ModelerDeployments {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ApplicationContext applicationContext;
  @Autowired
  DeploymentGuard guard;

  @Test
  void theApprovalThresholdChangesForNewRequestsOnly() throws IOException {
    ProcessInstance running = start(2500);
    assertThat(approvalLevels(running)).containsExactly("general-affairs", "principal");

    Map<String, String> files = procurementForms();
    files.put("procurement.bpmn", read("processes/procurement/procurement.bpmn"));
    String table = read("processes/procurement/procurement-approval.dmn");
    String changed = table.replace("<text>&gt; 2000</text>", "<text>&gt; 3000</text>");
    assertThat(changed).isNotEqualTo(table);
    files.put("procurement-approval.dmn", changed);
    Answer answer = modeler.deploy(OWNER, "threshold-3000", files);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("deployedDecisionDefinitions").toString()).contains("procurement-approval");

    ProcessInstance next = start(2500);
    assertThat(approvalLevels(next)).as("the new rule: up to 3000 CNY general affairs alone").containsExactly("general-affairs");
    assertThat(next.getProcessDefinitionId()).isNotEqualTo(running.getProcessDefinitionId());
    assertThat(approvalLevels(running)).as("the running request keeps its level").containsExactly("general-affairs", "principal");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(running.getProcessDefinitionId());
    assertThat(approvalLevels(start(3500))).containsExactly("general-affairs", "principal");
  }

  static Stream<Arguments> codeRunningModels() {
    return Stream.of(
        Arguments.of("a script task", "Task_Script",
            "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
            "不允许脚本任务"),
        Arguments.of("a Java class", "Task_Class",
            "<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Runtime\" />", "不允许调用 Java 类"),
        Arguments.of("an expression calling an unlisted bean", "Task_DeleteAdmin",
            "<bpmn:serviceTask id=\"Task_DeleteAdmin\" camunda:expression=\"${identityService.deleteUser('admin')}\" />",
            "调用了不允许的方法或属性 identityService.deleteUser()"),
        Arguments.of("an expression reaching the engine through the execution", "Task_Engine",
            "<bpmn:serviceTask id=\"Task_Engine\" camunda:expression=\"${execution.getProcessEngineServices()"
                + ".getIdentityService().deleteUser('admin')}\" />",
            "execution.getProcessEngineServices().getIdentityService().deleteUser()"),
        Arguments.of("a method called on a literal", "Task_Literal",
            "<bpmn:serviceTask id=\"Task_Literal\" camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\" />",
            "对值调用方法或读取属性"),
        Arguments.of("a property read through brackets", "Task_Brackets",
            "<bpmn:userTask id=\"Task_Brackets\" camunda:assignee=\"${execution['processEngineServices']}\" />",
            "使用了 [..] 访问"),
        Arguments.of("a method called on a parenthesised value", "Task_Paren",
            "<bpmn:userTask id=\"Task_Paren\" camunda:assignee=\"${(execution).getProcessEngine()}\" />",
            "对值调用方法或读取属性"),
        Arguments.of("a Spin function", "Flow_Spin",
            "<bpmn:userTask id=\"Flow_Spin\" camunda:assignee=\"${S(requesterId).prop('x')}\" />",
            "S().prop()"),
        Arguments.of("an execution listener expression calling a bean method", "Task_ListenerExpression",
            "<bpmn:userTask id=\"Task_ListenerExpression\"><bpmn:extensionElements><camunda:executionListener"
                + " event=\"start\" expression=\"${ledgerService.toString()}\" /></bpmn:extensionElements></bpmn:userTask>",
            "ledgerService.toString()"),
        Arguments.of("a delegate expression naming an unlisted bean", "Task_Delegate",
            "<bpmn:serviceTask id=\"Task_Delegate\" camunda:delegateExpression=\"${processEngine}\" />",
            "委托表达式 ${processEngine} 不是允许的应用组件"),
        Arguments.of("the engine plugin that installs first-responder ownership, named as a listener", "Task_Owned",
            "<bpmn:userTask id=\"Task_Owned\"><bpmn:extensionElements><camunda:taskListener"
                + " delegateExpression=\"${caseOwnership}\" event=\"create\" /></bpmn:extensionElements></bpmn:userTask>",
            "委托表达式 ${caseOwnership} 不是允许的应用组件"),
        Arguments.of("a bean passed as a value", "Task_Bean",
            "<bpmn:userTask id=\"Task_Bean\" camunda:assignee=\"${identityService}\" />", "引用了不允许的应用组件 identityService"),
        Arguments.of("a script listener", "Task_Listener",
            "<bpmn:userTask id=\"Task_Listener\"><bpmn:extensionElements><camunda:taskListener event=\"create\">"
                + "<camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:taskListener>"
                + "</bpmn:extensionElements></bpmn:userTask>",
            "不允许脚本"),
        Arguments.of("an external task", "Task_External",
            "<bpmn:serviceTask id=\"Task_External\" camunda:type=\"external\" camunda:topic=\"anything\" />",
            "不允许外部任务"),
        Arguments.of("a form not deployed with it", "Task_Form",
            "<bpmn:userTask id=\"Task_Form\" camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"deployment\" />",
            "表单 no-such-form 不在本次部署中"),
        Arguments.of("an embedded HTML form", "Task_Html",
            "<bpmn:userTask id=\"Task_Html\" camunda:formKey=\"embedded:deployment:evil.html\" />", "不允许嵌入式 HTML 表单"));
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("codeRunningModels")
  void codeIsRefusedAndNothingDeployed(String what, String elementId, String task, String reason) {
    String key = "owner-refused-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "refused-" + key;
    Answer answer = modeler.deploy(OWNER, name, Map.of(key + ".bpmn", model(key, task)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains("部署被拒绝", "deployment refused", key + ".bpmn › " + elementId, reason);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  /** A process owner changes the rules, not who may act: the four-eyes listeners of procurement stay. */
  @Test
  void theSeparationOfDutiesListenersStay() throws IOException {
    String model = read("processes/procurement/procurement.bpmn");
    String without = model.replace(
        "<camunda:taskListener delegateExpression=\"${fourEyesGuard}\" event=\"assignment\" />", "");
    assertThat(without).isNotEqualTo(model);
    Map<String, String> files = procurementForms();
    files.put("procurement.bpmn", without);
    long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCUREMENT).count();
    Answer answer = modeler.deploy(OWNER, "no-four-eyes", files);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains("procurement.bpmn › Task_ApproveRequest：缺少职责分离或校验监听器",
        "Task_PurchaseGoods › assignment › ${fourEyesGuard}", "Task_InspectGoods › assignment › ${fourEyesGuard}");
    assertThat(answer.message()).doesNotContain("complete › ${fourEyesGuard}");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCUREMENT).count()).isEqualTo(before);
    assertThat(DeploymentGuard.applicationGuards().get(PROCUREMENT))
        .contains("Task_ApproveRequest › complete › ${fourEyesGuard}", "StartEvent_PurchaseRequested › start › ${validateProcurementRequest}");
  }

  /** Nor who answers a questionnaire: a survey version without its respondent's guards is refused. */
  @Test
  void theSurveysRespondentGuardsStay() throws IOException {
    String model = read("processes/survey/satisfaction-survey.bpmn");
    String without = model.replace(
        "<camunda:taskListener delegateExpression=\"${recordSurveyAnswer}\" event=\"complete\" />", "");
    assertThat(without).isNotEqualTo(model);
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> forms = Files.list(Path.of("forms", "survey"))) {
      for (Path form : forms.toList()) {
        files.put(form.getFileName().toString(), Files.readString(form));
      }
    }
    files.put("satisfaction-survey.bpmn", without);
    long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.SATISFACTION_SURVEY)
        .count();
    Answer answer = modeler.deploy(OWNER, "no-respondent-guard", files);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains("Task_AnswerSurvey › complete › ${recordSurveyAnswer}");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.SATISFACTION_SURVEY)
        .count()).isEqualTo(before);
    assertThat(DeploymentGuard.applicationGuards().get(ProcessKeys.SATISFACTION_SURVEY)).contains(
        "Task_AnswerSurvey › assignment › ${questionnaireForRespondentOnly}",
        "StartEvent_SurveyStarted › start › ${validateSurveyStart}");
  }

  private static Map<String, String> procurementForms() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> forms = Files.list(Path.of("forms", "procurement"))) {
      for (Path form : forms.toList()) {
        files.put(form.getFileName().toString(), Files.readString(form));
      }
    }
    return files;
  }

  @Test
  void everyProblemOfAModelIsListed() {
    String key = "owner-refused-all";
    Answer answer = modeler.deploy(OWNER, key, Map.of(key + ".bpmn", model(key,
        "<bpmn:scriptTask id=\"Task_A\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"
            + "<bpmn:serviceTask id=\"Task_B\" camunda:class=\"java.lang.Runtime\" />"), "notes.txt", "hello"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains("Task_A", "Task_B", "notes.txt", "only BPMN, DMN and Camunda Forms");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(key).count()).isZero();
  }

  @Test
  void conditionsOverVariablesAndTheApplicationsBeansPass() {
    String key = "owner-allowed-" + UUID.randomUUID().toString().substring(0, 8);
    String tasks = "<bpmn:userTask id=\"Task_Check\" camunda:candidateGroups=\"general-affairs\""
        + " camunda:dueDate=\"${dateTime().plusDays(3).toDate()}\"><bpmn:extensionElements>"
        + "<camunda:taskListener delegateExpression=\"${fourEyesGuard}\" event=\"assignment\" />"
        + "</bpmn:extensionElements></bpmn:userTask>";
    String model = model(key, tasks);
    assertThat(model).contains("<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Check\" targetRef=\"End\" />");
    Answer answer = modeler.deploy(OWNER, key, Map.of(key + ".bpmn", model
        .replace("<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Check\" targetRef=\"End\" />",
            "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Check\" targetRef=\"End\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${decision == 'approve'}"
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
  }

  @Test
  void anAdministratorMayDeployAnything() {
    String key = "admin-script-" + UUID.randomUUID().toString().substring(0, 8);
    Answer answer = modeler.deploy(SingleGroupUsers.ADMIN, key, Map.of(key + ".bpmn", model(key,
        "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void staffMayNotDeploy() {
    String key = "staff-deploy-" + UUID.randomUUID().toString().substring(0, 8);
    Answer answer = modeler.deploy(STAFF, key, Map.of(key + ".bpmn", model(key, "<bpmn:userTask id=\"Task_Plain\" />")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.message()).contains(STAFF, "CREATE");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(key).count()).isZero();
  }

  @Test
  void theProcessOwnerIsNoAdministrator() {
    Answer user = http.postJson("/engine-rest/user/create", OWNER, TestHttp.json(Map.of(
        "profile", Map.of("id", "owner-made-user", "firstName", "x", "lastName", "y"),
        "credentials", Map.of("password", "owner-made-user-1"))));
    assertThat(user.status()).as(user.body()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("owner-made-user").count()).isZero();

    Answer membership = http.send("PUT", "/engine-rest/group/camunda-admin/members/" + OWNER, OWNER, OWNER, null, null);
    assertThat(membership.status()).as(membership.body()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId(OWNER).memberOfGroup("camunda-admin").count()).isZero();

    Answer authorization = http.postJson("/engine-rest/authorization/create", OWNER, TestHttp.json(Map.of(
        "type", 1, "permissions", List.of("ALL"), "userId", OWNER, "resourceType", 0, "resourceId", "*")));
    assertThat(authorization.status()).as(authorization.body()).isEqualTo(403);

    ProcessInstance running = start(100);
    String activity = runtimeService.getActiveActivityIds(running.getId()).get(0);
    Answer modification = http.postJson("/engine-rest/process-instance/" + running.getId() + "/modification", OWNER,
        TestHttp.json(Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", activity)))));
    assertThat(modification.status()).as(modification.body()).isEqualTo(403);
    assertThat(runtimeService.getActiveActivityIds(running.getId())).containsExactly(activity);

    Answer cockpit = http.get("/engine-rest/process-instance/" + running.getId(), OWNER);
    assertThat(cockpit.status()).as("reads instances, as in Cockpit").isEqualTo(200);
    Answer history = http.get("/engine-rest/history/process-instance?maxResults=10&processInstanceId=" + running.getId(), OWNER);
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    assertThat(history.json().size()).isEqualTo(1);
  }

  /** The application's own models pass the rules that apply to its own deployment at start-up; every listed bean exists. */
  @Test
  void theApplicationsOwnModelsPass() throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          resources.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
    }
    assertThat(guard.check(resources)).isEmpty();
    assertThat(ModelerRules.EXECUTION_PLATFORM_VERSION).as("the engine this application runs")
        .isEqualTo(ProcessEngine.class.getPackage().getImplementationVersion());
    assertThat(DeploymentRules.ALLOWED_BEANS).allSatisfy(bean -> assertThat(applicationContext.containsBean(bean))
        .as(bean).isTrue());
  }

  private ProcessInstance start(int total) {
    Map<String, Object> variables = ValidStarts.variables(PROCUREMENT);
    variables.put("items", ValidStarts.typed("[{\"newItem\":true,\"name\":\"投影仪\",\"spec\":\"3LCD\",\"category\":\"equipment\","
        + "\"unit\":\"台\",\"quantity\":1,\"unitPrice\":" + total + "}]", "Json"));
    Answer answer = http.postJson("/engine-rest/process-definition/key/" + PROCUREMENT + "/start", STAFF,
        TestHttp.json(Map.of("businessKey", "OWNER-" + UUID.randomUUID(), "variables", variables)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return runtimeService.createProcessInstanceQuery().processInstanceId(answer.json().path("id").asText()).singleResult();
  }

  @SuppressWarnings("unchecked")
  private List<String> approvalLevels(ProcessInstance instance) {
    return (List<String>) runtimeService.getVariable(instance.getId(), "approvalLevels");
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path));
  }

  /** A process start → the task under test → end, with history time to live and its diagram, as Modeler writes it. */
  static String model(String key, String task) {
    String id = task.replaceFirst("(?s)^<[^ ]+ id=\"([^\"]+)\".*$", "$1");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_%1$s" targetNamespace="http://campus.edu/logistics" exporter="Camunda Modeler"
            exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="%2$s" />
            %3$s
            <bpmn:sequenceFlow id="Flow_2" sourceRef="%2$s" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_%1$s">
            <bpmndi:BPMNPlane id="BPMNPlane_%1$s" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="%2$s_di" bpmnElement="%2$s"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(key, id, task).strip();
  }

  /** The dry-run gives the guard's verdict and deploys nothing, whatever the verdict. */
  @Test
  void theDryRunGivesTheSameVerdictWithoutDeploying() throws IOException {
    String key = "owner-dry-run";
    Map<String, String> refused = Map.of(key + ".bpmn", model(key,
        "<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Runtime\" />"));
    Answer check = modeler.check(OWNER, key, refused);
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().path("deployable").asBoolean()).isFalse();
    assertThat(check.json().path("problems").get(0).path("elementId").asText()).isEqualTo("Task_Class");
    assertThat(check.json().path("problems").get(0).path("zh").asText()).contains("不允许调用 Java 类");
    Answer deploy = modeler.deploy(OWNER, key, refused);
    assertThat(deploy.status()).isEqualTo(400);
    assertThat(deploy.message()).contains(check.json().path("problems").get(0).path("en").asText());

    Map<String, String> fine = procurementForms();
    fine.put("procurement.bpmn", read("processes/procurement/procurement.bpmn"));
    long before = repositoryService.createDeploymentQuery().count();
    Answer ok = modeler.check(OWNER, key, fine);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("deployable").asBoolean()).isTrue();
    assertThat(ok.json().path("problems").size()).isZero();
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);

    Answer staff = modeler.check(STAFF, key, fine);
    assertThat(staff.status()).isEqualTo(403);
  }
}
