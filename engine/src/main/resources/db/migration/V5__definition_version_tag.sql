-- The version tag a process file gives its process (camunda:versionTag, zeebe:versionTag): call activities bound by
-- version tag start the newest version carrying the tag. Versions deployed before this column have none.
ALTER TABLE definitions ADD COLUMN version_tag VARCHAR(255);
CREATE INDEX ix_definitions_version_tag ON definitions (process_id, version_tag);
