-- D1 style: defer every key, write in any order, switch deferral off at the end.
PRAGMA defer_foreign_keys = on;
CREATE TABLE badges (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  CONSTRAINT fk_badges_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
);
CREATE INDEX idx_badges_user_id ON badges (user_id);
INSERT INTO badges (id, user_id) SELECT id, id FROM users;
PRAGMA defer_foreign_keys = off;
