package edu.campus.logistics.stocktake;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.LedgerService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Stocktake tests in the whole application: the single-group users exist, {@link StocktakeDriver} walks the cases. */
@CampusTest
abstract class StocktakeScenario {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  LedgerService ledger;
  @Autowired
  AssetRegister assets;

  StocktakeDriver stocktakes;

  @BeforeEach
  void driver() {
    SingleGroupUsers.ensure(engine.getIdentityService());
    stocktakes = new StocktakeDriver(engine, ledger, assets, new TestHttp(port));
  }
}
