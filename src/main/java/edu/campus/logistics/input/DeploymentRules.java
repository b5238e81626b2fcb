package edu.campus.logistics.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployment may contain when it is not made by an administrator: models that only route
 * work between people and call the application's own beans, never code of their own. Pure: reads
 * the resources' bytes and answers every problem found (file, element id, rule), empty when the
 * deployment may go ahead. {@link DeploymentGuard} applies it inside the engine.
 *
 * <p>Refused: other files than {@code .bpmn}, {@code .dmn} and {@code .form}; script tasks, scripts
 * anywhere ({@code camunda:script}, {@code scriptFormat}, {@code camunda:resource}, a condition in
 * another language than JUEL); Java classes ({@code camunda:class}, a listener's {@code class},
 * {@code variableMappingClass}, {@code formHandlerClass}); external tasks and connectors; embedded
 * HTML forms ({@code camunda:formKey}, their scripts run in the users' browsers); DMN in another
 * expression language than FEEL and FEEL external (Java) functions; a {@code camunda:formRef} that
 * no form of the same deployment has. Expressions ({@code ${…}}, {@code #{…}}) may read variables,
 * name a bean of {@link #ALLOWED_BEANS} and make the calls of {@link #ALLOWED_CALLS}, nothing else:
 * no other bean, no other method or property, no {@code [..]} access; a delegate expression names
 * exactly one allowed bean. Every BPMN and DMN file must also be one Camunda Modeler wrote for
 * Camunda Platform 7.24.0, with its diagram, of process and decision ids the application knows
 * ({@link ModelerRules}).
 */
public final class DeploymentRules {

  /** The application's beans that models may name: the ones its own models use. */
  public static final Set<String> ALLOWED_BEANS = Set.of(
      // procurement
      "validateProcurementRequest", "startApprovalRound", "approvalChain", "prepareApproval", "recordApproval",
      "showRequestInWords", "fourEyesGuard",
      "reviseTaskListener", "preparePurchase", "purchaseTaskListener", "prepareInspection", "recordInspection",
      "prepareStorage", "storageTaskListener", "stockReceivedGoods", "remindApprover", "escalateApproval",
      // repair
      "validateRepairReport", "recordFirstResponder", "applyRepairSla", "slaEscalation", "explainSupervision",
      "offerTechnicians", "dispatchRepair", "offerParts", "recordRepairWork", "postRepairParts",
      "followUpByReporterOnly", "confirmRepair",
      "closeRepair", "recordAssetRepaired", "recordAssetDamage", "assignToDuty", "slaClock", "tellSourceCase",
      // damage compensation
      "assessDamage", "approveCompensation", "settleCompensation",
      // requisition
      "validateRequisition", "classifyRequisitionLines", "approveRequisitionListener", "requisitionFourEyes",
      "reserveRequisitionStock", "issueGoodsListener", "startShortfallProcurement", "postRequisitionIssue",
      "releaseRequisitionReservations", "listItemsUnderReorderLevel", "proposeReorderProcurement",
      // stocktake
      "planStocktake", "offerCountSheet", "recordCount", "computeDifferences", "counterMayNotApprove",
      "approveDifferences", "postStocktake", "recordStocktakeRejection",
      // daily patrol and planned inspections
      "planPatrolDay", "planInspections", "checklistRounds", "offerChecklist", "recordChecklist", "roundOverdue",
      "recordRoundSupervision",
      // feedback
      "validateFeedback", "applyReplyDeadline", "recordFeedbackResponder", "replyFeedback", "feedbackEscalation",
      "explainFeedbackSupervision", "recordImprovementCheck", "assignFeedbackReporter", "rateReply", "replyClock",
      "offerFeedbackToDuty", "forwardToRepair",
      // satisfaction survey
      "validateSurveyStart", "planTermSurvey", "startTermSurvey", "drawSurveySample", "surveySample", "questionnaireForRespondentOnly",
      "recordSurveyAnswer", "closeSurvey");

  /**
   * Member accesses and calls that expressions may make, written as the chain's shape ({@code ()} =
   * a call, its arguments are checked like any expression).
   */
  public static final Set<String> ALLOWED_CALLS = Set.of(
      "slaEscalation.record()", "slaClock.cycle()", "feedbackEscalation.record()", "replyClock.cycle()",
      "checklistRounds.keys()", "checklistRounds.dueAt()", "surveySample.respondents()",
      "execution.setVariable()",
      "execution.processBusinessKey",
      "now()", "currentUser()", "currentUserGroups()",
      "dateTime().plusMinutes().toDate()", "dateTime().plusHours().toDate()", "dateTime().plusDays().toDate()",
      "dateTime().plusWeeks().toDate()", "dateTime().plusMonths().toDate()");

  /** One thing wrong: in which file, at which element (its id, or the nearest enclosing one), which rule. */
  public record Problem(String file, String elementId, String zh, String en) {

    @Override
    public String toString() {
      return file + " › " + elementId + "：" + zh + " / " + en;
    }
  }

  private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  private static final Set<String> PROSE = Set.of("documentation", "description", "text");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The beans that keep separation of duties and validate what people hand in: where the
   * application's own model of a process has one as a listener, a new version of that process keeps
   * it on the same element for the same event. Removing them is an administrator's decision.
   * (First-responder ownership is no listener a model could drop: {@code repair/CaseOwnership}
   * installs it on every version of the processes it owns.)
   */
  public static final Set<String> GUARD_BEANS =
      Set.of("fourEyesGuard", "validateProcurementRequest", "validateRepairReport",
          // the survey: who starts it, the questionnaire stays its respondent's, answers become aggregates only
          "validateSurveyStart", "questionnaireForRespondentOnly", "recordSurveyAnswer");

  private final Predicate<String> isBean;
  private final Map<String, Set<String>> requiredGuards;
  private final ModelerRules.KnownIds knownIds;

  /**
   * Any process and decision id passes ({@link ModelerRules.KnownIds#ANY}).
   *
   * @param isBean whether a name is a bean an expression could reach (the Spring context's beans)
   */
  public DeploymentRules(Predicate<String> isBean) {
    this(isBean, Map.of());
  }

  /**
   * @param requiredGuards per process id, the guard listeners ({@link #guards}) every new version must keep:
   *                       those of the application's own models
   */
  public DeploymentRules(Predicate<String> isBean, Map<String, Set<String>> requiredGuards) {
    this(isBean, requiredGuards, ModelerRules.KnownIds.ANY);
  }

  /** @param knownIds the process and decision ids that may be deployed */
  DeploymentRules(Predicate<String> isBean, Map<String, Set<String>> requiredGuards, ModelerRules.KnownIds knownIds) {
    this.isBean = isBean;
    this.requiredGuards = requiredGuards;
    this.knownIds = knownIds;
  }

  /** Per process id of a BPMN model, its guard listeners as "element id › event › bean". */
  public static Map<String, Set<String>> guards(byte[] bpmn) {
    Map<String, Set<String>> guards = new java.util.HashMap<>();
    Document document = parse(bpmn);
    NodeList processes = document.getElementsByTagNameNS("*", "process");
    for (int p = 0; p < processes.getLength(); p++) {
      Element process = (Element) processes.item(p);
      Set<String> found = new java.util.TreeSet<>();
      collectGuards(process, process.getAttribute("id"), found);
      guards.put(process.getAttribute("id"), found);
    }
    return guards;
  }

  /** The ids a model defines: its executable processes (BPMN) or its decisions (DMN). */
  static Set<String> definitionIds(byte[] model) {
    Set<String> ids = new HashSet<>();
    Document document = parse(model);
    for (String tag : List.of("process", "decision")) {
      NodeList definitions = document.getElementsByTagNameNS("*", tag);
      for (int i = 0; i < definitions.getLength(); i++) {
        Element definition = (Element) definitions.item(i);
        if (tag.equals("decision") || ModelerRules.executable(definition)) {
          ids.add(definition.getAttribute("id"));
        }
      }
    }
    return ids;
  }

  private static void collectGuards(Element element, String enclosingId, Set<String> found) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
    String tag = element.getLocalName();
    if ((tag.equals("taskListener") || tag.equals("executionListener")) && element.hasAttribute("delegateExpression")) {
      String bean = element.getAttribute("delegateExpression").strip().replaceAll("^\\$\\{\\s*|\\s*}$", "");
      if (GUARD_BEANS.contains(bean)) {
        found.add(id + " › " + element.getAttribute("event") + " › ${" + bean + "}");
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        collectGuards(child, id, found);
      }
    }
  }

  public List<Problem> check(Map<String, byte[]> resources) {
    List<Problem> problems = new ArrayList<>();
    Set<String> formIds = new HashSet<>();
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      if (resource.getKey().endsWith(".form")) {
        try {
          JsonNode form = JSON.readTree(resource.getValue());
          if (form != null && form.path("id").isTextual()) {
            formIds.add(form.path("id").asText());
          }
        } catch (Exception e) {
          problems.add(new Problem(resource.getKey(), "-", "表单文件不是有效的 JSON", "the form is not valid JSON"));
        }
      }
    }
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      String name = resource.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
        checkXml(name, resource.getValue(), false, formIds, problems);
      } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        checkXml(name, resource.getValue(), true, formIds, problems);
      } else if (!lower.endsWith(".form")) {
        problems.add(new Problem(name, "-", "只能部署 BPMN、DMN 和表单（.form）文件",
            "only BPMN, DMN and Camunda Forms (.form) files may be deployed"));
      }
    }
    return problems;
  }

  private static Document parse(byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private void checkXml(String file, byte[] bytes, boolean dmn, Set<String> formIds, List<Problem> problems) {
    Document document;
    try {
      document = parse(bytes);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(file, "-", "不是有效的 XML（不允许 DOCTYPE）", "not well-formed XML (no DOCTYPE allowed): "
          + e.getMessage()));
      return;
    }
    checkElement(file, document.getDocumentElement(), "-", dmn, formIds, problems);
    ModelerRules.check(file, document, dmn, knownIds, problems);
    if (!dmn) {
      guards(bytes).forEach((processId, found) -> {
        for (String required : requiredGuards.getOrDefault(processId, Set.of())) {
          if (!found.contains(required)) {
            String elementId = required.split(" › ", 2)[0];
            problems.add(new Problem(file, elementId, "缺少职责分离或校验监听器 " + required
                + "（四眼原则、首问负责、申请校验必须保留，改动只限系统管理员）", "the separation-of-duties or validation listener "
                + required + " of the application's model is missing (it must stay; only an administrator may remove it)"));
          }
        }
      });
    }
  }

  private void checkElement(String file, Element element, String enclosingId, boolean dmn, Set<String> formIds,
                            List<Problem> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
    String tag = element.getLocalName();
    if (tag.equals("scriptTask")) {
      problems.add(new Problem(file, id, "不允许脚本任务", "script tasks are not allowed"));
    } else if (tag.equals("script") && CAMUNDA_BPMN.equals(element.getNamespaceURI())) {
      problems.add(new Problem(file, id, "不允许脚本（监听器、输入输出或条件中的 camunda:script）",
          "scripts are not allowed (camunda:script in a listener, input/output mapping or condition)"));
    } else if (tag.equals("connector")) {
      problems.add(new Problem(file, id, "不允许连接器（camunda:connector）", "connectors are not allowed"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(file, id, (Attr) attributes.item(i), dmn, formIds, problems);
    }
    NodeList children = element.getChildNodes();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element childElement) {
        checkElement(file, childElement, id, dmn, formIds, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (dmn) {
      if (FEEL_EXTERNAL.matcher(text).find()) {
        problems.add(new Problem(file, id, "不允许 FEEL 外部（Java）函数", "FEEL external (Java) functions are not allowed"));
      }
    } else if (!PROSE.contains(tag)) {
      checkExpressions(file, id, text.toString(), problems);
    }
  }

  private void checkAttribute(String file, String id, Attr attribute, boolean dmn, Set<String> formIds,
                              List<Problem> problems) {
    String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
    String value = attribute.getValue();
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
      return;
    }
    boolean camunda = CAMUNDA_BPMN.equals(attribute.getNamespaceURI());
    if (name.equals("class") || name.endsWith("Class")) {
      problems.add(new Problem(file, id, "不允许调用 Java 类（" + attribute.getName() + "）",
          "Java classes are not allowed (" + attribute.getName() + ")"));
    } else if (name.equals("scriptFormat") || (camunda && name.equals("resource"))) {
      problems.add(new Problem(file, id, "不允许脚本（" + attribute.getName() + "）",
          "scripts are not allowed (" + attribute.getName() + ")"));
    } else if (name.equals("language") && !value.equalsIgnoreCase("juel")) {
      problems.add(new Problem(file, id, "条件只能用 JUEL 表达式，不能用脚本语言 " + value,
          "conditions must be JUEL expressions, not the script language " + value));
    } else if (dmn && (name.equals("expressionLanguage") || name.equals("typeLanguage"))) {
      if (!value.toLowerCase(Locale.ROOT).contains("feel")) {
        problems.add(new Problem(file, id, "决策表只能用 FEEL，不能用 " + value, "decisions must use FEEL, not " + value));
      }
    } else if (camunda && (name.equals("type") || name.equals("topic"))) {
      problems.add(new Problem(file, id, "不允许外部任务（camunda:" + name + "）",
          "external tasks are not allowed (camunda:" + name + ")"));
    } else if (camunda && name.equals("formKey")) {
      problems.add(new Problem(file, id, "不允许嵌入式 HTML 表单（camunda:formKey），请用 Camunda 表单（camunda:formRef）",
          "embedded HTML forms (camunda:formKey) are not allowed, use Camunda Forms (camunda:formRef)"));
    } else if (camunda && name.equals("formRef") && !value.contains("{") && !formIds.contains(value)) {
      problems.add(new Problem(file, id, "表单 " + value + " 不在本次部署中（请一并部署该 .form 文件）",
          "form " + value + " is not part of this deployment (deploy its .form file with it)"));
    } else if (name.equals("delegateExpression") || name.equals("variableMappingDelegateExpression")) {
      String bean = value.strip();
      if (!(bean.startsWith("${") && bean.endsWith("}")
          && ALLOWED_BEANS.contains(bean.substring(2, bean.length() - 1).strip()))) {
        problems.add(new Problem(file, id, "委托表达式 " + value + " 不是允许的应用组件（" + "允许：见 docs/security.md）",
            "delegate expression " + value + " is not one of the application's allowed beans (see docs/security.md)"));
      }
    } else if (!dmn) {
      checkExpressions(file, id, value, problems);
    }
  }

  private void checkExpressions(String file, String id, String text, List<Problem> problems) {
    for (int start = 0; start < text.length() - 1; start++) {
      char c = text.charAt(start);
      if ((c == '$' || c == '#') && text.charAt(start + 1) == '{') {
        int end = closingBrace(text, start + 2);
        String body = text.substring(start + 2, end < 0 ? text.length() : end);
        for (String problem : expressionProblems(body)) {
          problems.add(new Problem(file, id, "表达式 " + c + "{" + body + "} " + problem.split(" / ", 2)[0],
              "expression " + c + "{" + body + "} " + problem.split(" / ", 2)[1]));
        }
        start = end < 0 ? text.length() : end;
      }
    }
  }

  private static int closingBrace(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  /** The problems of one expression body, each "中文 / English". */
  List<String> expressionProblems(String body) {
    List<String> tokens = tokens(body);
    Set<String> problems = new LinkedHashSet<>();
    // the dots that belong to a chain starting at a name; any other dot reaches into a value ('x'.getClass())
    boolean[] inChain = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.equals("[")) {
        problems.add("使用了 [..] 访问，不允许 / uses [..] access, which is not allowed");
        continue;
      }
      if (!isIdentifier(token) || EL_KEYWORDS.contains(token) || (i > 0 && tokens.get(i - 1).equals("."))) {
        continue;
      }
      StringBuilder chain = new StringBuilder(token);
      int j = i + 1;
      while (j < tokens.size()) {
        if (tokens.get(j).equals(".") && j + 1 < tokens.size() && isIdentifier(tokens.get(j + 1))) {
          chain.append('.').append(tokens.get(j + 1));
          inChain[j] = true;
          j += 2;
        } else if (tokens.get(j).equals("(")) {
          chain.append("()");
          j = closingParen(tokens, j) + 1;
        } else {
          break;
        }
      }
      String shape = chain.toString();
      if (shape.equals(token)) {
        if (isBean.test(token) && !ALLOWED_BEANS.contains(token)) {
          problems.add("引用了不允许的应用组件 " + token + " / names the bean " + token + ", which is not allowed");
        }
      } else if (!ALLOWED_CALLS.contains(shape)) {
        problems.add("调用了不允许的方法或属性 " + shape + " / calls " + shape + ", which is not an allowed call");
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equals(".") && !inChain[i]) {
        problems.add("对值调用方法或读取属性，不允许 / calls a method or reads a property of a value, which is not allowed");
      }
    }
    return List.copyOf(problems);
  }

  private static int closingParen(List<String> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).equals("(")) {
        depth++;
      } else if (tokens.get(i).equals(")") && --depth == 0) {
        return i;
      }
    }
    return tokens.size();
  }

  private static boolean isIdentifier(String token) {
    return !token.isEmpty() && Character.isJavaIdentifierStart(token.charAt(0));
  }

  private static List<String> tokens(String body) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < body.length() && body.charAt(j) != c) {
          j += body.charAt(j) == '\\' ? 2 : 1;
        }
        tokens.add("'literal'");
        i = Math.min(j + 1, body.length());
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i;
        while (j < body.length() && Character.isJavaIdentifierPart(body.charAt(j))) {
          j++;
        }
        tokens.add(body.substring(i, j));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < body.length() && (Character.isDigit(body.charAt(j)) || body.charAt(j) == '.'
            || body.charAt(j) == 'e' || body.charAt(j) == 'E')) {
          j++;
        }
        tokens.add("0");
        i = j;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }
}
