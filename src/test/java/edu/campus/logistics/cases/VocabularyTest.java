package edu.campus.logistics.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.patrol.PatrolVariables;
import edu.campus.logistics.feedback.FeedbackVariables;
import edu.campus.logistics.procurement.ProcurementVariables;
import edu.campus.logistics.repair.CompensationVariables;
import edu.campus.logistics.repair.RepairVariables;
import edu.campus.logistics.requisition.RequisitionVariables;
import edu.campus.logistics.stocktake.StocktakeVariables;
import edu.campus.logistics.survey.SurveyVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The processes speak one vocabulary (in the spirit of Spring PetClinic's I18nPropertiesSyncTest):
 * every variable a model or form names — {@code ${…}} expressions, {@code camunda:initiator},
 * result and element variables, call-activity in/out mappings, DMN input expressions, form keys and
 * list paths, {@code valuesKey}, the FEEL and template references of the forms — is a constant of
 * that process's vocabulary class, and every constant is used (by a model, a form or the
 * application's code). Activity ids the tests name exist in the models (or are defined by the test
 * itself). No engine: the files are read as they are deployed.
 */
class VocabularyTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path TESTS = Path.of("src/test/java");

  /**
   * A deployed process: its model files and its vocabulary. A call activity is a contract between two
   * vocabularies: damage compensation receives repair's case variables, repair receives what the
   * compensation returns.
   */
  private record Process(String key, List<Path> models, List<Class<?>> vocabulary) {
  }

  private static final List<Process> PROCESSES_BY_KEY = List.of(
      new Process("procurement", List.of(PROCESSES.resolve("procurement/procurement.bpmn"),
          PROCESSES.resolve("procurement/procurement-approval.dmn")), List.of(ProcurementVariables.class)),
      new Process("repair", List.of(PROCESSES.resolve("repair/repair.bpmn"), PROCESSES.resolve("repair/repair-sla.dmn")),
          List.of(RepairVariables.class, CompensationVariables.class)),
      new Process("damage-compensation", List.of(PROCESSES.resolve("repair/damage-compensation.bpmn")),
          List.of(CompensationVariables.class, RepairVariables.class)),
      new Process("requisition", List.of(PROCESSES.resolve("requisition/requisition.bpmn"),
          PROCESSES.resolve("requisition/requisition-approval.dmn")), List.of(RequisitionVariables.class)),
      new Process("stock-reorder", List.of(PROCESSES.resolve("requisition/stock-reorder.bpmn")),
          List.of(RequisitionVariables.class)),
      new Process("stocktake", List.of(PROCESSES.resolve("stocktake/stocktake.bpmn"),
          PROCESSES.resolve("stocktake/stocktake-approval.dmn")), List.of(StocktakeVariables.class)),
      new Process("daily-patrol", List.of(PROCESSES.resolve("patrol/daily-patrol.bpmn"),
          PROCESSES.resolve("patrol/patrol-rules.dmn")), List.of(PatrolVariables.class)),
      new Process("inspection", List.of(PROCESSES.resolve("patrol/inspection.bpmn"),
          PROCESSES.resolve("patrol/inspection-plans.dmn")), List.of(PatrolVariables.class)),
      new Process("feedback", List.of(PROCESSES.resolve("feedback/feedback.bpmn"),
          PROCESSES.resolve("feedback/feedback-deadline.dmn")), List.of(FeedbackVariables.class)),
      new Process("satisfaction-survey", List.of(PROCESSES.resolve("survey/satisfaction-survey.bpmn")),
          List.of(SurveyVariables.class)),
      new Process("survey-schedule", List.of(PROCESSES.resolve("survey/survey-schedule.bpmn"),
          PROCESSES.resolve("survey/survey-plan.dmn")), List.of(SurveyVariables.class)));

  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "and", "or", "not", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");
  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "for", "in", "return", "some", "every",
      "satisfies", "and", "or", "not", "null", "true", "false", "between", "instance", "of", "function");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)(?!\\w)(?!\\s*\\()");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern VARIABLE_CALL = Pattern.compile("(?:set|get)Variable(?:Local)?\\(\\s*'(\\w+)'");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)\\s*}}");
  private static final Pattern ACTIVITY_ID = Pattern.compile(
      "\"((?:Task|EndEvent|StartEvent|Event|Timer|Gateway|CallActivity|SubProcess|Boundary)_[A-Za-z0-9_]+)\"");

  @Test
  void everyVariableAModelOrFormNamesIsInItsProcessVocabulary() {
    Map<String, Set<String>> unknown = new TreeMap<>();
    for (Process process : PROCESSES_BY_KEY) {
      Set<String> vocabulary = vocabulary(process.vocabulary());
      named(process).forEach((name, where) -> {
        if (!vocabulary.contains(name)) {
          unknown.computeIfAbsent(process.key() + ": " + name, k -> new TreeSet<>()).addAll(where);
        }
      });
    }
    assertThat(unknown).as("variables named by a model or form but not defined in the process's *Variables class")
        .isEmpty();
  }

  @Test
  void everyVocabularyConstantIsUsed() {
    Map<Class<?>, Set<String>> namedByModels = new HashMap<>();
    for (Process process : PROCESSES_BY_KEY) {
      namedByModels.computeIfAbsent(process.vocabulary().get(0), k -> new TreeSet<>()).addAll(named(process).keySet());
    }
    String code = mainSourcesExcept(namedByModels.keySet());
    Set<String> unused = new TreeSet<>();
    namedByModels.forEach((vocabulary, named) -> constants(vocabulary).forEach((constant, value) -> {
      if (!named.contains(value) && !Pattern.compile("\\b" + constant + "\\b").matcher(code).find()) {
        unused.add(vocabulary.getSimpleName() + "." + constant + " = " + value);
      }
    }));
    assertThat(unused).as("constants no model, form or code uses").isEmpty();
  }

  @Test
  void everyActivityIdATestNamesExistsInAModel() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> models = Files.walk(PROCESSES)) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(Files.readString(model));
        while (id.find()) {
          ids.add(id.group(1));
        }
      }
    }
    Map<String, Set<String>> missing = new TreeMap<>();
    try (Stream<Path> tests = Files.walk(TESTS)) {
      for (Path test : tests.filter(path -> path.toString().endsWith(".java")).toList()) {
        String source = Files.readString(test);
        Matcher literal = ACTIVITY_ID.matcher(source);
        while (literal.find()) {
          String id = literal.group(1);
          // a test may deploy its own small model: then the id is defined in the same file
          boolean ownModel = source.contains("id=\\\"" + id + "\\\"") || source.contains("id=\"" + id + "\"")
              || source.contains("(\"" + id + "\")");
          if (!ids.contains(id) && !ownModel) {
            missing.computeIfAbsent(id, k -> new TreeSet<>()).add(TESTS.relativize(test).toString());
          }
        }
      }
    }
    assertThat(missing).as("activity ids named by tests that no deployed model has").isEmpty();
  }

  /** Every variable name the process's models and forms use, with where. */
  private static Map<String, Set<String>> named(Process process) {
    Map<String, Set<String>> names = new TreeMap<>();
    Set<String> forms = new LinkedHashSet<>();
    for (Path model : process.models()) {
      Document document = xml(model);
      String file = model.getFileName().toString();
      walk(document.getDocumentElement(), element -> {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          Attr attribute = (Attr) attributes.item(i);
          String name = attribute.getName();
          String value = attribute.getValue();
          if (Set.of("camunda:initiator", "camunda:resultVariable", "camunda:elementVariable",
              "camunda:errorCodeVariable", "camunda:errorMessageVariable").contains(name)
              || element.getTagName().matches("camunda:(in|out)") && Set.of("source", "target").contains(name)) {
            add(names, value, file + " " + name);
          } else if ("camunda:formRef".equals(name)) {
            forms.add(value);
          } else if (!"camunda:inputVariable".equals(name)) {
            expressions(value).forEach(variable -> add(names, variable, file + " " + name));
          }
        }
        if (element.getTagName().endsWith("inputExpression")) {
          feel(element.getTextContent()).forEach(variable -> add(names, variable, file + " DMN input"));
        } else if (element.getChildNodes().getLength() == 1 && element.getFirstChild().getNodeType() == Node.TEXT_NODE) {
          expressions(element.getTextContent()).forEach(variable -> add(names, variable, file + " " + element.getTagName()));
        }
      });
    }
    for (String formId : forms) {
      JsonNode form = form(formId);
      formNames(form.path("components"), names, formId + ".form");
    }
    return names;
  }

  private static void formNames(JsonNode components, Map<String, Set<String>> names, String where) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.hasNonNull("key") && !"table".equals(type)) {
        add(names, component.path("key").asText().split("\\.")[0], where + " key");
      }
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        add(names, component.path("path").asText().split("\\.")[0], where + " path");
      }
      if (component.hasNonNull("valuesKey")) {
        add(names, component.path("valuesKey").asText(), where + " valuesKey");
      }
      component.fields().forEachRemaining(entry -> references(entry.getValue(), names, where));
      boolean rows = component.hasNonNull("path") && !component.path("path").asText().isBlank();
      if (!rows) {
        // the fields of a list with a path are properties of its rows, not variables
        formNames(component.path("components"), names, where);
      }
    }
  }

  /** FEEL ({@code =…}) and template ({@code {{x}}}) references in a component's properties. */
  private static void references(JsonNode value, Map<String, Set<String>> names, String where) {
    if (value.isTextual()) {
      String text = value.asText();
      if (text.startsWith("=")) {
        feel(text.substring(1)).forEach(name -> add(names, name, where + " FEEL"));
      }
      Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        add(names, template.group(1), where + " template");
      }
    } else if (value.isObject() && !value.has("type")) {
      value.fields().forEachRemaining(entry -> references(entry.getValue(), names, where));
    }
  }

  /** Variables of the JUEL expressions in a text: identifiers not called, not after a dot, not beans. */
  private static Set<String> expressions(String text) {
    Set<String> variables = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = expression.group(1);
      Matcher call = VARIABLE_CALL.matcher(body);
      while (call.find()) {
        variables.add(call.group(1));
      }
      for (String name : identifiers(body.replaceAll("'[^']*'|\"[^\"]*\"", "''"))) {
        if (!EL_WORDS.contains(name) && !BEANS.contains(name)) {
          variables.add(name);
        }
      }
    }
    return variables;
  }

  /** Variables of a FEEL expression: identifiers not called, not after a dot, not keywords, not loop variables. */
  private static Set<String> feel(String expression) {
    String text = expression.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\bstring join\\b", "join");
    // in a dynamic list, form-js names the row's fields this.<field> and the form's parent.<field>
    text = text.replaceAll("\\b(this|parent)\\.", "");
    Set<String> bound = new TreeSet<>();
    Matcher loop = Pattern.compile("\\bfor\\s+(\\w+)\\s+in\\b").matcher(text);
    while (loop.find()) {
      bound.add(loop.group(1));
    }
    Set<String> variables = new TreeSet<>();
    for (String name : identifiers(text)) {
      if (!FEEL_WORDS.contains(name) && !bound.contains(name)) {
        variables.add(name);
      }
    }
    return variables;
  }

  private static List<String> identifiers(String text) {
    return IDENTIFIER.matcher(text).results().map(result -> result.group(1)).toList();
  }

  /** Spring bean names of the application: what an expression calls, not a variable. */
  private static final Set<String> BEANS = beans();

  private static Set<String> beans() {
    Set<String> beans = new TreeSet<>();
    Pattern named = Pattern.compile("@Component\\(\"(\\w+)\"\\)");
    Pattern unnamed = Pattern.compile("@Component\\s+(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
    for (String source : mainSources().values()) {
      named.matcher(source).results().forEach(result -> beans.add(result.group(1)));
      unnamed.matcher(source).results().forEach(result -> beans.add(
          Character.toLowerCase(result.group(1).charAt(0)) + result.group(1).substring(1)));
    }
    return beans;
  }

  private static Set<String> vocabulary(List<Class<?>> classes) {
    return classes.stream().flatMap(type -> constants(type).values().stream()).collect(Collectors.toSet());
  }

  /** The public String constants of a vocabulary class, by constant name. */
  private static Map<String, String> constants(Class<?> vocabulary) {
    Map<String, String> constants = new TreeMap<>();
    for (Field field : vocabulary.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        try {
          constants.put(field.getName(), (String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return constants;
  }

  private static String mainSourcesExcept(Set<Class<?>> vocabularies) {
    Set<String> own = vocabularies.stream().map(type -> type.getSimpleName() + ".java").collect(Collectors.toSet());
    return mainSources().entrySet().stream().filter(entry -> !own.contains(entry.getKey().getFileName().toString()))
        .map(Map.Entry::getValue).collect(Collectors.joining("\n"));
  }

  private static Map<Path, String> mainSources() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      Map<Path, String> sources = new HashMap<>();
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        sources.put(file, Files.readString(file));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode form(String formId) {
    try (Stream<Path> files = Files.walk(FORMS)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
        JsonNode form = JsonVariable.MAPPER.readTree(file.toFile());
        if (formId.equals(form.path("id").asText())) {
          return form;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no form with id " + formId + " under " + FORMS);
  }

  private static Document xml(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static void walk(Element element, java.util.function.Consumer<Element> visit) {
    visit.accept(element);
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        walk(child, visit);
      }
    }
  }

  private static void add(Map<String, Set<String>> names, String name, String where) {
    if (name != null && !name.isBlank()) {
      names.computeIfAbsent(name, k -> new TreeSet<>()).add(where);
    }
  }
}
