package edu.campus.logistics.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the deliverer on every node every {@code campus.notifications.delivery.interval} (30 s), and
 * the cleanup of old delivered messages every {@code campus.notifications.cleanup-interval} (6 h);
 * off with {@code campus.notifications.delivery.scheduled=false} (the test profile: tests call them).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "campus.notifications.delivery.scheduled", havingValue = "true", matchIfMissing = true)
class DeliverySchedule {

  private final OutboxDeliverer deliverer;
  private final OutboxCleanup cleanup;

  DeliverySchedule(OutboxDeliverer deliverer, OutboxCleanup cleanup) {
    this.deliverer = deliverer;
    this.cleanup = cleanup;
  }

  @Scheduled(fixedDelayString = "${campus.notifications.delivery.interval:PT30S}",
      initialDelayString = "${campus.notifications.delivery.interval:PT30S}")
  void deliver() {
    deliverer.deliverDue();
  }

  @Scheduled(fixedDelayString = "${campus.notifications.cleanup-interval:PT6H}", initialDelayString = "PT10M")
  void cleanUp() {
    cleanup.removeOld();
  }
}
