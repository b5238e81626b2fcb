package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.faucetLeak;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * First-responder ownership is installed by {@link CaseOwnership} on every version of repair, not
 * declared in the model: a new version deployed from Modeler (here: renamed, no ownership anywhere
 * in its XML) still gives the first responder every task of the case, with the right to hand it on.
 */
class CaseOwnershipTest extends RepairScenario {

  private static final String PLUMBER = "majian";
  private static final String ELECTRICIAN = "hejun";

  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aNewVersionOfTheModelCannotDropTheOwnership() throws IOException {
    String model = Files.readString(Path.of("processes", "repair", "repair.bpmn"))
        .replace("name=\"维修申报\"", "name=\"维修申报（新版）\"");
    assertThat(model).doesNotContain("caseOwnership").contains("维修申报（新版）");
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder builder = repository.createDeployment().name("repair-new-version")
        .addString("repair.bpmn", model)
        .addString("repair-sla.dmn", Files.readString(Path.of("processes", "repair", "repair-sla.dmn")));
    try (Stream<Path> forms = Files.list(Path.of("forms", "repair"))) {
      for (Path form : forms.toList()) {
        builder.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    deployment = builder.deploy();

    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    assertThat(repository.getProcessDefinition(repair.getProcessDefinitionId()).getDeploymentId())
        .isEqualTo(deployment.getId());
    driver.claimReport(repair, FIRST_RESPONDER);
    assertThat(driver.task(repair, "Task_DispatchRepair").getOwner()).isEqualTo(FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, ELECTRICIAN);

    Task work = driver.task(repair, "Task_RepairWork");
    assertThat(work.getOwner()).as("owner of a task created on the new version").isEqualTo(FIRST_RESPONDER);
    driver.as(FIRST_RESPONDER, () -> driver.tasks.setAssignee(work.getId(), PLUMBER));
    assertThat(driver.task(repair, "Task_RepairWork").getAssignee()).as("the owner may hand the task on").isEqualTo(PLUMBER);
    assertThat(driver.tasks.createTaskQuery().taskOwner(FIRST_RESPONDER).processDefinitionKey(ProcessKeys.REPAIR)
        .processInstanceId(repair.getId()).count()).isOne();
  }
}
