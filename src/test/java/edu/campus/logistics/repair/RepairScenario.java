package edu.campus.logistics.repair;

import edu.campus.logistics.CampusTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Common ground of the repair scenario tests: the whole application, a {@link RepairDriver}, clock and login reset. */
@CampusTest
abstract class RepairScenario {

  static final String REPORTER = "zhangwei";
  static final String FIRST_RESPONDER = "zhengkai";

  @Autowired
  ProcessEngine engine;

  RepairDriver driver;

  @BeforeEach
  void startDriver() {
    BpmnAwareTests.init(engine);
    driver = new RepairDriver(engine);
  }

  @AfterEach
  void resetClockAndLogin() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }
}
