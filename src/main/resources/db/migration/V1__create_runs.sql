-- One row per compile, inference, benchmark or imported run. The full result document (seed JSON) is
-- kept as written so that export gives back exactly what the run produced.
CREATE TABLE run (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(32)  NOT NULL,
    test_name        VARCHAR(300) NOT NULL,
    model            VARCHAR(200),
    hardware         VARCHAR(300),
    configuration    CLOB,
    status           VARCHAR(16)  NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    software_version VARCHAR(64),
    source_commit    VARCHAR(64),
    host             VARCHAR(300),
    owner_pid        BIGINT,
    document         CLOB
);
CREATE INDEX run_started ON run (started_at);
