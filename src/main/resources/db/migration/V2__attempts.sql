-- Attempts: one learner's run of one scenario. The sandbox itself lives in memory; what rebuilds it after a
-- restart is the seed plus the event log below (successful mutations, CloudTrail records, hints, steps,
-- clock moves), appended in the same moment the learner sees the result. Portable SQL (HSQLDB, PostgreSQL).
CREATE TABLE attempt (
    id                   VARCHAR(36)  NOT NULL,
    member_id            BIGINT       NOT NULL,
    scenario_id          VARCHAR(100) NOT NULL,
    scenario_version     INTEGER      NOT NULL,
    seed                 BIGINT       NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    started_at           TIMESTAMP    NOT NULL,
    updated_at           TIMESTAMP    NOT NULL,
    last_score           INTEGER,
    best_score           INTEGER,
    max_score            INTEGER,
    hints_used           INTEGER      NOT NULL,
    CONSTRAINT pk_attempt PRIMARY KEY (id),
    CONSTRAINT fk_attempt_member FOREIGN KEY (member_id) REFERENCES member (id)
);

CREATE INDEX ix_attempt_member ON attempt (member_id, scenario_id);

CREATE TABLE attempt_event (
    attempt_id   VARCHAR(36)     NOT NULL,
    seq          INTEGER         NOT NULL,
    kind         VARCHAR(16)     NOT NULL,
    occurred_at  TIMESTAMP       NOT NULL,
    payload      VARCHAR(200000) NOT NULL,
    CONSTRAINT pk_attempt_event PRIMARY KEY (attempt_id, seq),
    CONSTRAINT fk_attempt_event_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
);
