package keystone.tests.constraints;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Team.class, Member.class, Gadget.class})
public interface ConstraintsDatabase extends KeystoneDatabase {
  ConstraintsDao dao();
}
