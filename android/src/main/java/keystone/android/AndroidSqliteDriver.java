package keystone.android;

import android.database.DatabaseErrorHandler;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteException;
import android.os.Build;
import java.io.File;
import java.nio.file.Path;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.OpenOptions;
import keystone.engine.sqlite.driver.SqliteDriver;

/**
 * Android's own SQLite ({@code android.database.sqlite}) as a Keystone driver.
 *
 * <p>Each Keystone connection is one {@link SQLiteDatabase} whose pool holds a single SQLite
 * connection, since the dialect relies on every statement of a connection, and its transaction,
 * running on the same SQLite connection. Android's WAL pool ({@code enableWriteAheadLogging},
 * or a journal mode of WAL given at open) would send reads to other connections, outside the
 * transaction that wrote. So Android opens the file in its rollback-journal configuration
 * (journal mode {@code TRUNCATE} given at open, which also turns off its "compatibility WAL")
 * and the dialect then switches SQLite to WAL with a pragma and checks it, as on the desktop;
 * readers are further read-only {@link SQLiteDatabase} instances, one connection each, so the
 * one-writer and N-readers model is Keystone's own, not Android's pool. Transactions run as
 * savepoints Android does not intercept ({@link TransactionControl}). Files get no
 * {@code android_metadata} table ({@link SQLiteDatabase#NO_LOCALIZED_COLLATORS}), which would not
 * be in the compiled schema.
 */
public final class AndroidSqliteDriver implements SqliteDriver {
  /**
   * Android's default handler deletes a file SQLite calls corrupt (or not a database) and opens a
   * new empty one in its place, so the data would be gone and the app would see an empty database.
   * Keystone keeps the file as it was: the corruption error reaches the caller as
   * {@code DatabaseCorruptException}, and what to do with the file is the app's decision.
   */
  private static final DatabaseErrorHandler KEEP_THE_FILE = database -> { };

  @Override
  public DriverConnection open(Path file, OpenOptions options) {
    SQLiteDatabase.OpenParams.Builder params = new SQLiteDatabase.OpenParams.Builder()
        .addOpenFlags(SQLiteDatabase.NO_LOCALIZED_COLLATORS)
        .setErrorHandler(KEEP_THE_FILE);
    try {
      if (file == null) {
        return new AndroidConnection(SQLiteDatabase.createInMemory(params.build()));
      }
      if (options.readOnly()) {
        params.addOpenFlags(SQLiteDatabase.OPEN_READONLY);
      } else {
        params.addOpenFlags(SQLiteDatabase.CREATE_IF_NECESSARY).setJournalMode("TRUNCATE");
        File parent = file.toAbsolutePath().getParent().toFile();
        parent.mkdirs();
      }
      SQLiteDatabase database = SQLiteDatabase.openDatabase(file.toFile(), params.build());
      return new AndroidConnection(database);
    } catch (SQLiteException | IllegalStateException e) {
      throw AndroidErrors.of(e);
    }
  }

  @Override
  public String name() {
    return "Android's SQLite (API " + Build.VERSION.SDK_INT + ")";
  }
}
