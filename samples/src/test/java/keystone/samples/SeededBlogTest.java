package keystone.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keystone.samples.blog.BlogDatabase;
import keystone.samples.blog.BlogSeed;
import keystone.samples.blog.Post;
import keystone.samples.blog.PostsPerTag;
import keystone.samples.blog.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blog as an app runs it: started from the seed database the jar ships (SQLite only, by
 * nature), read through its "posts per tag" view and a multimap.
 */
class SeededBlogTest {
  @TempDir Path dir;

  @Test
  void theShippedSeedIsCopiedOnceAndReadThroughTheViewAndTheMultimap() {
    Path file = dir.resolve("blog.db");
    try (BlogDatabase db = BlogSeed.open(file)) {
      assertEquals(List.of(new PostsPerTag(1, "history", 3), new PostsPerTag(2, "languages", 1),
          new PostsPerTag(3, "mathematics", 1), new PostsPerTag(4, "drafts", 0)),
          sortedLikeTheQuery(db.blog().postsPerTag()));
      Map<Tag, List<Post>> byTag = db.blog().postsByTag();
      assertEquals(List.of("history", "languages", "mathematics"),
          byTag.keySet().stream().map(Tag::name).toList());
      assertEquals(List.of("Notes on the Analytical Engine", "Computing Bernoulli numbers",
          "Why COBOL"), byTag.get(new Tag(1, "history")).stream().map(Post::title).toList());
      db.blog().deleteTag(1);
    }
    assertTrue(Files.exists(file));
    try (BlogDatabase db = BlogSeed.open(file)) {
      assertEquals(3, db.blog().postsPerTag().size(), "the app's own change is kept");
    }
  }

  /** The query orders by posts, then tag name. */
  private static List<PostsPerTag> sortedLikeTheQuery(List<PostsPerTag> rows) {
    List<PostsPerTag> expected = new ArrayList<>(rows);
    expected.sort((a, b) -> a.posts() != b.posts() ? Long.compare(b.posts(), a.posts())
        : a.tag().compareTo(b.tag()));
    assertEquals(expected, rows);
    return expected.stream().sorted((a, b) -> Long.compare(a.tagId(), b.tagId())).toList();
  }
}
