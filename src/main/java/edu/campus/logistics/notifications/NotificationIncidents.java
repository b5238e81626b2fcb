package edu.campus.logistics.notifications;

import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.notifications.Outbox.Message;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A message that failed for good shows in Cockpit: an incident of type {@value #TYPE} on its case, if
 * the case is still running ("通知发送失败：邮件 邮件服务器未能发送：…"), with the message's id as its
 * configuration ({@code notification:<id>}). Sending the message again resolves it. The outbox stays
 * outside the engine: the incident is created after the message was marked FAILED, in a command of its
 * own; if it cannot be created (the case has ended meanwhile), the failure report is the place.
 */
@Component
public class NotificationIncidents {

  /** The incident type Cockpit shows (free text in Camunda 7; a handler is registered by {@link NotificationPlugin}). */
  public static final String TYPE = "notificationFailed";

  private static final Logger LOG = LoggerFactory.getLogger(NotificationIncidents.class);

  private final ProcessEngine engine;
  private final Outbox outbox;

  public NotificationIncidents(@Lazy ProcessEngine engine, Outbox outbox) {
    this.engine = engine;
    this.outbox = outbox;
  }

  /** The message {@code message} failed for good with {@code reason}: an incident on its case, if the case still runs. */
  void failed(Message message, String reason) {
    if (message.processInstanceId() == null) {
      return;
    }
    try {
      String incidentId = privileged(context -> {
        String executionId = executionOf(context, message);
        if (executionId == null) {
          return null;
        }
        Incident incident = new CreateIncidentCmd(TYPE, executionId, "notification:" + message.id(),
            "通知发送失败：" + channelName(message.channel()) + " " + (reason == null ? "" : reason)).execute(context);
        return incident.getId();
      });
      if (incidentId != null) {
        outbox.incident(message.id(), incidentId);
      }
    } catch (RuntimeException e) {
      LOG.warn("Notification {} failed; no incident on case {}: {}", message.id(), message.processInstanceId(), e.toString());
    }
  }

  /** The message is sent again: its incident, if it has one still open, is resolved. */
  void resent(Message message) {
    if (message.incidentId() == null) {
      return;
    }
    privileged(context -> {
      if (context.getIncidentManager().findIncidentById(message.incidentId()) != null) {
        new ResolveIncidentCmd(message.incidentId()).execute(context);
      }
      return null;
    });
  }

  /** In words, as the message names it. */
  static String channelName(String channel) {
    return switch (channel) {
      case MailChannel.ID -> "邮件";
      case RobotChannel.ID -> "机器人";
      default -> channel;
    };
  }

  /** The execution the incident goes on: the task's, if the task is still open; else one of the case's executions at an activity. */
  private static String executionOf(CommandContext context, Message message) {
    if (message.taskId() != null) {
      TaskEntity task = context.getTaskManager().findTaskById(message.taskId());
      if (task != null && task.getExecutionId() != null) {
        return task.getExecutionId();
      }
    }
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(message.processInstanceId());
    if (instance == null) {
      return null; // the case has ended: the failure report is the place
    }
    return instance.getActivityId() != null ? instance.getId()
        : context.getExecutionManager().findExecutionsByProcessInstanceId(message.processInstanceId()).stream()
            .filter(execution -> execution.getActivityId() != null).map(ExecutionEntity::getId).findFirst().orElse(null);
  }

  /** Runs {@code work} in one engine command with authorization checks off (the deliverer and the retry act for the engine). */
  private <T> T privileged(Function<CommandContext, T> work) {
    return ApplicationReads.withoutAuthorization((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
        () -> work.apply(Context.getCommandContext()));
  }
}
