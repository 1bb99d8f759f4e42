-- Issue 20: the sign-in throttle's counts live in the database, shared by every node (an attacker alternating
-- nodes gets no extra tries). Times are epoch milliseconds. Portable SQL: runs on HSQLDB and PostgreSQL.
CREATE TABLE sign_in_failure (
    name_key  VARCHAR(40)  NOT NULL,
    address   VARCHAR(100) NOT NULL,
    failed_at BIGINT       NOT NULL
);
CREATE INDEX ix_sign_in_failure_address ON sign_in_failure (address, failed_at);
CREATE INDEX ix_sign_in_failure_name ON sign_in_failure (name_key, failed_at);
CREATE INDEX ix_sign_in_failure_at ON sign_in_failure (failed_at);

CREATE TABLE sign_in_streak (
    name_key     VARCHAR(40)  NOT NULL,
    address      VARCHAR(100) NOT NULL,
    failures     INTEGER      NOT NULL,
    last_failure BIGINT       NOT NULL,
    CONSTRAINT pk_sign_in_streak PRIMARY KEY (name_key, address)
);

CREATE TABLE sign_in_known_address (
    name_key     VARCHAR(40)  NOT NULL,
    address      VARCHAR(100) NOT NULL,
    signed_in_at BIGINT       NOT NULL,
    CONSTRAINT pk_sign_in_known_address PRIMARY KEY (name_key, address)
);
