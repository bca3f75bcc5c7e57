-- identityHash: 9729f35d8b3a93bd3052dca5ec74848e0f59cb91930fbf365b65f203c12df246
-- keystone.samples.scores.ScoresDatabase, version 1, as Keystone runs it

CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  email_address TEXT,
  name TEXT,
  metadata TEXT
);

CREATE TABLE scores (
  score_id INTEGER PRIMARY KEY,
  game TEXT,
  score INTEGER,
  player_id INTEGER,
  CONSTRAINT fk_scores_player_id FOREIGN KEY (player_id) REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE INDEX idx_scores_player_id ON scores (player_id);
