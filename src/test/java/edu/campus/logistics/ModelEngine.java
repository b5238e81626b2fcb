package edu.campus.logistics;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.repair.CaseOwnership;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The bare engine for tests of a model's own logic (paths, gateways, timers, decision tables):
 * no Spring, no ledger, no web; an in-memory H2 of its own; the {@code ${bean}} expressions of
 * the models resolved through {@link org.camunda.bpm.engine.test.mock.Mocks}, so a test registers
 * the real listeners that need nothing but the engine and a {@link Steps} recorder for the steps
 * that post to the ledger or the asset register (those are tested with the whole application).
 * Tests deploy the models with {@code @Deployment(resources = ...)}; the school's groups exist
 * (the test users are {@link edu.campus.logistics.identity.SingleGroupUsers}) and the
 * first-responder ownership plugin is installed as in the application.
 */
public final class ModelEngine {

  private static ProcessEngine engine;

  private ModelEngine() {
  }

  /** The JUnit 5 extension for a test class: {@code @RegisterExtension static ProcessEngineExtension engine = ModelEngine.extension();}. */
  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  private static synchronized ProcessEngine engine() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("model-paths");
      configuration.setJdbcUrl("jdbc:h2:mem:model-paths;DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setJobExecutorActivate(false);
      // ids as the application allows them (application.yaml): the test users are "sec-<group>"
      configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9-]{0,63}");
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new CaseOwnership()));
      engine = configuration.buildProcessEngine();
      IdentityService identity = engine.getIdentityService();
      for (CampusGroup campusGroup : CampusGroup.values()) {
        Group group = identity.newGroup(campusGroup.id());
        group.setName(campusGroup.displayName());
        identity.saveGroup(group);
      }
    }
    return engine;
  }

  /**
   * Stands in for a step whose work is tested elsewhere (a posting, a register entry): records
   * that the model reached it, by activity id, and lets the case go on.
   */
  public static final class Steps implements JavaDelegate, ExecutionListener, TaskListener {

    private final List<String> reached = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      reached.add(execution.getCurrentActivityId());
    }

    @Override
    public void notify(DelegateExecution execution) {
      reached.add(execution.getCurrentActivityId());
    }

    @Override
    public void notify(DelegateTask task) {
      reached.add(task.getTaskDefinitionKey());
    }

    /** The activities at which the model called this step, in order. */
    public List<String> reached() {
      return List.copyOf(reached);
    }
  }
}
