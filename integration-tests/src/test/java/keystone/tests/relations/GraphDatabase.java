package keystone.tests.relations;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(
    entities = {
      Customer.class,
      Profile.class,
      Product.class,
      Purchase.class,
      Item.class,
      Post.class,
      Tag.class,
      PostTag.class,
      Node.class,
      Staff.class
    },
    version = 1)
public interface GraphDatabase extends KeystoneDatabase {
  GraphDao graph();
}
