package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keystone.ForeignKey.Action;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.sqlite.SqliteStatement;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * Runs a delete for real inside a savepoint that is always rolled back, with temporary triggers
 * that count what it reaches. Counting the real statement, rather than walking the keys in Java,
 * is what makes the plan agree with the delete: SQLite decides the cascades either way.
 *
 * <p>Every key is deferred for the run so a NO ACTION key reports instead of failing; a RESTRICT
 * key's protected row is recorded and skipped ({@code RAISE(IGNORE)}) so the rest is still counted.
 */
public final class DeletePreview {
  private static final String SAVEPOINT = "ks_preview";

  private final SqliteConnection connection;
  private final ViolationFinder finder;

  public DeletePreview(SqliteConnection connection, ViolationFinder finder) {
    this.connection = connection;
    this.finder = finder;
  }

  public DeletePlan preview(String deleteSql, Object... args) {
    List<ForeignKeyInfo> keys = finder.catalog().all();
    boolean wasDeferred = Long.valueOf(1).equals(connection.queryValue("PRAGMA defer_foreign_keys"));
    connection.exec("SAVEPOINT " + SAVEPOINT);
    try {
      Set<String> before = identities(finder.check());
      connection.execUncached("CREATE TEMP TABLE ks_plan (tbl TEXT, effect TEXT)");
      connection.execUncached("CREATE TEMP TABLE ks_plan_blocked (fk INTEGER, key TEXT)");
      for (String ddl : PlanTriggers.create(connection.tables(), keys)) {
        connection.execUncached(ddl);
      }
      connection.exec("PRAGMA defer_foreign_keys = ON");
      run(deleteSql, args);
      List<ForeignKeyViolation> blocked = restrictBlocks(keys);
      for (PendingViolation v : finder.check()) {
        boolean blocking = v.key().onDelete() == Action.NO_ACTION
            || v.key().onDelete() == Action.RESTRICT;
        if (blocking && !before.contains(v.identity())) {
          blocked.add(v.toViolation(ForeignKeyViolation.Kind.STILL_REFERENCED));
        }
      }
      Map<String, Map<String, Integer>> effects = effects();
      return new DeletePlan(
          effects.getOrDefault("deleted", Map.of()),
          effects.getOrDefault("nulled", Map.of()),
          effects.getOrDefault("defaulted", Map.of()),
          blocked);
    } finally {
      connection.exec("ROLLBACK TO " + SAVEPOINT);
      connection.exec("RELEASE " + SAVEPOINT);
      if (!wasDeferred) {
        connection.exec("PRAGMA defer_foreign_keys = OFF");
      }
    }
  }

  private void run(String sql, Object[] args) {
    SqliteStatement st = connection.prepare(sql);
    try {
      st.bindAll(args);
      st.execute();
    } finally {
      st.reset();
    }
  }

  private List<ForeignKeyViolation> restrictBlocks(List<ForeignKeyInfo> keys) {
    List<ForeignKeyViolation> blocked = new ArrayList<>();
    SqliteStatement st = connection.prepare("SELECT fk, key FROM temp.ks_plan_blocked");
    try {
      while (st.step()) {
        ForeignKeyInfo key = keys.get((int) st.columnLong(0));
        blocked.add(
            new PendingViolation(key, null, SqlLiterals.parseList(st.columnText(1)))
                .toViolation(ForeignKeyViolation.Kind.STILL_REFERENCED));
      }
    } finally {
      st.reset();
    }
    return blocked;
  }

  private Map<String, Map<String, Integer>> effects() {
    Map<String, Map<String, Integer>> effects = new LinkedHashMap<>();
    SqliteStatement st =
        connection.prepare("SELECT effect, tbl, count(*) FROM temp.ks_plan GROUP BY effect, tbl");
    try {
      while (st.step()) {
        effects
            .computeIfAbsent(st.columnText(0), e -> new LinkedHashMap<>())
            .put(st.columnText(1), (int) st.columnLong(2));
      }
    } finally {
      st.reset();
    }
    return effects;
  }

  private static Set<String> identities(List<PendingViolation> violations) {
    Set<String> ids = new HashSet<>();
    for (PendingViolation v : violations) {
      ids.add(v.identity());
    }
    return ids;
  }
}
