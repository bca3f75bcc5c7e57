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

@Database(
    entities = {
      Customer.class,
      Profile.class,
      Product.class,
      Purchase.class,
      Item.class,
      Post.class,
      Tag.class,
      PostTag.class
    },
    version = 1)
public interface ObserveDatabase extends KeystoneDatabase {
  ObserveDao dao();
}
