-- Version 2: every guest signs once. The rows go in before their table's key could be checked
-- statement by statement, so keys are deferred to the migration's end, where Keystone checks
-- them all before it commits.
PRAGMA defer_foreign_keys = on;
CREATE TABLE signatures (
  id INTEGER NOT NULL PRIMARY KEY,
  guest_id INTEGER NOT NULL,
  line TEXT NOT NULL,
  CONSTRAINT fk_signatures_guest_id FOREIGN KEY (guest_id) REFERENCES guests (id) ON DELETE CASCADE ON UPDATE NO ACTION
);
CREATE INDEX idx_signatures_guest_id ON signatures (guest_id);
INSERT INTO signatures (id, guest_id, line) SELECT id, id, 'Signed, ' || name FROM guests;
