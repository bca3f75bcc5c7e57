package keystone.tests.postgres;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Buyer.class, Sale.class})
public interface SaleDatabase extends KeystoneDatabase {
  SaleDao sales();
}
