package edu.campus.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The process application deploys models and forms together, and Tasklist can fetch a task's form. */
@CampusTest
class ProcessApplicationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper json;

  @Test
  void modelsAndFormsAreDeployedTogetherAsOneProcessApplicationDeployment() {
    ProcessDefinition procurement = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("procurement").latestVersion().singleResult();
    assertThat(procurement).isNotNull();
    Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(procurement.getDeploymentId()).singleResult();
    assertThat(deployment.getName()).isEqualTo("campus-logistics");
    List<String> resources = repositoryService.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).toList();
    assertThat(resources).contains("processes/procurement/procurement.bpmn", "forms/procurement/procurement-start.form")
        .anyMatch(name -> name.endsWith(".form") && !name.endsWith("-start.form"));
  }

  @Test
  void aUserTasksDeployedFormIsServedThroughTheRestApi() throws Exception {
    String items = json.writeValueAsString(List.of(Map.of("newItem", true, "name", "复印纸", "spec", "A4 70g 500张/包 5包/箱",
        "category", "office", "unit", "箱", "quantity", 2, "unitPrice", 120)));
    Map<String, Object> start = Map.of("businessKey", "FOUNDATION-FORM-1", "variables", Map.of(
        "department", Map.of("value", "语文组", "type", "String"),
        "reason", Map.of("value", "期中考试印卷", "type", "String"),
        "neededBy", Map.of("value", LocalDate.now().plusDays(14).toString(), "type", "String"),
        "items", Map.of("value", items, "type", "String")));
    ResponseEntity<JsonNode> started = rest.withBasicAuth("zhangwei", "zhangwei")
        .postForEntity("/engine-rest/process-definition/key/procurement/start", start, JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instanceId = started.getBody().get("id").asText();

    JsonNode tasks = rest.withBasicAuth("admin", "admin")
        .getForObject("/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=10", JsonNode.class);
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();

    ResponseEntity<JsonNode> form = rest.withBasicAuth("admin", "admin")
        .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", JsonNode.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().get("id").asText()).startsWith("procurement-");
    assertThat(form.getBody().get("components")).isNotEmpty();
  }
}
