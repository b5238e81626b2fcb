package edu.campus.logistics.input;

import edu.campus.logistics.identity.CampusGroup;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
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
 * deployment back: nothing of it is stored or deployed.
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

  private final DeploymentRules rules;

  public DeploymentGuard(@Lazy ApplicationContext applicationContext) throws IOException {
    this.rules = new DeploymentRules(applicationContext::containsBean, applicationGuards());
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
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(0, (Deployer) this::guard);
  }

  /** The rules' verdict on these resources, as the guard would give it to a process owner: empty = deployable. */
  public List<DeploymentRules.Problem> check(Map<String, byte[]> resources) {
    return rules.check(resources);
  }

  private void guard(DeploymentEntity deployment) {
    if (!deployment.isNew() || !applies(deployment)) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      resources.put(resource.getName(), resource.getBytes());
    }
    List<DeploymentRules.Problem> problems = rules.check(resources);
    if (!problems.isEmpty()) {
      DeploymentRefused refused = new DeploymentRefused(problems);
      LOG.info("Deployment '{}' refused: {}", deployment.getName(), refused.getMessage());
      throw refused;
    }
  }

  private static boolean applies(DeploymentEntity deployment) {
    Authentication caller = Context.getCommandContext().getAuthentication();
    if (caller != null && caller.getUserId() != null) {
      return caller.getGroupIds() == null || !caller.getGroupIds().contains(CampusGroup.CAMUNDA_ADMIN);
    }
    return ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE.equals(deployment.getSource());
  }
}
