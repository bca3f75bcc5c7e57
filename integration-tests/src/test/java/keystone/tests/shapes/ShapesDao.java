package keystone.tests.shapes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import keystone.Dao;
import keystone.Insert;
import keystone.NotNull;
import keystone.Query;
import keystone.RawQuery;
import keystone.engine.Page;
import keystone.engine.SqlQuery;

@Dao
public interface ShapesDao {
  @Insert
  void insert(Author... authors);

  @Insert
  void insert(Post... posts);

  @Query("SELECT * FROM posts_per_author ORDER BY author_id")
  List<PostsPerAuthor> postsPerAuthor();

  @Query("SELECT * FROM posts_per_author ORDER BY author_id")
  Flow.Publisher<List<PostsPerAuthor>> watchPostsPerAuthor();

  @Query("SELECT * FROM prolific ORDER BY author")
  List<Prolific> prolific();

  @Query("SELECT * FROM authors a LEFT JOIN posts p ON p.author_id = a.id ORDER BY a.id, p.id")
  Map<Author, List<Post>> postsByAuthor();

  @Query("SELECT * FROM authors a JOIN posts p ON p.author_id = a.id ORDER BY a.name DESC")
  Flow.Publisher<Map<Author, List<Post>>> watchPostsByAuthor();

  @Query("SELECT p.*, a.* FROM posts p JOIN authors a ON a.id = p.author_id ORDER BY p.id")
  Map<Post, Author> authorOfEachPost();

  @Query("SELECT * FROM authors a JOIN posts p ON p.author_id = a.id ORDER BY a.id")
  Map<Author, Post> onePostPerAuthor();

  @Query("SELECT * FROM authors a LEFT JOIN posts p ON p.author_id = a.id AND p.likes > 6"
      + " ORDER BY a.id")
  Map<Author, Post> mostLikedPost();

  @Query("SELECT a.name AS author, p.title AS title FROM authors a"
      + " JOIN posts p ON p.author_id = a.id WHERE p.likes >= :min ORDER BY a.name, p.title")
  Map<Name, List<Title>> titlesByName(long min);

  /** A multimap key of one column: a record around it. */
  record Name(String author) {}

  record Title(String title) {}

  @RawQuery
  List<Post> posts(SqlQuery query);

  @RawQuery
  Optional<Post> post(SqlQuery query);

  @RawQuery
  long count(SqlQuery query);

  @RawQuery
  int run(SqlQuery query);

  @RawQuery
  List<Headline> headlines(SqlQuery query);

  @RawQuery(observedEntities = Post.class)
  Flow.Publisher<List<Post>> watchPosts(SqlQuery query);

  @RawQuery(observedEntities = PostsPerAuthor.class)
  Flow.Publisher<List<PostsPerAuthor>> watchView(SqlQuery query);

  /** A result type for raw queries: the author may be absent from the result. */
  record Headline(long id, @NotNull String title, String author) {}

  /** Where a page of posts by likes ends: the next one starts after it. */
  record LikesKey(long likes, long id) {}

  @Query("SELECT * FROM posts ORDER BY likes, id LIMIT :size")
  Page<Post, LikesKey> firstByLikes(int size);

  @Query("SELECT * FROM posts WHERE (likes, id) > (:likes, :id) ORDER BY likes, id LIMIT :size")
  Page<Post, LikesKey> byLikesAfter(long likes, long id, int size);

  @Query("DELETE FROM authors WHERE id = :id")
  int deleteAuthor(long id);
}
