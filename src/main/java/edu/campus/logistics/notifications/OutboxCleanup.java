package edu.campus.logistics.notifications;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox small: messages delivered (SENT) or logged (LOGGED) longer ago than
 * {@code campus.notifications.retention} (P90D) are deleted; FAILED messages stay until they are
 * sent again, waiting ones until they are delivered. One DELETE, so every node may run it
 * ({@link DeliverySchedule}, every 6 h): a row is deleted once, by whichever node comes first.
 */
@Component
public class OutboxCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxCleanup.class);

  private final Outbox outbox;
  private final NotificationSettings settings;

  OutboxCleanup(Outbox outbox, NotificationSettings settings) {
    this.outbox = outbox;
    this.settings = settings;
  }

  /** Deletes what is older than the retention (engine clock); answers how many messages. */
  public int removeOld() {
    Instant before = ClockUtil.getCurrentTime().toInstant().minus(settings.getRetention());
    int removed = outbox.deleteDeliveredBefore(before);
    if (removed > 0) {
      LOG.info("Notification outbox: {} messages sent or logged before {} removed (retention {})", removed, before,
          settings.getRetention());
    }
    return removed;
  }
}
