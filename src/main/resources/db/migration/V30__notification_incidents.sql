-- A message that failed for good shows in Cockpit as an incident of type notificationFailed on its case
-- (notifications/NotificationIncidents, docs/operations.md "Notifications"): the incident's id, kept
-- so that sending the message again (POST /api/notifications/failed/{id}/retry) resolves it.
ALTER TABLE notification_outbox ADD COLUMN incident_id VARCHAR(64);
