-- Which attempt's sandbox issued an access key id (AKIA… of a user or root, ASIA… of a session), written when the
-- key or session is made, so the AWS endpoint finds the sandbox of a signed request after a restart without
-- rebuilding every attempt. Ids are random across the installation. Portable SQL (HSQLDB, PostgreSQL).
CREATE TABLE attempt_access_key (
    access_key_id  VARCHAR(128) NOT NULL,
    attempt_id     VARCHAR(36)  NOT NULL,
    CONSTRAINT pk_attempt_access_key PRIMARY KEY (access_key_id, attempt_id),
    CONSTRAINT fk_attempt_access_key_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
);
