-- Planted on top of large.sql + large-data.sql for `doctor` on both engines (the engine's own
-- plantings follow in large-problems.sql and large-problems-postgres.sql):
-- a key without an index (audit_log.user_id), with rows each users delete would scan;
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  what TEXT NOT NULL
);
INSERT INTO audit_log VALUES (1, 1, 'login'), (2, 1, 'logout'), (3, 2, 'login');
-- a RESTRICT key under a CASCADE: deleting a user cascades to addresses, which invoices
-- RESTRICT.
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  address_id INTEGER NOT NULL REFERENCES addresses(id) ON DELETE RESTRICT
);
CREATE INDEX idx_invoices_address_id ON invoices(address_id);
INSERT INTO invoices VALUES (1, 1);
