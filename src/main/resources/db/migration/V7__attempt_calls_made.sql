-- The sandbox calls of an attempt, counted as they are made, so a workshop board shows each action of a
-- participant at once (not only when it is graded). Existing attempts are counted from their logs.
ALTER TABLE attempt ADD COLUMN calls_made INTEGER DEFAULT 0 NOT NULL;
UPDATE attempt SET calls_made = (SELECT COUNT(*) FROM attempt_event e WHERE e.attempt_id = attempt.id AND e.kind = 'CALL');
