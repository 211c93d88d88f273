-- The stream position of history events. Every transaction that writes history events bumps this one row as its
-- last statement and numbers its events from it; the row lock, held until commit, makes positions follow commit
-- order across all engines on the database, so a client resuming with after=P misses nothing.
CREATE TABLE event_positions (
    id             INT     NOT NULL PRIMARY KEY,
    last_position  BIGINT  NOT NULL
);
INSERT INTO event_positions (id, last_position) SELECT 1, COALESCE(MAX(id), 0) FROM history_events;

-- history ids are now the positions above
DROP SEQUENCE history_event_ids;
