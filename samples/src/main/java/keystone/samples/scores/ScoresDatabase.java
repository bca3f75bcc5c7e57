package keystone.samples.scores;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

/** The D1 scores database. */
@Database(entities = {Player.class, Score.class})
public interface ScoresDatabase extends KeystoneDatabase {
  ScoresDao scores();
}
