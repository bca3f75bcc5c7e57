package keystone.tests.composite;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Warehouse.class, Bin.class, Shelf.class})
public interface CompositeDatabase extends KeystoneDatabase {
  CompositeDao dao();
}
