package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every deployed process is drawn by Cockpit with all its flow nodes, and its picture is saved for the
 * documentation: {@code target/screenshots/.../process-<key>.png} always, and
 * {@code docs/images/process-<key>.png} when run with {@code -Ddocs.images=true}.
 */
@BrowserTest
class ProcessDiagramsBrowserIT {

  /** Render the pictures into docs/images (committed) instead of only into target/. */
  static final boolean WRITE_DOCS = Boolean.getBoolean("docs.images");
  static final Path DOCS_IMAGES = Path.of("docs", "images");

  private static final int DIAGRAM_WINDOW_WIDTH = 2400;
  private static final int DIAGRAM_WINDOW_HEIGHT = 1500;

  @Autowired
  private RepositoryService repositoryService;

  @Test
  void everyDeployedProcessIsDrawnAndPictured(Browser browser) throws Exception {
    List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list();
    assertThat(processes).isNotEmpty();

    CockpitPage cockpit = CockpitPage.login(browser, "gaoming");
    // a large canvas so that big processes fit at full scale (bpmn-js never zooms in beyond 1:1)
    browser.resize(DIAGRAM_WINDOW_WIDTH, DIAGRAM_WINDOW_HEIGHT);
    for (ProcessDefinition process : processes) {
      List<String> flowNodes = repositoryService.getBpmnModelInstance(process.getId())
          .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();

      ProcessDiagram diagram = cockpit.openDefinition(process.getId()).maximize();
      assertThat(diagram.shapeIds()).as(process.getKey() + " drawn completely").containsAll(flowNodes);

      Path picture = diagram.picture(browser.screenshots().resolve("process-" + process.getKey() + ".png"));
      if (WRITE_DOCS) {
        Files.createDirectories(DOCS_IMAGES);
        Files.copy(picture, DOCS_IMAGES.resolve(picture.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
