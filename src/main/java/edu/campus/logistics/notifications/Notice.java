package edu.campus.logistics.notifications;

/**
 * One event for one recipient, ready for the outbox. {@code subjectId} is what the event is about —
 * the task, or the case when there is no task — and makes, with the event, recipient and channel,
 * the idempotency key.
 */
record Notice(NotificationEvent event, String subjectId, String subject, String body, String link,
              String processInstanceId, String taskId) {
}
