package keystone.tests.values;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Moment.class}, exportSchema = false)
public interface MomentDatabase extends KeystoneDatabase {
  MomentDao moments();
}
