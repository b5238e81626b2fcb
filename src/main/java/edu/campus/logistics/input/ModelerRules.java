package edu.campus.logistics.input;

import edu.campus.logistics.input.DeploymentRules.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The part of {@link DeploymentRules} about where a model comes from rather than what it runs: it
 * is a file Camunda Modeler 5 wrote for this engine ({@code modeler:executionPlatform="Camunda
 * Platform"}, {@code modeler:executionPlatformVersion="7.24.0"} on the root element), it carries its
 * diagram (a BPMN shape or edge for every flow element, a DMN shape for every decision and
 * requirement element) so Cockpit and the next owner see what was deployed, and its process ids and
 * decision ids are ones this application already knows ({@link KnownIds}): a new process or decision
 * needs authorizations, forms and code reviewed by an administrator.
 */
final class ModelerRules {

  static final String MODELER = "http://camunda.org/schema/modeler/1.0";
  static final String EXECUTION_PLATFORM = "Camunda Platform";
  /** The engine this application runs; a model for another version may use what this engine does not have. */
  static final String EXECUTION_PLATFORM_VERSION = "7.24.0";

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** BPMN elements that Modeler draws: each needs a BPMNShape or BPMNEdge. */
  private static final Set<String> DRAWN_BPMN = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
      "intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "manualTask", "businessRuleTask", "scriptTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
      "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
      "sequenceFlow", "dataObjectReference", "dataStoreReference", "participant", "lane", "messageFlow");
  /** DMN requirement graph elements that Modeler draws: each needs a DMNShape. */
  private static final Set<String> DRAWN_DMN = Set.of("decision", "inputData", "businessKnowledgeModel",
      "knowledgeSource");

  /** Which process ids (BPMN {@code process}) and decision ids (DMN {@code decision}) may be deployed. */
  record KnownIds(Predicate<String> processes, Predicate<String> decisions) {

    /** Every id: the content rules only (used where no application is at hand). */
    static final KnownIds ANY = new KnownIds(id -> true, id -> true);
  }

  private ModelerRules() {
  }

  static void check(String file, Document document, boolean dmn, KnownIds known, List<Problem> problems) {
    Element root = document.getDocumentElement();
    String rootId = root.hasAttribute("id") ? root.getAttribute("id") : "-";
    checkPlatform(file, root, rootId, problems);
    if (dmn) {
      checkDiagram(file, root, rootId, DRAWN_DMN, "DMNShape", "dmnElementRef", "DMNDiagram", problems);
      for (Element decision : elements(root, "decision")) {
        if (!known.decisions().test(decision.getAttribute("id"))) {
          problems.add(new Problem(file, decision.getAttribute("id"), "决策 id " + decision.getAttribute("id")
              + " 不是本应用已有的决策：新决策表由系统管理员部署，或由其列入 campus.deployments.allowed-new-ids",
              "decision id " + decision.getAttribute("id") + " is not a decision this application knows: an administrator"
                  + " deploys a new decision, or lists it in campus.deployments.allowed-new-ids"));
        }
      }
    } else {
      checkDiagram(file, root, rootId, DRAWN_BPMN, null, "bpmnElement", "BPMNDiagram", problems);
      for (Element process : elements(root, "process")) {
        String id = process.getAttribute("id");
        if (BPMN.equals(process.getNamespaceURI()) && executable(process) && !known.processes().test(id)) {
          problems.add(new Problem(file, id, "流程 id " + id
              + " 不是本应用已有的流程：新流程由系统管理员部署，或由其列入 campus.deployments.allowed-new-ids",
              "process id " + id + " is not a process this application knows: an administrator deploys a new process,"
                  + " or lists it in campus.deployments.allowed-new-ids"));
        }
      }
    }
  }

  /**
   * Whether the id of this process counts: {@code isExecutable="true"}, or no {@code isExecutable} at all
   * (a new deployment skips such a process, but the engine takes it as executable when it parses a
   * stored deployment again, so it is checked like one).
   */
  static boolean executable(Element process) {
    return !process.hasAttribute("isExecutable") || process.getAttribute("isExecutable").equalsIgnoreCase("true");
  }

  private static void checkPlatform(String file, Element root, String rootId, List<Problem> problems) {
    String platform = root.getAttributeNS(MODELER, "executionPlatform");
    String version = root.getAttributeNS(MODELER, "executionPlatformVersion");
    if (!EXECUTION_PLATFORM.equals(platform) || !EXECUTION_PLATFORM_VERSION.equals(version)) {
      String found = (platform.isEmpty() ? "无" : platform) + " " + (version.isEmpty() ? "无版本" : version);
      problems.add(new Problem(file, rootId, "模型必须在 Camunda Modeler 中为 Camunda Platform 7.24.0 建模"
          + "（modeler:executionPlatform=\"Camunda Platform\"、modeler:executionPlatformVersion=\"7.24.0\"），当前为 "
          + found, "the model must be made in Camunda Modeler for Camunda Platform 7.24.0 (modeler:executionPlatform="
          + "\"Camunda Platform\", modeler:executionPlatformVersion=\"7.24.0\"), it says "
          + (platform.isEmpty() ? "none" : platform) + " " + (version.isEmpty() ? "no version" : version)));
    }
  }

  /**
   * Every drawn element of the model has a shape (or edge) in one of its diagrams.
   *
   * @param shapeTag the diagram element naming the model element, {@code null} = any element with {@code refAttribute}
   */
  private static void checkDiagram(String file, Element root, String rootId, Set<String> drawn, String shapeTag,
                                   String refAttribute, String diagramTag, List<Problem> problems) {
    if (elements(root, diagramTag).isEmpty()) {
      problems.add(new Problem(file, rootId, "缺少图形（" + diagramTag + "）：请在 Camunda Modeler 中保存模型",
          "the diagram (" + diagramTag + ") is missing: save the model in Camunda Modeler"));
      return;
    }
    Set<String> shown = new HashSet<>();
    collectShown(root, shapeTag, refAttribute, shown);
    collectDrawn(file, root, drawn, shown, problems);
  }

  private static void collectShown(Element element, String shapeTag, String refAttribute, Set<String> shown) {
    if ((shapeTag == null || shapeTag.equals(element.getLocalName())) && element.hasAttribute(refAttribute)) {
      String ref = element.getAttribute(refAttribute);
      shown.add(ref.startsWith("#") ? ref.substring(1) : ref);
    }
    for (Element child : children(element)) {
      collectShown(child, shapeTag, refAttribute, shown);
    }
  }

  private static void collectDrawn(String file, Element element, Set<String> drawn, Set<String> shown,
                                   List<Problem> problems) {
    // the OMG's BPMN and DMN namespaces (DMN 1.1 to 1.3); Camunda's extension elements are never drawn
    boolean model = element.getNamespaceURI() != null && element.getNamespaceURI().contains("omg.org/spec/");
    if (model && drawn.contains(element.getLocalName()) && element.hasAttribute("id")
        && !shown.contains(element.getAttribute("id"))) {
      problems.add(new Problem(file, element.getAttribute("id"), "图中没有该元素（" + element.getLocalName()
          + "）的图形：请在 Camunda Modeler 中把它画出来", "the diagram has no shape for this " + element.getLocalName()
          + ": draw it in Camunda Modeler"));
    }
    for (Element child : children(element)) {
      collectDrawn(file, child, drawn, shown, problems);
    }
  }

  private static List<Element> elements(Element root, String localName) {
    NodeList found = root.getElementsByTagNameNS("*", localName);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      elements.add((Element) found.item(i));
    }
    return elements;
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    return children;
  }
}
