package edu.campus.logistics.input;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every new deployment, in the project's tables {@code deployment_log}, {@code deployment_log_file}
 * and {@code deployment_log_definition} (migration V5__deployment_log.sql): who deployed (the engine's authenticated
 * user; none = the application's own deployment at start-up or its Java code), when, which files,
 * and for each process and decision definition its previous and new version. A deployment is
 * written by the last deployer inside the engine's deploy command, in the deployment's own
 * transaction: recorded exactly when it is stored. An attempt {@link DeploymentGuard} refuses is
 * written in a transaction of its own, since the deployment's is rolled back, with its problems.
 * The rows stay when a deployment is deleted and are never cleaned up (docs/security.md).
 */
@Component
public class DeploymentLog extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentLog.class);
  private static final int MAX_PROBLEMS_TEXT = 8000;

  /** One deployment or refused attempt, newest first in {@link #entries}. */
  public record Entry(long id, String outcome, String deploymentId, String name, String source, String deployedBy,
                      Instant deployedAt, List<String> files, List<Definition> definitions, List<String> problems) {
  }

  /**
   * A process or decision definition the deployment made.
   *
   * @param previousVersion the version that was the latest before (absent: the first version)
   */
  public record Definition(String type, String key, String id, String file, Integer previousVersion, int version) {
  }

  public static final String DEPLOYED = "DEPLOYED";
  public static final String REFUSED = "REFUSED";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  public DeploymentLog(@Lazy JdbcTemplate jdbc, @Lazy PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostDeployers() == null) {
      configuration.setCustomPostDeployers(new ArrayList<>());
    }
    configuration.getCustomPostDeployers().add((Deployer) this::deployed);
  }

  private void deployed(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    List<Definition> definitions = new ArrayList<>();
    for (ProcessDefinition process : orEmpty(deployment.getDeployedProcessDefinitions())) {
      String previous = context.getProcessDefinitionManager()
          .findPreviousProcessDefinitionId(process.getKey(), process.getVersion(), process.getTenantId());
      definitions.add(new Definition("process", process.getKey(), process.getId(), process.getResourceName(),
          previous == null ? null : context.getProcessDefinitionManager().findLatestDefinitionById(previous).getVersion(),
          process.getVersion()));
    }
    for (DecisionDefinition decision : orEmpty(deployment.getDeployedDecisionDefinitions())) {
      String previous = context.getDecisionDefinitionManager()
          .findPreviousDecisionDefinitionId(decision.getKey(), decision.getVersion(), decision.getTenantId());
      definitions.add(new Definition("decision", decision.getKey(), decision.getId(), decision.getResourceName(),
          previous == null ? null : context.getDecisionDefinitionManager().findDecisionDefinitionById(previous)
              .getVersion(), decision.getVersion()));
    }
    Collection<String> files = deployment.getResources() == null ? List.of() : deployment.getResources().keySet();
    Date time = deployment.getDeploymentTime() != null ? deployment.getDeploymentTime() : ClockUtil.getCurrentTime();
    long id = insert(DEPLOYED, deployment.getId(), deployment, context.getAuthenticatedUserId(), time, null);
    files(id, files);
    for (Definition definition : definitions) {
      jdbc.update("insert into deployment_log_definition (log_id, definition_type, definition_key, definition_id,"
              + " file_name, previous_version, new_version) values (?, ?, ?, ?, ?, ?, ?)", id, definition.type(),
          definition.key(), definition.id(), definition.file(), definition.previousVersion(), definition.version());
    }
  }

  /** Records an attempt the guard refuses, in a transaction of its own (the deployment's is rolled back). */
  void refused(DeploymentEntity deployment, Collection<String> files, List<DeploymentRules.Problem> problems) {
    String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    String text = problems.stream().map(DeploymentRules.Problem::toString).collect(Collectors.joining("\n"));
    String stored = text.length() > MAX_PROBLEMS_TEXT ? text.substring(0, MAX_PROBLEMS_TEXT - 1) + "…" : text;
    try {
      separateTransaction.executeWithoutResult(status -> files(
          insert(REFUSED, null, deployment, user, ClockUtil.getCurrentTime(), stored), files));
    } catch (RuntimeException e) {
      // the refusal itself must reach the caller; the log file has it too (DeploymentGuard)
      LOG.warn("Could not record the refused deployment '{}' by {}: {}", deployment.getName(), user, e.toString());
    }
  }

  private long insert(String outcome, String deploymentId, DeploymentEntity deployment, String user, Date time,
                      String problems) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into deployment_log (outcome, deployment_id,"
          + " deployment_name, source, deployed_by, deployed_at, problems) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, outcome);
      insert.setString(2, deploymentId);
      insert.setString(3, deployment.getName());
      insert.setString(4, deployment.getSource());
      insert.setString(5, user);
      insert.setTimestamp(6, new Timestamp(time.getTime()));
      insert.setString(7, problems);
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  private void files(long id, Collection<String> files) {
    for (String file : files) {
      jdbc.update("insert into deployment_log_file (log_id, file_name) values (?, ?)", id, file);
    }
  }

  /**
   * A page of the log, newest first (in the order the entries were written).
   *
   * @param withRefused whether refused attempts are included (administrators)
   */
  public List<Entry> entries(int firstResult, int maxResults, boolean withRefused) {
    Map<Long, Entry> entries = new LinkedHashMap<>();
    jdbc.query("select id, outcome, deployment_id, deployment_name, source, deployed_by, deployed_at, problems"
            + " from deployment_log" + (withRefused ? "" : " where outcome = '" + DEPLOYED + "'")
            + " order by id desc offset ? rows fetch next ? rows only",
        rs -> {
          String problems = rs.getString("problems");
          entries.put(rs.getLong("id"), new Entry(rs.getLong("id"), rs.getString("outcome"),
              rs.getString("deployment_id"), rs.getString("deployment_name"), rs.getString("source"),
              rs.getString("deployed_by"), rs.getTimestamp("deployed_at").toInstant(), new ArrayList<>(),
              new ArrayList<>(), problems == null ? null : List.of(problems.split("\n"))));
        }, firstResult, maxResults);
    if (entries.isEmpty()) {
      return List.of();
    }
    String ids = entries.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    jdbc.query("select log_id, file_name from deployment_log_file where log_id in (" + ids + ") order by log_id, file_name",
        rs -> {
          entries.get(rs.getLong("log_id")).files().add(rs.getString("file_name"));
        });
    jdbc.query("select log_id, definition_type, definition_key, definition_id, file_name, previous_version, new_version"
            + " from deployment_log_definition where log_id in (" + ids + ") order by log_id, definition_type desc,"
            + " definition_key", rs -> {
          int previous = rs.getInt("previous_version");
          Integer previousVersion = rs.wasNull() ? null : previous;
          entries.get(rs.getLong("log_id")).definitions().add(new Definition(rs.getString("definition_type"),
              rs.getString("definition_key"), rs.getString("definition_id"), rs.getString("file_name"),
              previousVersion, rs.getInt("new_version")));
        });
    return List.copyOf(entries.values());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
