-- Who filed a feedback (process feedback), kept outside the engine's variables so that an anonymous
-- reporter is visible only to the logistics head and the principal (/api/feedback/{id}/reporter).
CREATE TABLE feedback_reporter (
  process_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
  reporter_id         VARCHAR(255) NOT NULL,
  anonymous           BOOLEAN      NOT NULL,
  filed_at            TIMESTAMP    NOT NULL
);
