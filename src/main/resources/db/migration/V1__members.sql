-- Members: the app's own accounts (not IAM users). Portable SQL: runs on HSQLDB and PostgreSQL.
CREATE TABLE member (
    id                BIGINT       NOT NULL,
    username          VARCHAR(32)  NOT NULL,
    password_hash     VARCHAR(255) NOT NULL,
    enabled           BOOLEAN      NOT NULL,
    failed_sign_ins   INTEGER      NOT NULL,
    locked_until      TIMESTAMP,
    created_at        TIMESTAMP    NOT NULL,
    CONSTRAINT pk_member PRIMARY KEY (id),
    CONSTRAINT uq_member_username UNIQUE (username)
);

CREATE TABLE member_role (
    member_id BIGINT      NOT NULL,
    role      VARCHAR(16) NOT NULL,
    CONSTRAINT pk_member_role PRIMARY KEY (member_id, role),
    CONSTRAINT fk_member_role_member FOREIGN KEY (member_id) REFERENCES member (id)
);

CREATE SEQUENCE member_seq START WITH 1 INCREMENT BY 50;
