package keystone.samples.blog;

import java.util.List;
import java.util.Map;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

/** Writes and reads the blog. */
@Dao
public interface BlogDao {
  @Insert
  long insertAuthor(Author author);

  @Insert
  long insertPost(Post post);

  @Insert
  long insertTag(Tag tag);

  @Insert
  void tag(PostTag... links);

  @Query("DELETE FROM authors WHERE id = :id")
  int deleteAuthor(long id);

  @Query("DELETE FROM tags WHERE id = :id")
  int deleteTag(long id);

  @Query("SELECT * FROM posts ORDER BY id")
  List<Post> posts();

  @Query("SELECT * FROM post_tags ORDER BY post_id, tag_id")
  List<PostTag> links();

  @Query(
      "SELECT t.name FROM tags t JOIN post_tags pt ON pt.tag_id = t.id"
          + " WHERE pt.post_id = :postId ORDER BY t.name")
  List<String> tagsOf(long postId);

  /** Every author with posts and tags: three queries, one per level. */
  @Query("SELECT * FROM authors ORDER BY id")
  List<AuthorWithPosts> authorsWithPosts();

  /** Tags by how many posts carry them: a view. */
  @Query("SELECT * FROM posts_per_tag ORDER BY posts DESC, tag")
  List<PostsPerTag> postsPerTag();

  /**
   * Each tag with its posts, tags by name: a multimap read from one join. {@code tags.id} and
   * {@code posts.id} share a name; each entity takes the column of its own table.
   */
  @Query("SELECT * FROM tags t JOIN post_tags pt ON pt.tag_id = t.id"
      + " JOIN posts p ON p.id = pt.post_id ORDER BY t.name, p.id")
  Map<Tag, List<Post>> postsByTag();

  /** Posts with their tags, by id. */
  @Query("SELECT * FROM posts WHERE id IN (:ids) ORDER BY id")
  List<PostWithTags> postsWithTags(List<Long> ids);
}
