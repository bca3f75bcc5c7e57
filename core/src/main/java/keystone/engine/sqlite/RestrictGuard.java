package keystone.engine.sqlite;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import keystone.engine.sqlite.diagnosis.RestrictTriggers;
import keystone.engine.sqlite.SqliteConnection;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * Keeps RESTRICT immediate while a transaction defers its keys. With
 * {@code PRAGMA defer_foreign_keys} on, SQLite checks RESTRICT at commit like NO ACTION, so a
 * parent could be deleted and re-inserted past it. Temporary triggers stand in for those keys
 * until the transaction ends; a transaction that never defers pays nothing.
 */
final class RestrictGuard {
  private static final String PREFIX = "ks_guard_";

  private final SqliteConnection connection;
  private List<ForeignKeyInfo> guarded = List.of();

  RestrictGuard(SqliteConnection connection) {
    this.connection = connection;
  }

  void install(List<ForeignKeyInfo> keys) {
    if (guarded.isEmpty()) {
      guarded = keys;
      // The rows REPLACE deletes fire delete triggers only with recursive triggers on; ours only
      // RAISE, so nothing can recurse.
      connection.execUncached("PRAGMA recursive_triggers = ON");
    }
    reinstall();
  }

  /**
   * A rolled-back savepoint takes temporary DDL made inside it along; put it back, on the parent
   * tables that exist now (raw DDL in the transaction may have dropped one, and a later CREATE
   * of it is guarded at the next savepoint or deferral).
   */
  void reinstall() {
    if (guarded.isEmpty()) {
      return;
    }
    Set<String> tables = new HashSet<>();
    for (String table : connection.tables()) {
      tables.add(table.toLowerCase(Locale.ROOT));
    }
    List<String> create = RestrictTriggers.create(
        PREFIX, guarded, key -> tables.contains(key.parentTable().toLowerCase(Locale.ROOT)),
        connection.raiseTakesExpressions());
    for (String ddl : create) {
      connection.execUncached(ddl);
    }
  }

  /** After COMMIT or ROLLBACK: triggers made in a committed transaction outlive it. */
  void remove() {
    if (guarded.isEmpty()) {
      return;
    }
    for (String ddl : RestrictTriggers.drop(PREFIX, guarded)) {
      connection.execUncached(ddl);
    }
    connection.execUncached("PRAGMA recursive_triggers = OFF");
    guarded = List.of();
  }
}
