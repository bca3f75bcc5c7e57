package keystone.tests.queries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@code @Query} and {@code @Insert} methods return. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class QueryShapesTest {
  private static final User ADA = new User(1, "Ada", "ada@example.com");
  private static final User GRACE = new User(2, "Grace", null);
  private static final User LINUS = new User(3, "Linus", "linus@example.com");

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private QueryDatabase db;
  private QueryDao dao;

  @BeforeEach
  void open() {
    db = engine.open(QueryDatabase.class, dir);
    dao = db.dao();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void seed() {
    List<User> users =
        List.of(
            new User(0, "Ada", "ada@example.com"),
            new User(0, "Grace", null),
            new User(0, "Linus", "linus@example.com"));
    assertEquals(List.of(1L, 2L, 3L), dao.insertUsers(users));
    assertEquals(1L, dao.insertOrder(new Order(null, 1, "paid", 1000)));
    assertEquals(2L, dao.insertOrder(new Order(null, 1, "paid", 2500)));
    assertEquals(3L, dao.insertOrder(new Order(null, 3, "pending", 300)));
  }

  @Test
  void insertReturnsGeneratedIds() {
    assertEquals(1L, dao.insertUser(new User(0, "Ada", "ada@example.com")));
    assertArrayEquals(
        new long[] {2L, 3L},
        dao.insertUsersArray(new User(0, "Grace", null), new User(0, "Linus", "l@example.com")));
    // A key that is not 0 is kept as given.
    assertEquals(10L, dao.insertUser(new User(10, "Ten", null)));
    assertEquals(11L, dao.insertUser(new User(0, "Eleven", null)));
    // A smaller explicit key leaves the next generated one where it was.
    assertEquals(5L, dao.insertUser(new User(5, "Five", null)));
    assertEquals(12L, dao.insertUser(new User(0, "Twelve", null)));
    // Explicit keys in a batch, and written into raw SQL, count the same.
    assertEquals(List.of(30L, 31L),
        dao.insertUsers(List.of(new User(31, "B", null), new User(30, "A", null))).stream()
            .sorted().toList());
    assertEquals(32L, dao.insertUser(new User(0, "Next", null)));
    db.execute("INSERT INTO users (id, name, email) VALUES (40, 'Forty', NULL)");
    assertEquals(41L, dao.insertUser(new User(0, "Next", null)));
    assertEquals(42L, dao.insertOrder(new Order(42L, 10, "paid", 1)));
    assertEquals(43L, dao.insertOrder(new Order(null, 10, "paid", 1)));
  }

  @Test
  void singleEntityOrNull() {
    seed();
    assertEquals(ADA, dao.user(1));
    assertEquals(GRACE, dao.user(2));
    assertNull(dao.user(99));
  }

  @Test
  void optionalEmptyOrPresent() {
    seed();
    assertEquals(Optional.of(LINUS), dao.findUser(3));
    assertEquals(Optional.empty(), dao.findUser(99));
    assertEquals(Optional.of("ada@example.com"), dao.email(1));
    // A row whose value is NULL and no row at all both read as empty.
    assertEquals(Optional.empty(), dao.email(2));
    assertEquals(Optional.empty(), dao.email(99));
  }

  @Test
  void scalars() {
    assertEquals(0, dao.countUsers());
    assertNull(dao.averageTotal());
    seed();
    assertEquals(3, dao.countUsers());
    assertEquals("Grace", dao.userName(2));
    assertNull(dao.userName(99));
    assertEquals(List.of("Ada", "Grace", "Linus"), dao.names());
    assertEquals(Double.valueOf(3800.0 / 3), dao.averageTotal());
  }

  @Test
  void projectionRecords() {
    seed();
    assertEquals(
        List.of(
            new UserTotal("Ada", 2, 3500),
            new UserTotal("Grace", 0, 0),
            new UserTotal("Linus", 1, 300)),
        dao.totals());
    assertEquals(Optional.of(new UserTotal("Linus", 1, 300)), dao.totalOf(3));
    assertEquals(Optional.empty(), dao.totalOf(99));
  }

  @Test
  void inWithNoneOneAndManyIds() {
    seed();
    assertEquals(List.of(), dao.usersByIds(List.of()));
    assertEquals(List.of(GRACE), dao.usersByIds(List.of(2L)));
    assertEquals(List.of(ADA, LINUS), dao.usersByIds(List.of(3L, 1L, 3L)));
    assertEquals(1, dao.countByIdsExcept(List.of(1L, 2L), "Ada"));
    assertEquals(0, dao.countByIdsExcept(List.of(), "Ada"));
  }

  @Test
  void inWithMoreIdsThanSqlitesOldParameterLimit() {
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      users.add(new User(0, "u" + i, null));
    }
    dao.insertUsers(users);
    // 1500 ids, the odd ones from 1 to 2999: 1000 of them exist.
    List<Long> ids = LongStream.range(0, 1500).map(i -> 2 * i + 1).boxed().toList();
    List<User> found = dao.usersByIds(ids);
    assertEquals(1000, found.size());
    assertEquals(1L, found.get(0).id());
    assertEquals(1999L, found.get(found.size() - 1).id());
    assertEquals(999, dao.countByIdsExcept(ids, "u0"));
  }

  @Test
  void dmlQueriesReturnRowsChanged() {
    seed();
    assertEquals(2, dao.setStatus("shipped", List.of(1L, 3L, 99L)));
    assertEquals(
        List.of("shipped", "paid", "shipped"),
        dao.orders().stream().map(Order::status).toList());
    assertEquals(2, dao.deleteOrdersOf(1));
    assertEquals(0, dao.deleteOrdersOf(1));
    assertEquals(1, dao.deleteUser(ADA));
    assertEquals(0, dao.deleteUser(ADA));
  }
}
