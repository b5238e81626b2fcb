package edu.campus.logistics.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What a deployed Camunda Form accepts, enforced on the server for start and task forms, so that a
 * field or option added in Modeler needs no Java. Read from the form's own JSON:
 * <ul>
 *   <li>{@code validate.required}, {@code minLength}/{@code maxLength} (text, trimmed, stored back
 *       trimmed; blank is empty), {@code min}/{@code max} (numbers), {@code pattern} (like form-js:
 *       the value must contain a match; anchor it with ^…$);</li>
 *   <li>option values of {@code select}, {@code radio}, {@code checklist}, {@code taglist}: static
 *       {@code values} from the form; {@code valuesKey} options from the variable of that name as the
 *       server last stored it (a listener offers them when the task is created; what a caller submits
 *       under that name does not count), so on a start form, where nothing was offered, a
 *       {@code valuesKey} field accepts no value. {@code valuesExpression} options are not read: a
 *       field using them needs a named check;</li>
 *   <li>the same for the fields of every row of a {@code dynamiclist} (a JSON list variable under the
 *       list's {@code path});</li>
 *   <li>a field hidden by its {@code conditional.hide} FEEL expression (evaluated on the submitted
 *       values) is not required, as form-js does not submit it; a value sent for it all the same (by an
 *       API caller) keeps the field's other rules. Read-only and disabled fields are shown, not
 *       submitted, and not checked.</li>
 * </ul>
 * Refusals are {@link Refusal}s in the wording of docs/glossary.md and name the field by its form
 * label (without the part in brackets). Cross-field rules a form cannot express stay in the
 * processes as small named checks, run after this contract.
 */
public final class FormContract {

  /** form-js components whose value a submission carries under their {@code key}. */
  public static final Set<String> VALUE_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime", "expression");
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
  /** form-js submits a date (and time) as ISO-8601 text. */
  private static final String DATETIME = "datetime";
  private static final Set<String> OPTION_TYPES = Set.of("select", "radio", "checklist", "taglist");

  /** Contracts per process definition and form: a deployed form never changes. */
  private static final Map<String, FormContract> DEPLOYED = new ConcurrentHashMap<>();

  /** One option of a select, radio, checklist or taglist. */
  public record Option(String value, String label) {
  }

  /** One value field of the form, or a dynamic list with its row fields. */
  record Field(String key, String label, String type, boolean editable, boolean required, Integer minLength,
               Integer maxLength, BigDecimal min, BigDecimal max, String pattern, List<Option> options, String valuesKey,
               String hide, List<Field> rows) {

    boolean isList() {
      return rows != null;
    }

    /** The same field without {@code required}: a hidden field need not be filled in. */
    Field optional() {
      return new Field(key, label, type, editable, false, minLength, maxLength, min, max, pattern, options, valuesKey,
          hide, rows);
    }
  }

  private final List<Field> fields;

  private FormContract(List<Field> fields) {
    this.fields = fields;
  }

  /** The contract of a form's JSON. */
  public static FormContract parse(JsonNode form) {
    List<Field> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return new FormContract(List.copyOf(fields));
  }

  /** The contract of the task's deployed Camunda Form. */
  public static FormContract ofTask(DelegateTask task) {
    return DEPLOYED.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> parse(deployedForm(new GetDeployedTaskFormCmd(task.getId()), task.getTaskDefinitionKey())));
  }

  /**
   * The contract of the Camunda Form a user task of the process definition shows (a literal
   * {@code formRef}, binding deployment), read without a task: another task of the case may show
   * what this one decided, in its words (e.g. the rejection shows the approvals' 同意/驳回).
   */
  public static FormContract ofTaskDefinition(String processDefinitionId, String taskDefinitionKey) {
    return DEPLOYED.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey,
        key -> parse(deployedForm(commandContext -> formOfTaskDefinition(commandContext, processDefinitionId,
            taskDefinitionKey), taskDefinitionKey)));
  }

  private static InputStream formOfTaskDefinition(CommandContext commandContext, String processDefinitionId,
      String taskDefinitionKey) {
    ProcessDefinitionEntity definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    TaskDefinition task = definition.getTaskDefinitions().get(taskDefinitionKey);
    if (task == null || task.getFormDefinition().getCamundaFormDefinitionKey() == null) {
      throw new IllegalArgumentException("no Camunda Form for " + taskDefinitionKey + " in " + processDefinitionId);
    }
    String formKey = task.getFormDefinition().getCamundaFormDefinitionKey().getExpressionText();
    CamundaFormDefinitionEntity form = commandContext.getCamundaFormDefinitionManager()
        .findDefinitionByDeploymentAndKey(definition.getDeploymentId(), formKey);
    if (form == null) {
      throw new IllegalArgumentException("form " + formKey + " is not in the deployment of " + processDefinitionId);
    }
    ResourceEntity resource = commandContext.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
    return new ByteArrayInputStream(resource.getBytes());
  }

  /** The contract of the process definition's deployed start form. */
  public static FormContract ofStart(String processDefinitionId) {
    return DEPLOYED.computeIfAbsent(processDefinitionId + "#start",
        key -> parse(deployedForm(new GetDeployedStartFormCmd(processDefinitionId), "the start form of " + processDefinitionId)));
  }

  /** The variables a submission of this form may set: keys of editable fields, paths of lists and groups. */
  public Set<String> editableVariables() {
    Set<String> names = new TreeSet<>();
    for (Field field : fields) {
      if (field.editable()) {
        names.add(field.key().split("\\.")[0]);
      }
    }
    return names;
  }

  /** The field's label as the form shows it, without the hint in brackets; the key when it has none. */
  public String label(String key) {
    return field(key).map(Field::label).orElse(key);
  }

  /** The label of one option of a field, as the form shows it; the value itself when the form has no such option. */
  public String optionLabel(String key, Object value) {
    String wanted = String.valueOf(value);
    return field(key).map(Field::options).orElse(List.of()).stream().filter(option -> option.value().equals(wanted))
        .map(Option::label).findFirst().orElse(wanted);
  }

  /**
   * Checks what the scope holds for every editable, visible field against the form, storing text
   * back trimmed and numbers sent as text back as numbers.
   *
   * @param offered the server's own value of a {@code valuesKey} variable (not what was submitted)
   */
  public void enforce(VariableScope scope, Function<String, Object> offered) {
    Map<String, Object> submitted = simpleValues(scope);
    for (Field field : fields) {
      if (!field.editable() || field.key().contains(".")) {
        continue;
      }
      Object raw = scope.getVariable(field.key());
      boolean hidden = hidden(field, submitted);
      if (hidden && isEmpty(raw)) {
        continue;
      }
      if (field.isList()) {
        checkRows(field, raw, submitted, offered);
        continue;
      }
      Object value = check(hidden ? field.optional() : field, raw, field.label(), field.key(), offered);
      if (!Objects.equals(value, raw) && scope.hasVariable(field.key())) {
        scope.setVariable(field.key(), value);
      }
    }
  }

  private void checkRows(Field list, Object raw, Map<String, Object> submitted, Function<String, Object> offered) {
    JsonNode rows = JsonVariable.read(raw, list.key(), list.label());
    if (rows == null) {
      return;
    }
    if (!rows.isArray()) {
      throw Refusal.of(list.label() + "必须是列表", list.key() + " must be a JSON list");
    }
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String where = list.label() + "第" + (i + 1) + "行";
      String whereEn = list.key() + " line " + (i + 1);
      if (!row.isObject()) {
        throw Refusal.of(where + "格式错误", whereEn + " is not an object");
      }
      // as form-js evaluates a list's conditions: the row's own fields by name or as this.<field>, the form's as parent
      Map<String, Object> rowValues = new HashMap<>();
      row.fields().forEachRemaining(entry -> rowValues.put(entry.getKey(), plain(entry.getValue())));
      Map<String, Object> context = new HashMap<>(submitted);
      context.putAll(rowValues);
      context.put("this", rowValues);
      context.put("parent", submitted);
      for (Field field : list.rows()) {
        Object value = plain(row.get(field.key()));
        boolean hidden = hidden(field, context);
        if (field.editable() && !(hidden && isEmpty(value))) {
          check(hidden ? field.optional() : field, value, where + "：" + field.label(), whereEn + ": " + field.key(), offered);
        }
      }
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String text && text.isBlank()
        || value instanceof Collection<?> collection && collection.isEmpty();
  }

  /** The value as it may be stored, or a refusal naming the field. */
  private static Object check(Field field, Object value, String label, String name, Function<String, Object> offered) {
    if (isEmpty(value)) {
      if (field.required()) {
        throw Refusal.required(label, name);
      }
      return value instanceof String ? null : value;
    }
    if (TEXT_TYPES.contains(field.type())) {
      if (!(value instanceof String text)) {
        throw Refusal.notText(label, name);
      }
      String trimmed = text.trim();
      if (field.minLength() != null && trimmed.length() < field.minLength()) {
        throw Refusal.tooShort(label, name, field.minLength());
      }
      if (field.maxLength() != null && trimmed.length() > field.maxLength()) {
        throw Refusal.tooLong(label, name, field.maxLength());
      }
      if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(trimmed).find()) {
        throw Refusal.badFormat(label, name, field.pattern());
      }
      return trimmed;
    }
    if (DATETIME.equals(field.type())) {
      if (!(value instanceof String text)) {
        throw Refusal.notText(label, name);
      }
      return text.trim();
    }
    if ("number".equals(field.type())) {
      BigDecimal number = decimal(value).orElseThrow(() -> Refusal.notNumber(label, name));
      if (field.min() != null && number.compareTo(field.min()) < 0) {
        throw Refusal.belowMin(label, name, field.min().toPlainString());
      }
      if (field.max() != null && number.compareTo(field.max()) > 0) {
        throw Refusal.aboveMax(label, name, field.max().toPlainString());
      }
      return value instanceof String ? (Object) number.doubleValue() : value;
    }
    if (OPTION_TYPES.contains(field.type())) {
      List<String> allowed = allowed(field, offered);
      Collection<?> chosen = value instanceof Collection<?> many ? many : List.of(value);
      for (Object one : chosen) {
        String text = optionValue(one);
        if (!allowed.contains(text)) {
          throw Refusal.notOneOf(label, name, text, allowed);
        }
      }
      return value instanceof String text ? text.trim() : value;
    }
    return value;
  }

  private static List<String> allowed(Field field, Function<String, Object> offered) {
    if (field.valuesKey() == null) {
      return field.options().stream().map(Option::value).toList();
    }
    JsonNode options = JsonVariable.read(offered.apply(field.valuesKey()), field.valuesKey(), field.label());
    List<String> values = new ArrayList<>();
    if (options != null) {
      for (JsonNode option : options) {
        values.add(option.isObject() ? option.path("value").asText() : option.asText());
      }
    }
    return values;
  }

  /** An option as the form compares it: text trimmed, numbers without trailing zeros, booleans as true/false. */
  private static String optionValue(Object value) {
    if (value instanceof Number) {
      return decimal(value).map(number -> number.stripTrailingZeros().toPlainString()).orElse(value.toString());
    }
    return String.valueOf(value).trim();
  }

  private static Optional<BigDecimal> decimal(Object value) {
    try {
      if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
      }
      if (value instanceof Number number) {
        return Optional.of(new BigDecimal(number.toString()));
      }
      if (value instanceof String text) {
        return Optional.of(new BigDecimal(text.trim()));
      }
    } catch (NumberFormatException malformed) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Stored types a FEEL condition can compare without a mapper: text, numbers and yes/no. */
  private static final Set<String> SIMPLE_TYPES = Set.of("string", "integer", "long", "short", "double", "boolean");

  /** A field is hidden when its {@code conditional.hide} FEEL expression is true for the submitted values. */
  private static boolean hidden(Field field, Map<String, Object> values) {
    if (field.hide() == null) {
      return false;
    }
    String expression = field.hide().startsWith("=") ? field.hide().substring(1) : field.hide();
    try {
      FeelEngine feel = ((DefaultDmnEngineConfiguration) Context.getProcessEngineConfiguration()
          .getDmnEngineConfiguration()).getFeelEngine();
      Object result = feel.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException unevaluable) {
      // an expression the engine cannot evaluate leaves the field shown: its rules apply
      return false;
    }
  }

  /**
   * The scope's text, number and yes/no values, which form conditions may read: the scope's own over its
   * parents'. JSON values (lists) are left out without being loaded from the database.
   */
  private static Map<String, Object> simpleValues(VariableScope scope) {
    if (!(scope instanceof AbstractVariableScope variables)) {
      Map<String, Object> values = new HashMap<>();
      scope.getVariables().forEach((name, value) -> {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
          values.put(name, value);
        }
      });
      return values;
    }
    Map<String, Object> values = new HashMap<>();
    for (AbstractVariableScope level = variables; level != null; level = level.getParentVariableScope()) {
      for (CoreVariableInstance variable : level.getVariableInstancesLocal()) {
        // a stored JSON value is not loaded; other instances (transient ones sent with a completion) hold their value
        boolean stored = variable instanceof VariableInstanceEntity;
        Object value = !stored || SIMPLE_TYPES.contains(((VariableInstanceEntity) variable).getTypeName())
            ? variable.getTypedValue(false).getValue() : null;
        if ((value instanceof String || value instanceof Number || value instanceof Boolean)
            && !values.containsKey(variable.getName())) {
          values.put(variable.getName(), value);
        }
      }
    }
    return values;
  }


  private static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    return node.toString();
  }

  private Optional<Field> field(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst();
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String path = component.path("path").asText("");
      if ("dynamiclist".equals(type) || "group".equals(type)) {
        if (path.isEmpty()) {
          collect(component.path("components"), fields);
        } else {
          // a list or group with a path is submitted as one variable under that path
          List<Field> rows = new ArrayList<>();
          collect(component.path("components"), rows);
          fields.add(field(component, path, List.copyOf(rows)));
        }
      } else if (VALUE_TYPES.contains(type) && component.hasNonNull("key")) {
        fields.add(field(component, component.path("key").asText(), null));
      }
    }
  }

  private static Field field(JsonNode component, String key, List<Field> rows) {
    JsonNode validate = component.path("validate");
    boolean editable = !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false);
    List<Option> options = new ArrayList<>();
    for (JsonNode option : component.path("values")) {
      options.add(new Option(option.path("value").asText(), option.path("label").asText()));
    }
    String label = component.path("label").asText("").replaceFirst("[（(].*$", "").trim();
    return new Field(key, label.isEmpty() ? key : label, component.path("type").asText(), editable,
        validate.path("required").asBoolean(false), integer(validate.get("minLength")), integer(validate.get("maxLength")),
        number(validate.get("min")), number(validate.get("max")), text(validate.get("pattern")), List.copyOf(options),
        text(component.get("valuesKey")), text(component.path("conditional").get("hide")), rows);
  }

  private static Integer integer(JsonNode node) {
    return node == null || !node.canConvertToInt() ? null : node.intValue();
  }

  private static BigDecimal number(JsonNode node) {
    return node == null || !node.isNumber() ? null : node.decimalValue();
  }

  private static String text(JsonNode node) {
    return node == null || !node.isTextual() || node.textValue().isBlank() ? null : node.textValue();
  }

  /** A deployed Camunda Form, read without the caller's authorizations: reading it is part of submitting it. */
  static JsonNode deployedForm(Command<InputStream> read, String formOf) {
    CommandContext commandContext = Context.getCommandContext();
    boolean checking = commandContext.isAuthorizationCheckEnabled();
    commandContext.disableAuthorizationCheck();
    try (InputStream form = read.execute(commandContext)) {
      return JsonVariable.MAPPER.readTree(form);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("form of " + formOf + " is not readable", unreadable);
    } finally {
      if (checking) {
        commandContext.enableAuthorizationCheck();
      }
    }
  }
}
