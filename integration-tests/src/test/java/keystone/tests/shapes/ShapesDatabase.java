package keystone.tests.shapes;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(
    entities = {Author.class, Post.class},
    views = {PostsPerAuthor.class, Prolific.class})
public interface ShapesDatabase extends KeystoneDatabase {
  ShapesDao dao();

  RxShapesDao rx();
}
