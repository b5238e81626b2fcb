package edu.campus.logistics.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the deliverer on every node every {@code campus.notifications.delivery.interval} (30 s); off
 * with {@code campus.notifications.delivery.scheduled=false} (the test profile: tests call the deliverer).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "campus.notifications.delivery.scheduled", havingValue = "true", matchIfMissing = true)
class DeliverySchedule {

  private final OutboxDeliverer deliverer;

  DeliverySchedule(OutboxDeliverer deliverer) {
    this.deliverer = deliverer;
  }

  @Scheduled(fixedDelayString = "${campus.notifications.delivery.interval:PT30S}",
      initialDelayString = "${campus.notifications.delivery.interval:PT30S}")
  void deliver() {
    deliverer.deliverDue();
  }
}
