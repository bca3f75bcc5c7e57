package keystone.processor.sql;

import static keystone.processor.sql.SqlNames.quote;

import java.util.List;
import java.util.stream.Collectors;
import keystone.OnConflict;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;

/** The write statements of one entity; placeholders follow the order of the returned lists. */
public final class EntitySql {
  private EntitySql() {}

  public static String insert(EntityModel e, OnConflict onConflict) {
    String verb = switch (onConflict) {
      case ABORT -> "INSERT INTO ";
      case IGNORE -> "INSERT OR IGNORE INTO ";
      case REPLACE -> "INSERT OR REPLACE INTO ";
    };
    return verb + quote(e.table()) + " (" + SqlNames.quoteAll(e.columnNames()) + ") VALUES ("
        + placeholders(e.columns().size()) + ")";
  }

  /**
   * https://www.sqlite.org/lang_upsert.html; the update path never fires ON DELETE actions. On
   * SQLite before 3.24 the connection recognises this exact shape and runs it as an INSERT and,
   * on the key's conflict, an UPDATE (core's {@code UpsertFallback}; OnSqlite322Test checks it).
   */
  public static String upsert(EntityModel e, boolean returning) {
    List<ColumnModel> rest = nonKey(e);
    String action = rest.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + rest.stream()
        .map(c -> quote(c.name()) + " = excluded." + quote(c.name()))
        .collect(Collectors.joining(", "));
    // last_insert_rowid() is not set on the update path, hence RETURNING.
    return insert(e, OnConflict.ABORT) + " ON CONFLICT (" + SqlNames.quoteAll(e.primaryKey())
        + ") " + action + (returning ? " RETURNING rowid" : "");
  }

  /** Binds {@link #updateColumns} then the key. */
  public static String update(EntityModel e) {
    return update(e, OnConflict.ABORT);
  }

  /** {@code UPDATE OR IGNORE} / {@code OR REPLACE}: https://www.sqlite.org/lang_update.html */
  public static String update(EntityModel e, OnConflict onConflict) {
    String verb = switch (onConflict) {
      case ABORT -> "UPDATE ";
      case IGNORE -> "UPDATE OR IGNORE ";
      case REPLACE -> "UPDATE OR REPLACE ";
    };
    return verb + quote(e.table()) + " SET " + updateColumns(e).stream()
        .map(c -> quote(c.name()) + " = ?")
        .collect(Collectors.joining(", ")) + " WHERE " + keyMatch(e);
  }

  public static String delete(EntityModel e) {
    return "DELETE FROM " + quote(e.table()) + " WHERE " + keyMatch(e);
  }

  /** Non-key columns, or the key itself when there is nothing else to set. */
  public static List<ColumnModel> updateColumns(EntityModel e) {
    List<ColumnModel> rest = nonKey(e);
    return rest.isEmpty() ? keyColumns(e) : rest;
  }

  public static List<ColumnModel> keyColumns(EntityModel e) {
    return e.primaryKey().stream().map(k -> e.column(k).orElseThrow()).toList();
  }

  private static List<ColumnModel> nonKey(EntityModel e) {
    return e.columns().stream().filter(c -> !e.isPrimaryKey(c)).toList();
  }

  private static String keyMatch(EntityModel e) {
    return e.primaryKey().stream().map(k -> quote(k) + " = ?")
        .collect(Collectors.joining(" AND "));
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
