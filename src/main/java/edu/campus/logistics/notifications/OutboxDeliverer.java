package edu.campus.logistics.notifications;

import edu.campus.logistics.notifications.Channel.DeliveryFailure;
import edu.campus.logistics.notifications.Outbox.Message;
import edu.campus.logistics.notifications.Outbox.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox, never inside an engine transaction: claims each due message with one
 * conditional update (so of two cluster nodes, or two runs at once, exactly one sends it), sends it
 * on its channel, and records the outcome — SENT; LOGGED when the channel is not configured (one
 * INFO line says what would have gone out); else tried again after a backoff that doubles, and
 * FAILED (a WARN line, the report /api/notifications/failed, an incident on the case in Cockpit:
 * {@link NotificationIncidents}) after the last attempt. A node that
 * stops mid-delivery leaves its claim; when the lease runs out another node sends the message (it may
 * then arrive twice: the only case where it can).
 */
@Component
public class OutboxDeliverer {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliverer.class);

  private final Outbox outbox;
  private final NotificationSettings settings;
  private final Map<String, Channel> channels;
  private final NotificationIncidents incidents;

  OutboxDeliverer(Outbox outbox, NotificationSettings settings, List<Channel> channels, NotificationIncidents incidents) {
    this.outbox = outbox;
    this.settings = settings;
    this.incidents = incidents;
    this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::id, Function.identity()));
  }

  /** Delivers what is due now (engine clock); answers how many messages this run claimed. */
  public int deliverDue() {
    NotificationSettings.Delivery delivery = settings.getDelivery();
    String owner = "deliverer-" + UUID.randomUUID();
    int claimed = 0;
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (long id : outbox.claimable(now, delivery.getBatchSize())) {
      if (outbox.claim(id, owner, now, now.plus(delivery.getLease()))) {
        claimed++;
        deliver(outbox.get(id), owner);
      }
    }
    return claimed;
  }

  private void deliver(Message message, String owner) {
    Channel channel = channels.get(message.channel());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (channel == null || !channel.configured()) {
      LOG.info("Notification {} not sent ({} is not configured), would have sent to {} via {}: {}", message.id(),
          message.channel(), message.recipient(), message.channel(), message.subject());
      outbox.done(message.id(), owner, Status.LOGGED, now);
      return;
    }
    try {
      channel.send(message);
      outbox.done(message.id(), owner, Status.SENT, ClockUtil.getCurrentTime().toInstant());
      LOG.debug("Notification {} sent to {} via {}", message.id(), message.recipient(), message.channel());
    } catch (DeliveryFailure | RuntimeException e) {
      String reason = e instanceof DeliveryFailure ? e.getMessage() : "发送出错：" + e;
      NotificationSettings.Delivery delivery = settings.getDelivery();
      if (message.attempts() >= delivery.getMaxAttempts()) {
        outbox.failed(message.id(), owner, reason, now);
        incidents.failed(message, reason);
        LOG.warn("Notification {} to {} via {} failed after {} attempts, given up: {}", message.id(),
            message.recipient(), message.channel(), message.attempts(), reason);
      } else {
        Instant next = now.plus(delivery.backoffAfter(message.attempts()));
        outbox.retry(message.id(), owner, reason, next);
        LOG.info("Notification {} to {} via {} failed (attempt {} of {}), next attempt at {}: {}", message.id(),
            message.recipient(), message.channel(), message.attempts(), delivery.getMaxAttempts(), next, reason);
      }
    }
  }
}
