-- A key to a table without a primary key, which no Keystone entity can be.
CREATE TABLE regions (
  code TEXT NOT NULL UNIQUE,
  name TEXT
);
CREATE TABLE depots (
  id INTEGER PRIMARY KEY,
  region TEXT REFERENCES regions(code)
);
