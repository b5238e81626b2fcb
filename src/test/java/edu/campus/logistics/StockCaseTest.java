package edu.campus.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.ledger.LedgerService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenario tests of a process that moves stock (procurement, requisition) in the whole
 * application: the engine's services, the ledger, the one driver ({@link CaseDriver}); after each
 * test the clock is back and the ledger still reconciles.
 */
@CampusTest
public abstract class StockCaseTest {

  @Autowired
  protected ProcessEngine processEngine;
  @Autowired
  protected RuntimeService runtimeService;
  @Autowired
  protected TaskService taskService;
  @Autowired
  protected IdentityService identityService;
  @Autowired
  protected ManagementService managementService;
  @Autowired
  protected LedgerService ledger;

  /** Steps as the acting user; camunda-bpm-assert initialised for this engine. */
  protected CaseDriver cases;

  @BeforeEach
  void initDriver() {
    cases = new CaseDriver(processEngine);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    assertThat(ledger.reconcile().consistent()).as("ledger reconciles").isTrue();
  }
}
