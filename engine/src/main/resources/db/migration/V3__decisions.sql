-- DMN decisions deployed with the processes: one row per decision and version, holding the whole DMN file
-- (a decision may require others from the same file).

CREATE TABLE decisions (
    id             VARCHAR(300)  NOT NULL PRIMARY KEY,
    deployment_id  VARCHAR(64)   NOT NULL,
    decision_key   VARCHAR(255)  NOT NULL,
    version        INT           NOT NULL,
    name           VARCHAR(1000),
    source_name    VARCHAR(1000),
    checksum       VARCHAR(64)   NOT NULL,
    xml            TEXT          NOT NULL,
    created_at     BIGINT        NOT NULL,
    CONSTRAINT fk_decisions_deployment FOREIGN KEY (deployment_id) REFERENCES deployments (id),
    CONSTRAINT uq_decisions_version UNIQUE (decision_key, version)
);
CREATE INDEX ix_decisions_deployment ON decisions (deployment_id, decision_key);
