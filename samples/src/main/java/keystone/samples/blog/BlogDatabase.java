package keystone.samples.blog;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

/**
 * The blog database. {@link BlogSeed} writes the file the app ships with, which
 * {@link BlogSeed#open} copies on first open.
 */
@Database(
    entities = {Author.class, Post.class, Tag.class, PostTag.class},
    views = {PostsPerTag.class})
public interface BlogDatabase extends KeystoneDatabase {
  BlogDao blog();
}
