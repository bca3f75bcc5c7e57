package keystone.tests.queries;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {User.class, Order.class})
public interface QueryDatabase extends KeystoneDatabase {
  QueryDao dao();
}
