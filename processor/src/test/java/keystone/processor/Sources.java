package keystone.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Inline sources shared by the tests: a small shop schema in the three entity shapes. */
final class Sources {
  private Sources() {}

  static JavaFileObject of(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** A record parent with an autoGenerate key and a unique column. */
  static final JavaFileObject USER = of("test.User",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"users\")",
      "public record User(",
      "    @PrimaryKey(autoGenerate = true) long id,",
      "    @NotNull @Column(unique = true) String email,",
      "    @Column(defaultValue = \"'active'\") Status status,",
      "    Integer age) {",
      "  public enum Status { ACTIVE, BLOCKED }",
      "}");

  /** A field class child with a cascading key. */
  static final JavaFileObject ORDER = of("test.Order",
      "package test;",
      "import static keystone.ForeignKey.Action.CASCADE;",
      "import keystone.*;",
      "@Entity(table = \"orders\", checks = \"total >= 0\")",
      "public class Order {",
      "  @PrimaryKey(autoGenerate = true) public Long id;",
      "  @ForeignKey(entity = User.class, onDelete = CASCADE) public long userId;",
      "  @Check(\"total >= 0\") public double total;",
      "  public boolean paid;",
      "  public byte[] receipt;",
      "  @Ignore public String note;",
      "  public static int counter;",
      "  public transient int cache;",
      "}");

  /** A JavaBean with a text key. */
  static final JavaFileObject CATEGORY = of("test.Category",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"categories\")",
      "public class Category {",
      "  @PrimaryKey private String slug;",
      "  private String title;",
      "  private boolean visible;",
      "  public String getSlug() { return slug; }",
      "  public void setSlug(String slug) { this.slug = slug; }",
      "  public String getTitle() { return title; }",
      "  public void setTitle(String title) { this.title = title; }",
      "  public boolean isVisible() { return visible; }",
      "  public void setVisible(boolean visible) { this.visible = visible; }",
      "}");

  static final JavaFileObject SUMMARY = of("test.OrderSummary",
      "package test;",
      "public record OrderSummary(long id, String email, Double total) {}");

  static final JavaFileObject USER_DAO = of("test.UserDao",
      "package test;",
      "import java.util.List;",
      "import java.util.Optional;",
      "import keystone.*;",
      "@Dao",
      "public interface UserDao {",
      "  @Insert long insert(User user);",
      "  @Insert(onConflict = OnConflict.IGNORE) long[] insertAll(User... users);",
      "  @Insert List<Long> insertList(List<User> users);",
      "  @Upsert long save(User user);",
      "  @Upsert void saveAll(Iterable<User> users);",
      "  @Update int update(User user);",
      "  @Delete void delete(List<User> users);",
      "  @Query(\"SELECT * FROM users WHERE id = :id\") User byId(long id);",
      "  @Query(\"SELECT * FROM users WHERE email = :email\") Optional<User> byEmail(String email);",
      "  @Query(\"SELECT * FROM users WHERE id IN (:ids) OR status = :status\")",
      "  List<User> byIds(List<Long> ids, User.Status status);",
      "  @Query(\"SELECT count(*) FROM users\") int count();",
      "  @Query(\"SELECT email FROM users ORDER BY email\") List<String> emails();",
      "  @Query(\"SELECT o.id, u.email, o.total FROM orders o JOIN users u ON u.id = o.user_id\")",
      "  List<OrderSummary> summaries();",
      "  @Query(\"DELETE FROM users WHERE age < :age OR id IN (:ids)\") int purge(int age, long[] ids);",
      "  @Transaction default long insertTwice(User a, User b) { insert(a); return insert(b); }",
      "}");

  static final JavaFileObject ORDER_DAO = of("test.OrderDao",
      "package test;",
      "import java.util.List;",
      "import keystone.*;",
      "@Dao",
      "public abstract class OrderDao {",
      "  @Insert public abstract void insert(Order order);",
      "  @Update public abstract int update(Order... orders);",
      "  @Query(\"SELECT * FROM orders WHERE user_id = :userId\")",
      "  public abstract List<Order> forUser(long userId);",
      "  @Query(\"SELECT * FROM categories\") public abstract List<Category> categories();",
      "  @Insert public abstract void insertCategory(Category c);",
      "  @Transaction public void both(Order a, Order b) { insert(a); insert(b); }",
      "}");

  static final JavaFileObject SHOP = of("test.ShopDatabase",
      "package test;",
      "import keystone.Database;",
      "import keystone.engine.KeystoneDatabase;",
      "@Database(entities = {User.class, Order.class, Category.class}, version = 3)",
      "public interface ShopDatabase extends KeystoneDatabase {",
      "  UserDao users();",
      "  OrderDao orders();",
      "}");
}
