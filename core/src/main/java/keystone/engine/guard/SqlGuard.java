package keystone.engine.guard;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import keystone.engine.KeystoneException;

/**
 * Keeps raw SQL from switching foreign-key enforcement off or taking over transaction control.
 * Statements are classified whole, before any of them runs, so a refused statement anywhere in
 * a multi-statement string stops all of it.
 */
public final class SqlGuard {
  /** Said whenever SQL would switch enforcement off; the processor uses the same words. */
  public static final String ENFORCEMENT_ALWAYS_ON =
      "Keystone keeps foreign-key enforcement always on, so %s is refused. To write rows in any"
          + " order, defer the checks to commit with db.deferForeignKeys() (PRAGMA"
          + " defer_foreign_keys = ON) inside runInTransaction.";

  private static final Pattern PRAGMA =
      Pattern.compile(
          "(?is)PRAGMA\\s+(?:[\\w\"`\\[\\]]+\\s*\\.\\s*)?[\"`\\[]?(\\w+)[\"`\\]]?"
              + "\\s*(?:=\\s*(.+?)|\\(\\s*(.+?)\\s*\\))?\\s*");
  private static final Set<String> TRUE_WORDS = Set.of("on", "1", "true", "yes");
  private static final Set<String> FALSE_WORDS = Set.of("off", "0", "false", "no");
  private static final Set<String> TRANSACTION_CONTROL =
      Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");
  private static final Set<String> READ_WORDS = Set.of("SELECT", "VALUES", "EXPLAIN");

  private SqlGuard() {}

  /** Splits {@code sql} into statements and classifies each; throws if any is refused. */
  public static List<GuardedStatement> check(String sql) {
    List<String> parts = SqlSplitter.split(sql);
    if (parts.isEmpty()) {
      throw new KeystoneException("No SQL statement in: " + sql);
    }
    // Not Stream.toList(), which Android 9 (API 28) lacks; the same unmodifiable list.
    return parts.stream().map(s -> new GuardedStatement(s, classify(s)))
        .collect(Collectors.collectingAndThen(Collectors.toList(), Collections::unmodifiableList));
  }

  /** The statements of {@code sql}, split where SQLite would end each. */
  public static List<String> split(String sql) {
    return SqlSplitter.split(sql);
  }

  /** The statements of {@code sql}, split where PostgreSQL would end each. */
  public static List<String> splitPostgres(String sql) {
    return SqlSplitter.split(sql, true);
  }

  /** Classifies one statement; throws a KeystoneException if Keystone refuses it. */
  public static StatementKind classify(String statement) {
    String text = stripComments(statement).strip();
    String first = firstWord(text);
    if (TRANSACTION_CONTROL.contains(first)) {
      throw new KeystoneException(
          "Transaction control (" + first + ") is refused in raw SQL: Keystone runs every call"
              + " atomically; use db.runInTransaction(...) for a transaction of several calls.");
    }
    if (first.equals("ATTACH") || first.equals("DETACH")) {
      throw new KeystoneException(
          first + " is refused: Keystone enforces foreign keys on the one database file it"
              + " opened, and SQLite cannot enforce keys between attached files. Open the other"
              + " file as a Keystone database of its own.");
    }
    if (first.equals("PRAGMA")) {
      return classifyPragma(text);
    }
    return READ_WORDS.contains(first) ? StatementKind.READ : StatementKind.WRITE;
  }

  private static StatementKind classifyPragma(String text) {
    Matcher m = PRAGMA.matcher(text);
    if (!m.matches()) {
      return StatementKind.WRITE;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    String raw = m.group(2) != null ? m.group(2) : m.group(3);
    String value = raw == null ? null : unquote(raw.strip()).toLowerCase(Locale.ROOT);
    switch (name) {
      case "foreign_keys":
        refuseIf(value != null && !TRUE_WORDS.contains(value), "PRAGMA foreign_keys = " + raw);
        break;
      case "ignore_check_constraints":
        refuseIf(value != null && !FALSE_WORDS.contains(value), "PRAGMA ignore_check_constraints");
        break;
      case "legacy_alter_table":
        refuseIf(value != null && !FALSE_WORDS.contains(value), "PRAGMA legacy_alter_table");
        break;
      case "writable_schema":
        refuseIf(true, "PRAGMA writable_schema");
        break;
      case "defer_foreign_keys":
        if (value != null) {
          return TRUE_WORDS.contains(value) ? StatementKind.DEFER_ON : StatementKind.DEFER_OFF;
        }
        break;
      default:
        break;
    }
    return value == null ? StatementKind.READ : StatementKind.WRITE;
  }

  private static void refuseIf(boolean refused, String what) {
    if (refused) {
      throw new KeystoneException(String.format(ENFORCEMENT_ALWAYS_ON, what));
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char c = value.charAt(0);
      if ((c == '\'' || c == '"' || c == '`') && value.charAt(value.length() - 1) == c) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end).toUpperCase(Locale.ROOT);
  }

  /** The statement with comments replaced by a space, quotes kept. */
  static String stripComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      int end = SqlSplitter.skipQuotedOrComment(sql, i);
      char c = sql.charAt(i);
      boolean comment = end > i && (c == '-' || c == '/');
      if (comment) {
        out.append(' ');
        i = end;
      } else if (end > i) {
        out.append(sql, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** One statement of a raw SQL string, with what the guard made of it. */
  public record GuardedStatement(String sql, StatementKind kind) {}
}
