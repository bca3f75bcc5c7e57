package keystone.tests.upsert;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Owner.class, Account.class, Follow.class}, version = 1)
public interface UpsertDatabase extends KeystoneDatabase {
  UpsertDao dao();
}
