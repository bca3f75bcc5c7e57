package keystone.bench.values;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = Event.class, exportSchema = false)
public interface ValueDatabase extends KeystoneDatabase {
  EventDao events();
}
