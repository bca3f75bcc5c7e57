package keystone.tests.upsert;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.sqlite.driver.DriverConnection;
import keystone.engine.sqlite.driver.DriverException;
import keystone.engine.sqlite.driver.DriverStatement;
import keystone.engine.sqlite.driver.OpenOptions;
import keystone.engine.sqlite.driver.SqliteDriver;
import keystone.engine.sqlite.jdbc.SqliteJdbcDriver;

/**
 * sqlite-jdbc standing in for SQLite 3.22, the one Android 9 and 10 ship: it answers
 * {@code 3.22.0} to {@code sqlite_version()} and refuses, as 3.22's parser does, an upsert
 * (3.24, https://www.sqlite.org/lang_upsert.html) and RETURNING (3.35), with SQLite's own error.
 * So Keystone must pick its fallbacks from the version alone, without the system properties.
 */
final class Sqlite322Driver implements SqliteDriver {
  private static final Pattern TOO_NEW =
      Pattern.compile("\\b(ON) CONFLICT \\([^)]*\\) DO\\b|\\b(RETURNING)\\b");
  private final SqliteDriver real = new SqliteJdbcDriver();

  @Override
  public DriverConnection open(Path file, OpenOptions options) {
    return new Connection(real.open(file, options));
  }

  @Override
  public String name() {
    return "sqlite-jdbc as SQLite 3.22";
  }

  /** What {@code sql} would get from SQLite 3.22: the same statement, or its syntax error. */
  static String refusal(String sql) {
    Matcher m = TOO_NEW.matcher(sql);
    if (!m.find()) {
      return null;
    }
    return "near \"" + (m.group(1) != null ? m.group(1) : m.group(2)) + "\": syntax error";
  }

  private static final class Connection implements DriverConnection {
    private final DriverConnection real;

    Connection(DriverConnection real) {
      this.real = real;
    }

    @Override
    public DriverStatement prepare(String sql) {
      if (sql.equals("SELECT sqlite_version()")) {
        return real.prepare("SELECT '3.22.0'");
      }
      String refusal = refusal(sql);
      if (refusal != null) {
        throw new DriverException(1, refusal, null);
      }
      return real.prepare(sql);
    }

    @Override
    public long changes() {
      return real.changes();
    }

    @Override
    public long lastInsertRowid() {
      return real.lastInsertRowid();
    }

    @Override
    public boolean createCollation(String name, Comparator<String> order) {
      return real.createCollation(name, order);
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
