package keystone.engine.sqlite.diagnosis;

import java.util.ArrayList;
import java.util.List;
import keystone.ForeignKey.Action;
import keystone.engine.spi.ForeignKeyInfo;

/**
 * The counting triggers of {@link DeletePreview}; foreign-key actions fire triggers too. Their
 * INSERTs name the temp tables unqualified, which a TEMP trigger resolves to temp first: SQLite
 * before 3.49 (Android's) refuses a qualified name as the target of a DML statement in a trigger.
 */
final class PlanTriggers {
  private PlanTriggers() {}

  static List<String> create(List<String> tables, List<ForeignKeyInfo> keys) {
    List<String> ddl = new ArrayList<>();
    int n = 0;
    for (String table : tables) {
      ddl.add("CREATE TEMP TRIGGER ks_plan_" + n++ + " AFTER DELETE ON main." + Sql.quote(table)
          + " BEGIN INSERT INTO ks_plan VALUES (" + literal(table) + ", 'deleted'); END");
    }
    for (int i = 0; i < keys.size(); i++) {
      ForeignKeyInfo key = keys.get(i);
      String child = "main." + Sql.quote(key.childTable());
      String columns = Sql.columnList(key.childColumns());
      if (key.onDelete() == Action.SET_NULL) {
        ddl.add("CREATE TEMP TRIGGER ks_plan_" + n++ + " AFTER UPDATE OF " + columns + " ON "
            + child + " WHEN " + Sql.qualified("NEW.", key.childColumns(), " IS NULL AND ")
            + " IS NULL AND NOT (" + Sql.qualified("OLD.", key.childColumns(), " IS NULL AND ")
            + " IS NULL) BEGIN INSERT INTO ks_plan VALUES (" + literal(key.childTable())
            + ", 'nulled'); END");
      } else if (key.onDelete() == Action.SET_DEFAULT) {
        ddl.add("CREATE TEMP TRIGGER ks_plan_" + n++ + " AFTER UPDATE OF " + columns + " ON "
            + child + " WHEN " + changed(key.childColumns()) + " BEGIN INSERT INTO ks_plan"
            + " VALUES (" + literal(key.childTable()) + ", 'defaulted'); END");
      } else if (key.onDelete() == Action.RESTRICT) {
        ddl.add("CREATE TEMP TRIGGER ks_plan_" + n++ + " BEFORE DELETE ON main."
            + Sql.quote(key.parentTable()) + " WHEN EXISTS (SELECT 1 FROM " + child + " WHERE "
            + matches(key) + ") BEGIN INSERT INTO ks_plan_blocked VALUES (" + i + ", "
            + RestrictTriggers.quotedKey(key) + "); SELECT RAISE(IGNORE); END");
      }
    }
    return ddl;
  }

  private static String changed(List<String> columns) {
    StringBuilder sql = new StringBuilder("(");
    for (int c = 0; c < columns.size(); c++) {
      String column = Sql.quote(columns.get(c));
      sql.append(c == 0 ? "" : " OR ").append("NEW.").append(column).append(" IS NOT OLD.")
          .append(column);
    }
    return sql.append(')').toString();
  }

  private static String matches(ForeignKeyInfo key) {
    StringBuilder sql = new StringBuilder();
    for (int c = 0; c < key.childColumns().size(); c++) {
      sql.append(c == 0 ? "" : " AND ").append(Sql.quote(key.childColumns().get(c)))
          .append(" = OLD.").append(Sql.quote(key.parentColumns().get(c)));
    }
    return sql.toString();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
