package edu.campus.logistics.input;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.LedgerService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Common ground of the tests that try a case's doors as an offender would: the whole application,
 * REST as a demo or single-group user ({@link TestHttp}), cases brought to a task
 * ({@link OpenTasks}) and the before/after state that a refusal must leave alone ({@link Snapshot}).
 */
@CampusTest
abstract class CaseDoors {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  LedgerService ledger;
  @Autowired
  AssetRegister assets;

  TestHttp http;
  OpenTasks cases;
  Snapshot snapshot;

  @BeforeEach
  void openDoors() {
    http = new TestHttp(port);
    cases = new OpenTasks(engine);
    snapshot = new Snapshot(engine, ledger, assets);
  }
}
