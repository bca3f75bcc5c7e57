package keystone.tests.observe;

import keystone.Database;
import keystone.engine.KeystoneDatabase;
import keystone.tests.relations.Customer;
import keystone.tests.relations.Item;
import keystone.tests.relations.Post;
import keystone.tests.relations.PostTag;
import keystone.tests.relations.Product;
import keystone.tests.relations.Profile;
import keystone.tests.relations.Purchase;
import keystone.tests.relations.Tag;

/** {@link ObserveDatabase}'s tables in another order, sharing its DAO. */
@Database(
    entities = {
      Tag.class,
      Post.class,
      PostTag.class,
      Product.class,
      Customer.class,
      Profile.class,
      Purchase.class,
      Item.class
    },
    version = 1,
    exportSchema = false)
public interface ReorderedDatabase extends KeystoneDatabase {
  ObserveDao dao();

  ReorderedDao reordered();
}
