package keystone.tests.returning;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Tag.class, Rate.class}, version = 1)
public interface ReturningDatabase extends KeystoneDatabase {
  ReturningDao dao();
}
