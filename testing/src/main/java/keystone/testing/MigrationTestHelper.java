package keystone.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import keystone.engine.KeystoneDatabase;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;
import keystone.engine.guard.SqlGuard;

/**
 * Tests a database's migrations on a real file, as Room's {@code MigrationTestHelper} does (or on
 * a PostgreSQL schema, see {@link #createPostgresDatabase}):
 * create the file at an earlier version from that version's schema export, fill it with plain
 * SQL, then open it with Keystone, which runs the migrations to the compiled version and checks
 * every foreign key, the file's integrity, and the schema against the compiled one.
 *
 * <pre>{@code
 * MigrationTestHelper helper = new MigrationTestHelper(tempDir);
 * try (RawDatabase v1 = helper.createDatabase(ShopDatabase.class, 1)) {
 *   v1.execute("INSERT INTO users (id, name) VALUES (1, 'Ada')");
 * }
 * try (ShopDatabase db = helper.runMigrationsAndValidate(ShopDatabase.class, MIGRATION_1_2)) {
 *   assertEquals(1, db.users().count());
 * }
 * }</pre>
 *
 * <p>The schema of version {@code k} is {@code keystone/schemas/<qualified name>/<k>.sql}: on the
 * classpath (the processor writes the current version into the class output), else under the
 * directory given to {@link #schemaLocation} (the {@code -Akeystone.schemaLocation} folder, where
 * earlier versions are committed). No test framework is needed: failures are exceptions.
 */
public final class MigrationTestHelper {
  private final Path directory;
  private Path schemaLocation;

  /** Files are created in {@code directory}, one per database type. */
  public MigrationTestHelper(Path directory) {
    this.directory = directory;
  }

  /** Where to find exports that are not on the classpath: {@code <dir>/<qualified name>/}. */
  public MigrationTestHelper schemaLocation(Path dir) {
    this.schemaLocation = dir;
    return this;
  }

  /** The file a database type is created in and migrated from. */
  public Path file(Class<? extends KeystoneDatabase> database) {
    return directory.resolve(database.getSimpleName() + ".db");
  }

  /**
   * Creates the file of {@code database} at {@code version} (replacing any earlier one) from that
   * version's exported DDL, with {@code PRAGMA user_version} set, and returns a connection to
   * fill it. Close it before {@link #runMigrationsAndValidate}.
   */
  public RawDatabase createDatabase(Class<? extends KeystoneDatabase> database, int version) {
    String ddl = schema(database, version);
    Path file = file(database);
    try {
      Files.createDirectories(directory);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RawDatabase raw = new RawDatabase(file);
    try {
      raw.execute(ddl);
      raw.execute("PRAGMA user_version = " + version);
      return raw;
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * A plain connection to the file as it is, to look at it after a migration failed (it stays
   * at the version before the failed step).
   */
  public RawDatabase openRaw(Class<? extends KeystoneDatabase> database) {
    return RawDatabase.open(file(database));
  }

  /**
   * Opens the file with {@code migrations} (and the generated and SQL-file ones the engine finds
   * itself), which brings it to the compiled version and validates it: foreign keys and integrity
   * after each migration, and the schema after the last. A failure throws
   * {@code MigrationException} and leaves the file at the version of the failed step. It opens on
   * the {@link SqlitePlatform#installed() installed} SQLite, as {@link TestEngine#SQLITE} does.
   */
  public <T extends KeystoneDatabase> T runMigrationsAndValidate(
      Class<T> database, Migration... migrations) {
    return SqlitePlatform.installed()
        .builder(database, file(database))
        .migrations(migrations)
        .verifyOnOpen(true)
        .build();
  }

  /**
   * Makes the empty PostgreSQL schema behind {@code dataSource} what version {@code version} of
   * {@code database} made: that version's exported {@code <version>.postgres.sql}, and the
   * version row the engine keeps in {@code keystone_schema}. Fill it through the data source,
   * then open it with {@code Keystone.builder(database).postgres(dataSource)}, which runs the
   * migrations (the generated {@code POSTGRES_MIGRATIONS} among them) and checks each.
   */
  public void createPostgresDatabase(
      Class<? extends KeystoneDatabase> database, int version, DataSource dataSource) {
    String ddl = schema(database, version + ".postgres.sql");
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      for (String statement : SqlGuard.split(ddl)) {
        st.execute(statement);
      }
      st.execute("CREATE TABLE keystone_schema (version INTEGER NOT NULL)");
      st.execute("INSERT INTO keystone_schema VALUES (" + version + ")");
    } catch (SQLException e) {
      throw new KeystoneException("Creating version " + version + " of " + database.getName()
          + " on PostgreSQL failed: " + e.getMessage(), e);
    }
  }

  private String schema(Class<?> database, int version) {
    return schema(database, version + ".sql");
  }

  /** {@code file} of the export: {@code <version>.sql} or {@code <version>.postgres.sql}. */
  private String schema(Class<?> database, String file) {
    String version = file.substring(0, file.indexOf('.'));
    String relative = "keystone/schemas/" + database.getCanonicalName() + "/" + file;
    ClassLoader loader = database.getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(relative)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (schemaLocation != null) {
      Path exported = schemaLocation.resolve(database.getCanonicalName()).resolve(file);
      if (Files.isRegularFile(exported)) {
        try {
          return Files.readString(exported, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new KeystoneException("No schema export of version " + version + " of "
        + database.getName() + ": looked for " + relative + " on the classpath"
        + (schemaLocation == null ? "" : " and under " + schemaLocation)
        + "; compile that version with @Database(exportSchema = true) and"
        + " -Akeystone.schemaLocation, commit the files, and pass the folder to schemaLocation()");
  }
}
