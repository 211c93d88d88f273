-- Baton engine schema. Portable DDL: the same script migrates H2 2.x and PostgreSQL 15.
-- Times are epoch milliseconds (BIGINT); an instance's runtime state is one compact JSON document.

CREATE TABLE deployments (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE definitions (
    id             VARCHAR(300)  NOT NULL PRIMARY KEY,
    deployment_id  VARCHAR(64)   NOT NULL,
    process_id     VARCHAR(255)  NOT NULL,
    version        INT           NOT NULL,
    name           VARCHAR(1000),
    source_name    VARCHAR(1000),
    checksum       VARCHAR(64)   NOT NULL,
    xml            TEXT          NOT NULL,
    created_at     BIGINT        NOT NULL,
    CONSTRAINT fk_definitions_deployment FOREIGN KEY (deployment_id) REFERENCES deployments (id),
    CONSTRAINT uq_definitions_version UNIQUE (process_id, version)
);
CREATE INDEX ix_definitions_checksum ON definitions (process_id, checksum);

CREATE TABLE instances (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    definition_id    VARCHAR(300)  NOT NULL,
    process_id       VARCHAR(255)  NOT NULL,
    business_key     VARCHAR(255),
    idempotency_key  VARCHAR(255),
    state            VARCHAR(16)   NOT NULL,
    started_at       BIGINT        NOT NULL,
    ended_at         BIGINT,
    version          BIGINT        NOT NULL,
    next_seq         BIGINT        NOT NULL,
    runtime          TEXT          NOT NULL,
    CONSTRAINT uq_instances_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ix_instances_definition ON instances (definition_id, state);
CREATE INDEX ix_instances_process ON instances (process_id, state);
CREATE INDEX ix_instances_business_key ON instances (business_key);
CREATE INDEX ix_instances_started ON instances (started_at);

-- history ids are taken from the sequence before the insert, so committed events can be published with them
CREATE SEQUENCE history_event_ids START WITH 1 INCREMENT BY 1;

CREATE TABLE history_events (
    id             BIGINT        NOT NULL PRIMARY KEY,
    instance_id    VARCHAR(64)   NOT NULL,
    definition_id  VARCHAR(300)  NOT NULL,
    seq            BIGINT        NOT NULL,
    occurred_at    BIGINT        NOT NULL,
    type           VARCHAR(40)   NOT NULL,
    element_id     VARCHAR(255),
    token_id       VARCHAR(64),
    duration_ms    BIGINT,
    payload        TEXT,
    CONSTRAINT uq_history_seq UNIQUE (instance_id, seq)
);
CREATE INDEX ix_history_definition ON history_events (definition_id, id);

CREATE TABLE jobs (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL,
    instance_id      VARCHAR(64),
    definition_id    VARCHAR(300)  NOT NULL,
    element_id       VARCHAR(255)  NOT NULL,
    token_id         VARCHAR(64),
    due_at           BIGINT        NOT NULL,
    suspended        BOOLEAN       NOT NULL,
    lease_owner      VARCHAR(100),
    lease_until      BIGINT,
    attempts         INT           NOT NULL,
    max_attempts     INT           NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    payload          TEXT,
    last_error       TEXT,
    created_at       BIGINT        NOT NULL
);
CREATE INDEX ix_jobs_due ON jobs (suspended, due_at);
CREATE INDEX ix_jobs_instance ON jobs (instance_id, token_id);

CREATE TABLE incidents (
    id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    instance_id    VARCHAR(64)   NOT NULL,
    definition_id  VARCHAR(300)  NOT NULL,
    token_id       VARCHAR(64),
    element_id     VARCHAR(255),
    kind           VARCHAR(40)   NOT NULL,
    message        TEXT          NOT NULL,
    created_at     BIGINT        NOT NULL,
    resolved_at    BIGINT
);
CREATE INDEX ix_incidents_instance ON incidents (instance_id);
CREATE INDEX ix_incidents_definition ON incidents (definition_id, resolved_at);

CREATE TABLE user_tasks (
    id                VARCHAR(64)   NOT NULL PRIMARY KEY,
    instance_id       VARCHAR(64)   NOT NULL,
    definition_id     VARCHAR(300)  NOT NULL,
    process_id        VARCHAR(255)  NOT NULL,
    token_id          VARCHAR(64)   NOT NULL,
    element_id        VARCHAR(255)  NOT NULL,
    name              VARCHAR(1000),
    assignee          VARCHAR(255),
    candidate_users   VARCHAR(2000),
    candidate_groups  VARCHAR(2000),
    created_at        BIGINT        NOT NULL
);
CREATE INDEX ix_user_tasks_instance ON user_tasks (instance_id, token_id);
CREATE INDEX ix_user_tasks_assignee ON user_tasks (assignee);

CREATE TABLE message_subscriptions (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    message_name     VARCHAR(255)  NOT NULL,
    correlation_key  VARCHAR(255),
    instance_id      VARCHAR(64),
    definition_id    VARCHAR(300)  NOT NULL,
    token_id         VARCHAR(64),
    element_id       VARCHAR(255)  NOT NULL,
    created_at       BIGINT        NOT NULL
);
CREATE INDEX ix_message_subscriptions_name ON message_subscriptions (message_name, correlation_key);
CREATE INDEX ix_message_subscriptions_instance ON message_subscriptions (instance_id, token_id);
