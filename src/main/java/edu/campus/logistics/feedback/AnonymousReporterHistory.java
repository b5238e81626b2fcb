package edu.campus.logistics.feedback;

import edu.campus.logistics.cases.HistoryEventFilter;
import edu.campus.logistics.identity.ProcessKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's history never names who filed a feedback: the Cockpit groups (general-affairs, finance,
 * process-owners) read all history, and an anonymous reporter must be known to the logistics head and
 * the principal only ({@link FeedbackController}, table {@code feedback_reporter}). Every history event
 * of a {@code feedback} case passes through here before it is written (and before the KPI read model
 * sees it):
 * <ul>
 *   <li>the case's starter ({@code startUserId}) is never recorded, anonymous or not — a named
 *   reporter is in {@code reporterId}, and 我的申请 finds the reporter's cases through
 *   {@link FeedbackReporters};</li>
 *   <li>for an anonymous case, the reporter is blanked wherever history would name him: the rating
 *   task's assignee and owner (task and activity history), the user operation log (his rating, his
 *   id as a new or old value), and his identity links are not written at all;</li>
 *   <li>a comment he adds to his own rating task (Tasklist's 添加备注) keeps its text but not his name:
 *   comments are not history events, so a command interceptor blanks the author of every new comment
 *   of an anonymous case before the command's entities are written.</li>
 * </ul>
 * Installed around the engine's own handler once the engine is configured, so nothing reaches the
 * database unblanked.
 */
@Component
public class AnonymousReporterHistory extends AbstractProcessEnginePlugin {

  private final FeedbackReporters reporters;

  public AnonymousReporterHistory(FeedbackReporters reporters) {
    this.reporters = reporters;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired();
    List<CommandInterceptor> withBlanking = new ArrayList<>(interceptors == null ? List.of() : interceptors);
    withBlanking.add(new BlankCommentAuthors());
    configuration.setCustomPostCommandInterceptorsTxRequired(withBlanking);
  }

  /**
   * After a command ran, within its context (before its entities are flushed): new comments of an
   * anonymous feedback lose the reporter as their author.
   */
  private final class BlankCommentAuthors extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      CommandContext context = Context.getCommandContext();
      if (context != null) {
        for (CommentEntity comment : context.getDbEntityManager().getCachedEntitiesByType(CommentEntity.class)) {
          if (comment.getUserId() != null && comment.getProcessInstanceId() != null
              && anonymousReporterOf(comment.getProcessInstanceId()).filter(comment.getUserId()::equals).isPresent()) {
            comment.setUserId(null);
          }
        }
      }
      return result;
    }
  }

  private Optional<String> anonymousReporterOf(String processInstanceId) {
    return reporters.of(processInstanceId).filter(FeedbackReporters.Reporter::anonymous)
        .map(FeedbackReporters.Reporter::reporterId);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryEventFilter.install(configuration, this::keep);
  }

  /** Blanks the reporter in the event; false when the event is only about him and is not written at all. */
  private boolean keep(HistoryEvent event) {
    if (!ProcessKeys.FEEDBACK.equals(event.getProcessDefinitionKey())) {
      return true;
    }
    if (event instanceof HistoricProcessInstanceEventEntity instance) {
      instance.setStartUserId(null);
      return true;
    }
    if (!(event instanceof HistoricTaskInstanceEventEntity || event instanceof HistoricActivityInstanceEventEntity
        || event instanceof HistoricIdentityLinkLogEventEntity || event instanceof UserOperationLogEntryEventEntity)) {
      return true;
    }
    // identity link log entries carry only the root instance (a feedback is always its own root)
    Optional<String> hidden = anonymousReporter(event.getProcessInstanceId() != null ? event.getProcessInstanceId()
        : event.getRootProcessInstanceId());
    if (hidden.isEmpty()) {
      return true;
    }
    String reporter = hidden.get();
    if (event instanceof HistoricTaskInstanceEventEntity task) {
      task.setAssignee(blank(task.getAssignee(), reporter));
      task.setOwner(blank(task.getOwner(), reporter));
    } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
      activity.setTaskAssignee(blank(activity.getTaskAssignee(), reporter));
    } else if (event instanceof HistoricIdentityLinkLogEventEntity link) {
      if (reporter.equals(link.getUserId())) {
        return false;
      }
      link.setAssignerId(blank(link.getAssignerId(), reporter));
    } else if (event instanceof UserOperationLogEntryEventEntity entry) {
      entry.setUserId(blank(entry.getUserId(), reporter));
      entry.setOrgValue(blank(entry.getOrgValue(), reporter));
      entry.setNewValue(blank(entry.getNewValue(), reporter));
    }
    return true;
  }

  private Optional<String> anonymousReporter(String processInstanceId) {
    return processInstanceId == null ? Optional.empty() : anonymousReporterOf(processInstanceId);
  }

  private static String blank(String value, String reporter) {
    return Objects.equals(value, reporter) ? null : value;
  }
}
