-- The attempt log's text kept in the row again, with the same 1G limit as V6's CLOB: HSQLDB stores each CLOB in
-- its LOB schema with a statement of its own that commits (and syncs the disk) once per log entry, so a sandbox
-- call's two or three entries cost two or three disk syncs beside the group's one (AwsEndpointLoad: 52 calls/s).
-- PostgreSQL's TEXT is stored in the row already and needs no change.
ALTER TABLE attempt_event ALTER COLUMN payload SET DATA TYPE VARCHAR(1073741823);
