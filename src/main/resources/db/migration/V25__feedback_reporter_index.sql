-- 我的申请 finds a reporter's feedback here (the engine's history does not record who started a feedback).
CREATE INDEX feedback_reporter_by_reporter ON feedback_reporter (reporter_id);
