package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every process the application deploys (test fixtures excluded) is drawn by Cockpit with all its flow nodes, and its picture is saved for the
 * documentation: {@code target/screenshots/.../process-<key>.png} always, and
 * {@code docs/images/process-<key>.png} when run with {@code -Ddocs.images=true}.
 */
@BrowserTest
class ProcessDiagramsBrowserIT {

  private static final int DIAGRAM_WINDOW_WIDTH = 2400;
  private static final int DIAGRAM_WINDOW_HEIGHT = 1500;

  @Autowired
  private RepositoryService repositoryService;

  @Test
  void everyDeployedProcessIsDrawnAndPictured(Browser browser) {
    Set<String> applicationDeployments = repositoryService.createDeploymentQuery()
        .deploymentSource(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE).list().stream()
        .map(Deployment::getId).collect(Collectors.toSet());
    List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list().stream()
        .filter(process -> applicationDeployments.contains(process.getDeploymentId())).toList();
    assertThat(processes).isNotEmpty();

    CockpitPage cockpit = CockpitPage.login(browser, "gaoming");
    // a large canvas so that big processes fit at full scale (bpmn-js never zooms in beyond 1:1)
    browser.resize(DIAGRAM_WINDOW_WIDTH, DIAGRAM_WINDOW_HEIGHT);
    for (ProcessDefinition process : processes) {
      List<String> flowNodes = repositoryService.getBpmnModelInstance(process.getId())
          .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();

      ProcessDiagram diagram = cockpit.openDefinition(process.getId()).maximize();
      assertThat(diagram.shapeIds()).as(process.getKey() + " drawn completely").containsAll(flowNodes);

      String name = "process-" + process.getKey() + ".png";
      DocsImages.publish(diagram.picture(browser.screenshots().resolve(name)), name);
    }
  }
}
