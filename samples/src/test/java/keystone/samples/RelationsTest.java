package keystone.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import keystone.engine.DeletePlan;
import keystone.samples.blog.Author;
import keystone.samples.blog.AuthorWithPosts;
import keystone.samples.blog.BlogDao;
import keystone.samples.blog.BlogDatabase;
import keystone.samples.blog.Post;
import keystone.samples.blog.PostTag;
import keystone.samples.blog.PostWithTags;
import keystone.samples.blog.Tag;
import keystone.samples.shopflow.ShopDatabase;
import keystone.samples.shopflow.UserWithOrders;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The samples' graphs load in a fixed number of queries, and previews match the deletes. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class RelationsTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private final List<String> traced = new CopyOnWriteArrayList<>();

  private long selects() {
    long n = traced.stream().filter(s -> s.stripLeading().startsWith("SELECT")).count();
    traced.clear();
    return n;
  }

  @Test
  void shopFlowGraphLoadsInFiveQueries() {
    try (ShopDatabase db = engine.builder(ShopDatabase.class, dir).traceSql(traced::add).build()) {
      new ShopFlowDemo(db, new PrintStream(OutputStream.nullOutputStream())).seed();
      traced.clear();
      List<UserWithOrders> users = db.users().usersWithOrders();
      // users, user_profiles, orders, order_items, products
      assertEquals(5, selects());
      UserWithOrders ada = users.get(0);
      assertEquals("First programmer", ada.profile().bio);
      assertEquals(List.of("Keyboard", "USB-C cable"), ada.orders().get(0).items().stream()
          .map(i -> i.product().getName()).toList());
      assertNull(users.get(1).profile(), "Grace has no profile");
      assertEquals("Laptop sleeve",
          users.get(1).orders().get(0).items().get(0).product().getName());
      UserWithOrders one = db.users().userWithOrders(ada.user().id()).orElseThrow();
      assertEquals(ada.user(), one.user());
      assertEquals(
          ada.orders().stream().flatMap(o -> o.items().stream()).map(i -> i.item()).toList(),
          one.orders().stream().flatMap(o -> o.items().stream()).map(i -> i.item()).toList());
    }
  }

  @Test
  void blogGraphLoadsInThreeQueriesAndThePreviewMatchesTheDelete() {
    try (BlogDatabase db = engine.builder(BlogDatabase.class, dir).traceSql(traced::add).build()) {
      BlogDao blog = db.blog();
      long ada = blog.insertAuthor(new Author(0, "Ada"));
      long bob = blog.insertAuthor(new Author(0, "Bob"));
      long p1 = blog.insertPost(new Post(0, ada, "Engines", null));
      long p2 = blog.insertPost(new Post(0, ada, "Notes", null));
      blog.insertPost(new Post(0, bob, "Hello", null));
      long java = blog.insertTag(new Tag(0, "java"));
      long sql = blog.insertTag(new Tag(0, "sql"));
      blog.tag(new PostTag(p1, java), new PostTag(p1, sql), new PostTag(p2, sql));
      traced.clear();

      List<AuthorWithPosts> authors = blog.authorsWithPosts();
      // authors, posts, tags joined with post_tags
      assertEquals(3, selects());
      List<PostWithTags> posts = authors.get(0).posts();
      assertEquals(List.of("java", "sql"), posts.get(0).tags().stream().map(Tag::name).toList());
      assertEquals(List.of("sql"), posts.get(1).tags().stream().map(Tag::name).toList());
      assertEquals(List.of(), authors.get(1).posts().get(0).tags());

      DeletePlan plan = db.previewDelete("DELETE FROM authors WHERE id = ?", ada);
      Map<String, Long> before = counts(db);
      assertEquals(before, counts(db));
      blog.deleteAuthor(ada);
      Map<String, Long> after = counts(db);
      Map<String, Integer> lost = new HashMap<>();
      before.forEach((t, n) -> {
        if (n - after.get(t) != 0) {
          lost.put(t, (int) (n - after.get(t)));
        }
      });
      Map<String, Integer> planned = new HashMap<>(plan.deleted());
      planned.values().removeIf(v -> v == 0);
      assertEquals(Map.of("authors", 1, "posts", 2, "post_tags", 3), planned);
      assertEquals(planned, lost);
    }
  }

  private static Map<String, Long> counts(BlogDatabase db) {
    Map<String, Long> out = new HashMap<>();
    for (String t : List.of("authors", "posts", "tags", "post_tags")) {
      out.put(t, (Long) db.query("SELECT COUNT(*) FROM " + t).get(0)[0]);
    }
    return out;
  }
}
