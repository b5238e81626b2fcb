package edu.campus.logistics.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import edu.campus.logistics.identity.ApplicationReads;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * Reads cases (running and finished) with their process-level variables from the engine's history,
 * a page at a time, each page in its own engine command so that memory stays bounded. The export
 * endpoints decide who may read (finance, logistics head, principal); the engine's per-definition
 * history permissions, which those groups do not hold, are not asked again here.
 */
@Component
class CaseHistory {

  static final int PAGE = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngineConfigurationImpl configuration;
  private final HistoryService history;
  private final IdentityService identity;
  private final RepositoryService repository;

  CaseHistory(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
  }

  /** A case and its process-level variables (loop- and task-local ones left out). */
  record Case(HistoricProcessInstance instance, Map<String, Object> variables) {

    Object get(String name) {
      return variables.get(name);
    }

    String text(String name) {
      Object value = variables.get(name);
      return value == null ? null : value.toString();
    }

    /** A JSON variable (Spin JSON, a JSON string or a Java list/map) as a Jackson tree; missing when absent. */
    JsonNode json(String name) {
      Object value = variables.get(name);
      if (value == null) {
        return MissingNode.getInstance();
      }
      try {
        return value instanceof String || value.getClass().getName().startsWith("org.camunda.spin")
            ? JSON.readTree(value.toString()) : JSON.valueToTree(value);
      } catch (Exception notJson) {
        return MissingNode.getInstance();
      }
    }
  }

  /** Cases of one process started within {@code [from, to)} (the engine compares both ends inclusively), oldest first. */
  void forEachCase(String processKey, Instant from, Instant to, Collection<String> variableNames, Consumer<Case> consumer) {
    int first = 0;
    List<Case> page;
    do {
      int offset = first;
      page = withoutEngineAuthorization(() -> page(processKey, from, to, variableNames, offset));
      page.forEach(consumer);
      first += PAGE;
    } while (page.size() == PAGE);
  }

  private List<Case> page(String processKey, Instant from, Instant to, Collection<String> variableNames, int first) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey);
    if (from != null) {
      query.startedAfter(Date.from(from));
    }
    if (to != null) {
      query.startedBefore(Date.from(to.minusMillis(1)));
    }
    List<HistoricProcessInstance> instances = query.orderByProcessInstanceStartTime().asc()
        .orderByProcessInstanceId().asc().listPage(first, PAGE);
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    List<HistoricVariableInstance> found = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(variableNames.toArray(String[]::new)).disableBinaryFetching().list();
    for (HistoricVariableInstance variable : found) {
      if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId())
          || variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    return instances.stream().map(instance -> new Case(instance, variables.getOrDefault(instance.getId(), Map.of()))).toList();
  }

  /** "王芳 (wangfang)" for every user, for the who-did-what columns. */
  Map<String, String> userNames() {
    return withoutEngineAuthorization(() -> {
      Map<String, String> names = new HashMap<>();
      int first = 0;
      List<User> users;
      do {
        users = identity.createUserQuery().orderByUserId().asc().listPage(first, 500);
        for (User user : users) {
          String name = ApplicationReads.displayName(user);
          names.put(user.getId(), name.equals(user.getId()) ? name : name + " (" + user.getId() + ")");
        }
        first += 500;
      } while (users.size() == 500);
      return names;
    });
  }

  /** Activity id to its name in the deployed models (latest versions), so auditors read "确认入库", not an id. */
  Map<String, String> activityNames() {
    return withoutEngineAuthorization(() -> {
      Map<String, String> names = new HashMap<>();
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
        for (FlowNode node : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
          if (node.getName() != null && !node.getName().isBlank()) {
            names.putIfAbsent(node.getId(), node.getName().replaceAll("\\s+", " ").trim());
          }
        }
      }
      return names;
    });
  }

  private <T> T withoutEngineAuthorization(Callable<T> read) {
    return ApplicationReads.withoutAuthorization(configuration, read);
  }
}
