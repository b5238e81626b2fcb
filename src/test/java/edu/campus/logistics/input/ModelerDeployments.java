package edu.campus.logistics.input;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.identity.SingleGroupUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests that deploy as Camunda Modeler does ({@link ModelerUpload}) into the shared application:
 * the single-group users exist, and whatever a test deployed is removed afterwards, so the
 * application's own models are the latest again for the next test.
 */
@CampusTest
abstract class ModelerDeployments {

  /** A member of process-owners only. */
  static final String OWNER = SingleGroupUsers.of("process-owners");
  /** A member of staff only. */
  static final String STAFF = SingleGroupUsers.of("staff");

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;

  TestHttp http;
  ModelerUpload modeler;

  @BeforeEach
  void usersAndUpload() {
    SingleGroupUsers.ensure(identityService);
    http = new TestHttp(port);
    modeler = new ModelerUpload(http, repositoryService);
  }

  @AfterEach
  void undeploy() {
    modeler.undeployAll();
  }
}
