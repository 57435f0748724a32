-- One row that instances lock (SELECT ... FOR UPDATE) while they sync content files and the first admin at start,
-- so instances starting together on an empty database take turns instead of colliding.
CREATE TABLE startup_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO startup_lock (id) VALUES (1);
