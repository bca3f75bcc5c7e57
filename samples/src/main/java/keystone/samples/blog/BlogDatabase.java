package keystone.samples.blog;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

/** The blog database. */
@Database(entities = {Author.class, Post.class, Tag.class, PostTag.class})
public interface BlogDatabase extends KeystoneDatabase {
  BlogDao blog();
}
