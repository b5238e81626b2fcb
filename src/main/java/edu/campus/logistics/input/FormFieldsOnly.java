package edu.campus.logistics.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Completing a user task may set the fields of its own Camunda Form and nothing else: not who
 * requested or bought, the approved amount, whether quotes are required, whether damage was reported.
 * The editable fields are read from the task's deployed form — what the process owner put on it in
 * Modeler — so a field added there is allowed without touching Java; read-only fields
 * ({@code disabled}/{@code readonly}) may only be re-sent unchanged. Installed by
 * {@link InputGuardPlugin} as the first complete listener of every user task with a Camunda Form.
 */
public class FormFieldsOnly implements TaskListener {

  /** form-js components whose value a submission carries under their {@code key}. */
  static final Set<String> VALUE_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "taglist", "datetime", "expression");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Editable fields per process definition and task: a deployed form never changes. */
  private final Map<String, Set<String>> fieldsByTask = new ConcurrentHashMap<>();

  @Override
  public void notify(DelegateTask task) {
    Set<String> fields = fieldsByTask.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> editableFields(deployedForm(new GetDeployedTaskFormCmd(task.getId()), task.getTaskDefinitionKey())));
    SubmittedVariables.refuseChangesExcept(task, fields);
  }

  /** A deployed Camunda Form, read without the caller's authorizations: reading it is part of submitting it. */
  static JsonNode deployedForm(Command<InputStream> read, String formOf) {
    CommandContext commandContext = Context.getCommandContext();
    boolean checking = commandContext.isAuthorizationCheckEnabled();
    commandContext.disableAuthorizationCheck();
    try (InputStream form = read.execute(commandContext)) {
      return JSON.readTree(form);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("form of " + formOf + " is not readable", unreadable);
    } finally {
      if (checking) {
        commandContext.enableAuthorizationCheck();
      }
    }
  }

  /** The variables a submission of this form may set: keys of editable fields, paths of lists and groups. */
  static Set<String> editableFields(JsonNode form) {
    Set<String> fields = new TreeSet<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      boolean editable = !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false);
      if ("dynamiclist".equals(type) || "group".equals(type)) {
        String path = component.path("path").asText("");
        if (!path.isEmpty()) {
          // a list or group with a path is submitted as one variable under that path
          if (editable) {
            fields.add(path.split("\\.")[0]);
          }
        } else {
          collect(component.path("components"), fields);
        }
      } else if (editable && VALUE_TYPES.contains(type) && component.hasNonNull("key")) {
        fields.add(component.path("key").asText().split("\\.")[0]);
      }
    }
  }
}
