package keystone.tests.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.NotNullViolationException;
import keystone.engine.UniqueViolationException;
import keystone.samples.shopflow.Category;
import keystone.samples.shopflow.Order;
import keystone.samples.shopflow.OrderItem;
import keystone.samples.shopflow.Product;
import keystone.samples.shopflow.ShopDatabase;
import keystone.samples.shopflow.User;
import keystone.samples.shopflow.UserProfile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of writes over the ShopFlow schema, applied to SQLite and to PostgreSQL: both
 * must refuse the same writes with the same kind of violation on the same constraint and key,
 * and end with the same rows. Seeded and bounded; a failure names its seed and step.
 */
class DifferentialTest {
  private static final int STEPS = 250;
  private static final Instant FAR_PAST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
  private static final List<String> TABLES =
      List.of("users", "categories", "products", "orders", "order_items", "user_profiles");

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void sameOutcomesAndRowsOnBothEngines(long seed) throws Exception {
    Postgres.freshDatabase();
    try (ShopDatabase sqlite = Keystone.open(ShopDatabase.class, dir.resolve("diff-" + seed + ".db"));
        ShopDatabase postgres =
            Keystone.builder(ShopDatabase.class).postgres(Postgres.url()).build()) {
      Random random = new Random(seed);
      for (int step = 0; step < STEPS; step++) {
        Function<ShopDatabase, Object> op = nextOp(random);
        String onSqlite = outcome(sqlite, op);
        String onPostgres = outcome(postgres, op);
        assertEquals(onSqlite, onPostgres, "seed " + seed + ", step " + step);
      }
      for (String table : TABLES) {
        assertEquals(rows(sqlite, table), rows(postgres, table), "seed " + seed + ", " + table);
      }
      // Instants compared as Java values (each engine stores its own form), in SQL order.
      for (Instant[] range : new Instant[][] {{FAR_PAST, FAR_FUTURE}, {FAR_PAST, Instant.EPOCH},
          {Instant.EPOCH.minusMillis(1), FAR_FUTURE}}) {
        assertEquals(sqlite.orders().placedBetween(range[0], range[1]),
            postgres.orders().placedBetween(range[0], range[1]), "seed " + seed);
      }
      assertEquals(sqlite.orders().lastPlacedAt(), postgres.orders().lastPlacedAt());
    }
  }

  private static Function<ShopDatabase, Object> nextOp(Random r) {
    long a = 1 + r.nextInt(12);
    long b = 1 + r.nextInt(12);
    long c = 1 + r.nextInt(12);
    int quantity = r.nextInt(3);
    switch (r.nextInt(13)) {
      case 0:
        return db -> db.users().insert(new User(a, "user" + a, "u" + (a % 9) + "@x"));
      case 1:
        return db -> db.catalog().insertCategory(new Category(a, "cat" + a, "c" + a));
      case 2:
        return db ->
            db.catalog().insertProducts(
                List.of(new Product(a, "p" + a, 100, b > 9 ? null : b)));
      case 3:
        Instant at = randomInstant(r);
        UUID ref = reference(r);
        return db -> db.orders().insert(new Order(a, b, "pending", at, ref));
      case 4:
        return db -> Arrays.toString(db.orders().insertItems(new OrderItem(a, b, c, quantity, 5)));
      case 5:
        return db -> { db.users().insertProfile(new UserProfile(a, "bio", null, null)); return 0; };
      case 6:
        return db -> db.users().delete(new User(a, "", ""));
      case 7:
        return db -> db.catalog().deleteCategory(new Category(a, "", ""));
      case 8:
        return db -> db.orders().deleteById(a);
      case 9:
        return db -> db.execute("DELETE FROM products WHERE id = ?", a);
      case 10:
        return db -> { db.users().upsert(new User(a, "again" + a, "v" + a + "@x")); return 0; };
      case 11:
        return db -> db.execute("UPDATE orders SET user_id = ? WHERE id = ?", b, a);
      default:
        Instant later = randomInstant(r);
        UUID laterRef = reference(r);
        return db -> {
          db.runInTransaction(
              () -> {
                db.deferForeignKeys();
                db.orders().insert(new Order(100 + a, 50 + b, "imported", later, laterRef));
                if (c % 2 == 0) {
                  db.users().insert(new User(50 + b, "late" + b, "late" + b + "@x"));
                }
              });
          return 0;
        };
    }
  }

  private static String outcome(ShopDatabase db, Function<ShopDatabase, Object> op) {
    try {
      return "ok " + op.apply(db);
    } catch (ForeignKeyViolationException e) {
      List<String> keys = new ArrayList<>();
      e.violations().forEach(v -> keys.add(v.constraint() + " " + v.kind() + " " + v.key()));
      keys.sort(null);
      return "foreign key " + keys;
    } catch (UniqueViolationException e) {
      return "unique " + e.table() + " " + e.columns();
    } catch (NotNullViolationException e) {
      return "not null " + e.columns();
    } catch (KeystoneException e) {
      return e.getClass().getSimpleName();
    }
  }

  /** Around the epoch, both sides, to the microsecond. */
  private static Instant randomInstant(Random r) {
    return Instant.EPOCH.plusSeconds(r.nextInt(2_000_000_000) - 1_000_000_000L)
        .plusNanos(r.nextInt(1_000_000) * 1000L);
  }

  /** From a small pool, so that some orders collide on the UNIQUE reference. */
  private static UUID reference(Random r) {
    return new UUID(0x5eed_0000_0000_4000L, 0x8000_0000_0000_0000L + r.nextInt(40));
  }

  private static List<String> rows(ShopDatabase db, String table) {
    List<String> rows = new ArrayList<>();
    // placed_at is microseconds on SQLite and a timestamp on PostgreSQL: compared as Java above.
    String columns = table.equals("orders") ? "id, user_id, status, reference" : "*";
    for (Object[] row : db.query("SELECT " + columns + " FROM " + table + " ORDER BY 1")) {
      rows.add(Arrays.toString(row));
    }
    return rows;
  }
}
