package keystone.bench.keystone;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

/** The suite's schema; every other contender runs on this DDL too (see Schema). */
@Database(
    entities = {
      User.class,
      Order.class,
      OrderItem.class,
      LooseItem.class,
      Category.class,
      Product.class,
      Review.class
    },
    version = 1)
public interface BenchDatabase extends KeystoneDatabase {
  BenchDao dao();
}
