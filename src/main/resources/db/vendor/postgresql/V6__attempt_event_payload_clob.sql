-- An attempt-log entry is stored whole, however large (an S3 object body, a long policy): a VARCHAR(200000)
-- limit made the write fail while the in-memory sandbox kept the change, so a restart lost it (issue 19.3).
-- PostgreSQL's TEXT has no length limit (HSQLDB's version of this migration uses CLOB).
ALTER TABLE attempt_event ALTER COLUMN payload SET DATA TYPE TEXT;
