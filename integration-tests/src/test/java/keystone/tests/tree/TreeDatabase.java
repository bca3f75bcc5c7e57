package keystone.tests.tree;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = Node.class)
public interface TreeDatabase extends KeystoneDatabase {
  TreeDao tree();
}
