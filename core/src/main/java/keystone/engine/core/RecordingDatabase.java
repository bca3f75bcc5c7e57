package keystone.engine.core;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.KeystoneDatabase;

/**
 * The database a user migration sees: the engine itself, noting which tables its SQL deletes
 * from or drops, since those may lose rows without the migration declaring it. Both engines'
 * migrations use it.
 */
public final class RecordingDatabase implements KeystoneDatabase {
  private static final Pattern NAMED =
      Pattern.compile(
          "(?is)\\b(?:DELETE\\s+FROM|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?)\\s+(?:\\w+\\.)?[\"`\\[]?(\\w+)");

  private final KeystoneDatabase engine;
  private final Set<String> named = new HashSet<>();

  public RecordingDatabase(KeystoneDatabase engine) {
    this.engine = engine;
  }

  /** Lower-case names of the tables the migration's SQL deleted from or dropped. */
  public Set<String> named() {
    return named;
  }

  private void record(String sql) {
    named.addAll(namedIn(sql));
  }

  /** Lower-case names of the tables {@code sql} deletes from or drops. */
  public static Set<String> namedIn(String sql) {
    Set<String> tables = new HashSet<>();
    Matcher m = NAMED.matcher(sql);
    while (m.find()) {
      tables.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return tables;
  }

  @Override
  public int execute(String sql, Object... args) {
    record(sql);
    return engine.execute(sql, args);
  }

  @Override
  public List<Object[]> query(String sql, Object... args) {
    record(sql);
    return engine.query(sql, args);
  }

  @Override
  public List<String> checkIntegrity() {
    return engine.checkIntegrity();
  }

  @Override
  public void runInTransaction(Runnable body) {
    engine.runInTransaction(body);
  }

  @Override
  public void runInTransaction(keystone.engine.Retry retry, Runnable body) {
    engine.runInTransaction(retry, body);
  }

  @Override
  public <R> R callInTransaction(Callable<R> body) {
    return engine.callInTransaction(body);
  }

  @Override
  public void deferForeignKeys() {
    engine.deferForeignKeys();
  }

  @Override
  public DeletePlan previewDelete(Class<?> entity, Object... primaryKey) {
    return engine.previewDelete(entity, primaryKey);
  }

  @Override
  public DeletePlan previewDelete(String deleteSql, Object... args) {
    return engine.previewDelete(deleteSql, args);
  }

  @Override
  public List<ForeignKeyViolation> checkForeignKeys() {
    return engine.checkForeignKeys();
  }

  @Override
  public void close() {
    throw new IllegalStateException("A migration cannot close the database it migrates");
  }
}
