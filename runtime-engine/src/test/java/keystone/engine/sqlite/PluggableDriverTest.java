package keystone.engine.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.fixture.ShopDb;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.DriverStatement;
import keystone.engine.sqlite.driver.OpenOptions;
import keystone.engine.sqlite.driver.SqliteDriver;
import keystone.engine.sqlite.jdbc.SqliteJdbcDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver of the application's own, passed to the builder, runs everything the engine does: the
 * driver interface is the whole seam between SQLite's dialect and a SQLite library.
 */
class PluggableDriverTest {
  @TempDir Path dir;

  /** sqlite-jdbc underneath, every prepared SQL and every opened connection recorded. */
  static final class RecordingDriver implements SqliteDriver {
    final SqliteDriver inner = new SqliteJdbcDriver();
    final List<String> prepared = new ArrayList<>();
    final List<String> opened = new ArrayList<>();
    boolean collations = true;

    @Override
    public DriverConnection open(Path file, OpenOptions options) {
      opened.add((file == null ? "memory" : file.getFileName()) + (options.readOnly() ? " ro" : " rw"));
      DriverConnection connection = inner.open(file, options);
      return new DriverConnection() {
        @Override
        public DriverStatement prepare(String sql) {
          prepared.add(sql);
          return connection.prepare(sql);
        }

        @Override
        public long changes() {
          return connection.changes();
        }

        @Override
        public long lastInsertRowid() {
          return connection.lastInsertRowid();
        }

        @Override
        public boolean createCollation(String name, Comparator<String> order) {
          return collations && connection.createCollation(name, order);
        }

        @Override
        public void close() {
          connection.close();
        }
      };
    }

    @Override
    public String name() {
      return "recording " + inner.name();
    }
  }

  @Test
  void theBuildersDriverRunsTheWritesTheReadersAndTheDiagnosis() {
    RecordingDriver driver = new RecordingDriver();
    try (ShopDb db = Keystone.builder(ShopDb.class).path(dir.resolve("shop.db")).readers(2)
        .sqliteDriver(driver).build()) {
      db.insertUser(1, "ada");
      db.insertOrder(10, 1);
      ForeignKeyViolationException e =
          assertThrows(ForeignKeyViolationException.class, () -> db.insertOrder(11, 99));
      ForeignKeyViolation v = e.violations().get(0);
      assertEquals("fk_orders_user_id", v.constraint());
      assertEquals(List.of(99L), v.key());
      assertEquals(1L, db.query("SELECT count(*) FROM orders").get(0)[0]);
    }
    // The writer, the scratch database the compiled schema is compared on, then the readers.
    assertEquals(List.of("shop.db rw", "memory rw", "shop.db ro", "shop.db ro"), driver.opened);
    assertTrue(driver.prepared.contains("PRAGMA foreign_keys = ON"), driver.prepared.toString());
    assertTrue(driver.prepared.stream().anyMatch(sql -> sql.startsWith("INSERT INTO orders ")),
        driver.prepared.toString());
  }

  @Test
  void aDriverWhoseSqliteEnforcesNoForeignKeysIsRefusedAtOpen() {
    SqliteDriver withoutEnforcement = new SqliteDriver() {
      final SqliteDriver inner = new SqliteJdbcDriver();

      @Override
      public DriverConnection open(Path file, OpenOptions options) {
        DriverConnection connection = inner.open(file, options);
        return new DriverConnection() {
          @Override
          public DriverStatement prepare(String sql) {
            // As a build with SQLITE_OMIT_FOREIGN_KEY: the pragma is accepted and does nothing.
            return connection.prepare(sql.startsWith("PRAGMA foreign_keys")
                ? "SELECT 0 WHERE 0" : sql);
          }

          @Override
          public long changes() {
            return connection.changes();
          }

          @Override
          public long lastInsertRowid() {
            return connection.lastInsertRowid();
          }

          @Override
          public boolean createCollation(String name, Comparator<String> order) {
            return connection.createCollation(name, order);
          }

          @Override
          public void close() {
            connection.close();
          }
        };
      }

      @Override
      public String name() {
        return "no enforcement";
      }
    };
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.builder(ShopDb.class).path(dir.resolve("shop.db"))
            .sqliteDriver(withoutEnforcement).build());
    assertEquals("This SQLite build does not enforce foreign keys (PRAGMA foreign_keys answered"
        + " null); Keystone refuses to open a database without enforcement.", e.getMessage());
  }
}
