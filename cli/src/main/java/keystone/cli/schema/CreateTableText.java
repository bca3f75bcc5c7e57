package keystone.cli.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keystone.cli.schema.SqlTokens.Token;

/**
 * What SQLite's pragmas do not tell about a table and only its CREATE TABLE text does: CHECK
 * expressions, constraint names, DEFERRABLE clauses, generated columns, collations, WITHOUT
 * ROWID and AUTOINCREMENT. https://www.sqlite.org/lang_createtable.html
 */
record CreateTableText(
    Map<String, ColumnText> columns,
    List<String> checks,
    List<KeyText> keys,
    boolean withoutRowid,
    boolean autoIncrement) {

  /** Column clauses, by lower-case column name. */
  record ColumnText(String check, String generated, String collation) {}

  /** A REFERENCES clause: its constraint name (or null), child columns, parent and deferral. */
  record KeyText(
      String name, List<String> columns, String parent, boolean deferrable,
      boolean initiallyDeferred) {}

  static CreateTableText parse(String sql) {
    List<Token> all = SqlTokens.of(sql, 0, sql.length());
    int open = 0;
    while (open < all.size() && !all.get(open).is("(")) {
      open++;
    }
    int close = SqlTokens.matching(all, open);
    Map<String, ColumnText> columns = new HashMap<>();
    List<String> checks = new ArrayList<>();
    List<KeyText> keys = new ArrayList<>();
    boolean autoIncrement = false;
    for (List<Token> part : parts(all.subList(open + 1, close))) {
      if (part.isEmpty()) {
        continue;
      }
      Token first = part.get(0);
      boolean constraint = !first.quoted()
          && List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN").contains(first.upper());
      if (constraint) {
        tableConstraint(sql, part, checks, keys);
      } else {
        autoIncrement |= part.stream().anyMatch(t -> t.is("AUTOINCREMENT"));
        columns.put(first.text().toLowerCase(Locale.ROOT), column(sql, part, keys));
      }
    }
    List<Token> tail = all.subList(Math.min(close + 1, all.size()), all.size());
    boolean withoutRowid = tail.stream().anyMatch(t -> t.is("WITHOUT"));
    return new CreateTableText(columns, checks, keys, withoutRowid, autoIncrement);
  }

  private static List<List<Token>> parts(List<Token> body) {
    List<List<Token>> parts = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    for (Token t : body) {
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (t.is(",") && depth == 0) {
        parts.add(current);
        current = new ArrayList<>();
        continue;
      }
      current.add(t);
    }
    parts.add(current);
    return parts;
  }

  private static ColumnText column(String sql, List<Token> part, List<KeyText> keys) {
    String check = null;
    String generated = null;
    String collation = null;
    String constraintName = null;
    for (int i = 1; i < part.size(); i++) {
      Token t = part.get(i);
      if (t.is("CONSTRAINT") && i + 1 < part.size()) {
        constraintName = part.get(++i).text();
      } else if (t.is("CHECK") && i + 1 < part.size() && part.get(i + 1).is("(")) {
        int end = SqlTokens.matching(part, i + 1);
        check = inside(sql, part, i + 1, end);
        constraintName = null;
        i = end;
      } else if (t.is("AS") && i + 1 < part.size() && part.get(i + 1).is("(")) {
        int end = SqlTokens.matching(part, i + 1);
        generated = inside(sql, part, i + 1, end);
        i = end;
      } else if (t.is("COLLATE") && i + 1 < part.size()) {
        collation = part.get(++i).text();
      } else if (t.is("REFERENCES")) {
        keys.add(references(part, i, constraintName, List.of(part.get(0).text())));
      }
    }
    return new ColumnText(check, generated, collation);
  }

  private static void tableConstraint(
      String sql, List<Token> part, List<String> checks, List<KeyText> keys) {
    String name = null;
    int i = 0;
    if (part.get(0).is("CONSTRAINT") && part.size() > 1) {
      name = part.get(1).text();
      i = 2;
    }
    if (i >= part.size()) {
      return;
    }
    if (part.get(i).is("CHECK") && i + 1 < part.size()) {
      checks.add(inside(sql, part, i + 1, SqlTokens.matching(part, i + 1)));
    } else if (part.get(i).is("FOREIGN")) {
      int open = i;
      while (open < part.size() && !part.get(open).is("(")) {
        open++;
      }
      int end = SqlTokens.matching(part, open);
      List<String> columns = names(part, open, end);
      for (int r = end; r < part.size(); r++) {
        if (part.get(r).is("REFERENCES")) {
          keys.add(references(part, r, name, columns));
          break;
        }
      }
    }
  }

  /** {@code REFERENCES parent [(cols)] [ON ...] [[NOT] DEFERRABLE [INITIALLY DEFERRED]]}. */
  private static KeyText references(
      List<Token> part, int at, String name, List<String> columns) {
    String parent = part.get(at + 1).text();
    boolean deferrable = false;
    boolean initiallyDeferred = false;
    for (int i = at + 2; i < part.size(); i++) {
      Token t = part.get(i);
      if (t.is("DEFERRABLE")) {
        deferrable = !part.get(i - 1).is("NOT");
      } else if (t.is("INITIALLY") && i + 1 < part.size()) {
        initiallyDeferred = deferrable && part.get(i + 1).is("DEFERRED");
      } else if (t.is("CONSTRAINT") || t.is("CHECK") || t.is("REFERENCES")) {
        break;
      }
    }
    return new KeyText(name, columns, parent, deferrable, initiallyDeferred);
  }

  private static List<String> names(List<Token> part, int open, int close) {
    List<String> names = new ArrayList<>();
    for (int i = open + 1; i < close; i++) {
      if (!part.get(i).is(",")) {
        names.add(part.get(i).text());
      }
    }
    return names;
  }

  /** The text between the parentheses at token {@code open} and token {@code close}, as written. */
  private static String inside(String sql, List<Token> part, int open, int close) {
    return sql.substring(part.get(open).end(), part.get(close).start()).trim();
  }
}
