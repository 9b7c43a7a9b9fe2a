-- One plain table for the single-insert baseline: no secondary index, so one insert is one row written.
CREATE TABLE hits (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  at INTEGER NOT NULL
);
