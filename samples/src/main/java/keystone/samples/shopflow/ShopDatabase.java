package keystone.samples.shopflow;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

/**
 * The ShopFlow database. Open it with {@code Keystone.open(ShopDatabase.class, path)}; the
 * processor generates {@code ShopDatabase_Impl} with the schema and DAO code.
 */
@Database(
    entities = {
      User.class,
      Category.class,
      Product.class,
      Order.class,
      OrderItem.class,
      UserProfile.class
    },
    version = 1)
public interface ShopDatabase extends KeystoneDatabase {
  UserDao users();

  CatalogDao catalog();

  OrderDao orders();
}
