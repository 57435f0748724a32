-- The fingerprint of the content files (and the build that checked them) each start-up sync last applied, so a
-- restart with the same files and the same build skips reading them again.
CREATE TABLE content_sync (
    area VARCHAR(40) PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL
);
