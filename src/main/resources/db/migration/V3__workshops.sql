-- Workshops: an instructor's class session with scenarios in order, a join code, a time window and rules.
-- Attempts made inside a workshop carry its id, so the live board and the CSV export find them.
-- Portable SQL (HSQLDB, PostgreSQL).
CREATE TABLE workshop (
    id                        VARCHAR(36)  NOT NULL,
    instructor_id             BIGINT       NOT NULL,
    title                     VARCHAR(200) NOT NULL,
    join_code                 VARCHAR(12)  NOT NULL,
    starts_at                 TIMESTAMP    NOT NULL,
    ends_at                   TIMESTAMP    NOT NULL,
    hints_allowed             BOOLEAN      NOT NULL,
    solution_hidden_until_end BOOLEAN      NOT NULL,
    created_at                TIMESTAMP    NOT NULL,
    CONSTRAINT pk_workshop PRIMARY KEY (id),
    CONSTRAINT uq_workshop_join_code UNIQUE (join_code),
    CONSTRAINT fk_workshop_instructor FOREIGN KEY (instructor_id) REFERENCES member (id)
);

CREATE INDEX ix_workshop_instructor ON workshop (instructor_id);

CREATE TABLE workshop_scenario (
    workshop_id VARCHAR(36)  NOT NULL,
    position    INTEGER      NOT NULL,
    scenario_id VARCHAR(100) NOT NULL,
    CONSTRAINT pk_workshop_scenario PRIMARY KEY (workshop_id, position),
    CONSTRAINT fk_workshop_scenario_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id)
);

CREATE TABLE workshop_participant (
    workshop_id VARCHAR(36) NOT NULL,
    member_id   BIGINT      NOT NULL,
    joined_at   TIMESTAMP   NOT NULL,
    CONSTRAINT pk_workshop_participant PRIMARY KEY (workshop_id, member_id),
    CONSTRAINT fk_workshop_participant_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id),
    CONSTRAINT fk_workshop_participant_member FOREIGN KEY (member_id) REFERENCES member (id)
);

ALTER TABLE attempt ADD COLUMN workshop_id VARCHAR(36);
ALTER TABLE attempt ADD CONSTRAINT fk_attempt_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id);
CREATE INDEX ix_attempt_workshop ON attempt (workshop_id);
