package keystone.processor.migration;

import static keystone.processor.sql.PostgresNames.implicit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.SchemaVersion.Table;
import keystone.processor.sql.SqlParameters;

/**
 * The names PostgreSQL gave the constraints Keystone's DDL leaves unnamed: the primary key, each
 * UNIQUE column and each CHECK. A migration drops or renames them by these names, and renames
 * them along with their table or column, so that a migrated database keeps the names a new one
 * would have and the next migration can find them.
 */
final class PostgresImplicitNames {
  private PostgresImplicitNames() {}

  /** A CHECK and the name its CREATE TABLE gave it. */
  record NamedCheck(String name, String expression) {}

  static String primaryKey(Table table) {
    return implicit(table.name(), null, "pkey");
  }

  static String unique(Table table, Column column) {
    return implicit(table.name(), column.name(), "key");
  }

  /**
   * The table's CHECKs as PostgreSQL names them at CREATE TABLE: the columns' in column order,
   * then the table's, each {@code <table>_<column>_check} when it reads one column and
   * {@code <table>_check} otherwise, numbered from 1 when taken
   * (https://github.com/postgres/postgres/blob/REL_14_STABLE/src/backend/catalog/heap.c,
   * AddRelationNewConstraints).
   */
  static List<NamedCheck> checks(Table table) {
    List<String> expressions = new ArrayList<>();
    for (Column c : table.columns()) {
      if (c.check() != null) {
        expressions.add(c.check());
      }
    }
    expressions.addAll(table.checks());
    Set<String> taken = new HashSet<>();
    List<NamedCheck> out = new ArrayList<>();
    for (String expression : expressions) {
      String column = onlyColumn(table, expression);
      String name = implicit(table.name(), column, "check");
      for (int pass = 1; !taken.add(name); pass++) {
        name = implicit(table.name(), column, "check" + pass);
      }
      out.add(new NamedCheck(name, expression.trim()));
    }
    return out;
  }

  /** The one column {@code expression} reads, as the table spells it, or null. */
  static String onlyColumn(Table table, String expression) {
    Set<String> read = new HashSet<>();
    for (String identifier : identifiers(expression)) {
      for (Column c : table.columns()) {
        if (c.name().equals(identifier)) {
          read.add(c.name());
        }
      }
    }
    return read.size() == 1 ? read.iterator().next() : null;
  }

  /**
   * The identifiers of an SQL expression as PostgreSQL resolves them: unquoted ones folded to
   * lower case, quoted ones as written; string literals and numbers skipped.
   */
  static List<String> identifiers(String sql) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = SqlParameters.skipQuoted(sql, i, c);
        if (c == '"' && end - 1 > i) {
          out.add(sql.substring(i + 1, end - 1).replace("\"\"", "\""));
        }
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end))
            || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
          end++;
        }
        out.add(sql.substring(i, end).toLowerCase(Locale.ROOT));
        i = end;
      } else if (Character.isDigit(c)) {
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i))
            || sql.charAt(i) == '.')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return out;
  }
}
