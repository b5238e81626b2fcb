package edu.campus.logistics.input;

import edu.campus.logistics.identity.CampusGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Applies {@link DeploymentRules} to every new deployment — whether it comes through
 * {@code POST /engine-rest/deployment/create} (Camunda Modeler's deploy button), Cockpit or the
 * application's own process archive at start-up — unless it is made by a member of
 * {@code camunda-admin}, who may deploy anything. Deployments by the application's own Java code
 * without a user (test fixtures) are trusted like an administrator's; every REST caller is a person.
 * The separation-of-duties and validation listeners of the application's own models
 * ({@link DeploymentRules#GUARD_BEANS}) must stay in every new version of those processes.
 * It runs as the first deployer inside the engine's deploy command, so a refusal
 * ({@link DeploymentRefused}, a {@link BadUserRequestException}: 400 through REST) rolls the whole
 * deployment back: nothing of it is stored or deployed; the refused attempt is recorded in
 * {@link DeploymentLog} (in a transaction of its own). Known process and decision ids
 * ({@link ModelerRules}) are those of the application's own models, those already deployed in the
 * engine (by an administrator, or allowed earlier) and those of {@link DeploymentSettings#allowedNewIds}.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

  /** A deployment the rules refuse, with every problem found. */
  public static class DeploymentRefused extends BadUserRequestException {

    private final transient List<DeploymentRules.Problem> problems;

    public DeploymentRefused(List<DeploymentRules.Problem> problems) {
      super("部署被拒绝，共 " + problems.size() + " 个问题，未部署任何内容 / deployment refused, " + problems.size()
          + " problem(s), nothing was deployed:\n" + problems.stream().map(problem -> "- " + problem)
          .collect(Collectors.joining("\n")));
      this.problems = List.copyOf(problems);
    }

    public List<DeploymentRules.Problem> problems() {
      return problems;
    }
  }

  private final ApplicationContext applicationContext;
  private final DeploymentSettings settings;
  private final DeploymentLog log;
  /**
   * Built on the first deployment that is checked, not at start-up: reading the application's models takes a
   * few hundred milliseconds, and a restart with unchanged models deploys nothing.
   */
  private final SingletonSupplier<DeploymentRules> rules = SingletonSupplier.of(this::readRules);
  private ProcessEngineConfigurationImpl configuration;

  public DeploymentGuard(@Lazy ApplicationContext applicationContext, DeploymentSettings settings,
                         @Lazy DeploymentLog log) {
    this.applicationContext = applicationContext;
    this.settings = settings;
    this.log = log;
  }

  private DeploymentRules readRules() {
    try {
      Set<String> known = applicationIds();
      return new DeploymentRules(applicationContext::containsBean, applicationGuards(), new ModelerRules.KnownIds(
          id -> known.contains(id) || settings.allowsNew(id) || Context.getCommandContext().getProcessDefinitionManager()
              .findLatestProcessDefinitionByKey(id) != null,
          id -> known.contains(id) || settings.allowsNew(id) || Context.getCommandContext().getDecisionDefinitionManager()
              .findLatestDecisionDefinitionByKey(id) != null));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("the application's own models could not be read", unreadable);
    }
  }

  /** The process ids and decision ids of the application's own models (under {@code processes/} on the classpath). */
  static Set<String> applicationIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.*")) {
      String name = model.getFilename() == null ? "" : model.getFilename();
      if (name.endsWith(".bpmn") || name.endsWith(".dmn")) {
        try (InputStream in = model.getInputStream()) {
          ids.addAll(DeploymentRules.definitionIds(in.readAllBytes()));
        }
      }
    }
    return Set.copyOf(ids);
  }

  /** The guard listeners of the application's own models (every {@code .bpmn} under {@code processes/} on the classpath). */
  static Map<String, Set<String>> applicationGuards() throws IOException {
    Map<String, Set<String>> guards = new HashMap<>();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
      try (InputStream in = model.getInputStream()) {
        guards.putAll(DeploymentRules.guards(in.readAllBytes()));
      }
    }
    return Map.copyOf(guards);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(0, (Deployer) this::guard);
  }

  /** The rules' verdict on these resources, as the guard would give it to a process owner: empty = deployable. */
  public List<DeploymentRules.Problem> check(Map<String, byte[]> resources) {
    // inside a command, as in a deployment: whether an id is deployed already is read from the engine
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> rules.obtain().check(resources));
  }

  private void guard(DeploymentEntity deployment) {
    if (!deployment.isNew() || !applies(deployment)) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      resources.put(resource.getName(), resource.getBytes());
    }
    List<DeploymentRules.Problem> problems = rules.obtain().check(resources);
    if (!problems.isEmpty()) {
      DeploymentRefused refused = new DeploymentRefused(problems);
      LOG.info("Deployment '{}' refused: {}", deployment.getName(), refused.getMessage());
      log.refused(deployment, resources.keySet(), problems);
      throw refused;
    }
  }

  private static boolean applies(DeploymentEntity deployment) {
    Authentication caller = Context.getCommandContext().getAuthentication();
    if (caller != null && caller.getUserId() != null) {
      return !CampusGroup.administrator(caller);
    }
    return ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE.equals(deployment.getSource());
  }
}
