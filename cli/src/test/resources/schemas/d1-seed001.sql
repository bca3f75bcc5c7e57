-- D1's example from seed 001: Cloudflare Docs, "Define foreign keys" (D1 SQL reference):
-- a users table and an orders table that maps an order back to a user_id, and the scores
-- table of its "Foreign key actions" section (ON DELETE CASCADE).
CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  email_address TEXT,
  name TEXT,
  metadata TEXT
);
CREATE TABLE orders (
  order_id INTEGER PRIMARY KEY,
  status INTEGER,
  item_desc TEXT,
  shipped_date INTEGER,
  user_who_ordered INTEGER,
  FOREIGN KEY(user_who_ordered) REFERENCES users(user_id)
);
CREATE TABLE scores (
  score_id INTEGER PRIMARY KEY,
  email_address TEXT,
  game TEXT,
  score INTEGER,
  player_id INTEGER,
  FOREIGN KEY(player_id) REFERENCES users(user_id) ON DELETE CASCADE
);
