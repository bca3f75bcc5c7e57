package keystone.engine;

import java.nio.file.Path;

/**
 * Opens databases generated from {@code @Database} interfaces.
 *
 * <pre>{@code
 * try (ShopDatabase db = Keystone.open(ShopDatabase.class, Path.of("shop.db"))) {
 *   long id = db.users().insert(new User(0, "ada@example.com"));
 * }
 * }</pre>
 */
public final class Keystone {
  private Keystone() {}

  /** Opens (creating if needed) the SQLite file at {@code file}. */
  public static <T extends KeystoneDatabase> T open(Class<T> database, Path file) {
    return builder(database).path(file).build();
  }

  /** Opens a private in-memory database that lives until it is closed. */
  public static <T extends KeystoneDatabase> T inMemory(Class<T> database) {
    return builder(database).inMemory().build();
  }

  /** Starts a configuration; {@link KeystoneBuilder#build()} validates, seals and opens it. */
  public static <T extends KeystoneDatabase> KeystoneBuilder<T> builder(Class<T> database) {
    return new KeystoneBuilder<>(database);
  }
}
