package keystone.android;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dialect's BEGIN, COMMIT and ROLLBACK, recognised so the driver can run them as savepoints.
 *
 * <p>Android intercepts any statement it classifies as BEGIN, COMMIT or ROLLBACK
 * ({@code DatabaseUtils.getSqlStatementType}, before {@code SQLiteSession.executeSpecial}) and turns
 * it into its own transaction calls, whose COMMIT failing leaves SQLite inside the transaction
 * while Android believes it ended. It never intercepts SAVEPOINT, RELEASE or ROLLBACK TO, at any
 * level (measured at API 28, 33 and 35). A SAVEPOINT outside a transaction opens one, and its
 * RELEASE commits it (https://www.sqlite.org/lang_savepoint.html), so Android never learns of
 * Keystone's transactions and its view of the connection cannot differ from SQLite's.
 */
enum TransactionControl {
  BEGIN_DEFERRED,
  BEGIN_IMMEDIATE,
  COMMIT,
  ROLLBACK;

  private static final Pattern SQL = Pattern.compile(
      "\\s*(BEGIN(?:\\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?|COMMIT|END|ROLLBACK)"
          + "(?:\\s+TRANSACTION)?\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  /** What {@code sql} is, or null when it is no whole-transaction statement. */
  static TransactionControl of(String sql) {
    if (sql.length() > 40) {
      return null;
    }
    Matcher matcher = SQL.matcher(sql);
    if (!matcher.matches()) {
      return null;
    }
    String verb = matcher.group(1).toUpperCase(Locale.ROOT);
    if (verb.startsWith("BEGIN")) {
      return matcher.group(2) == null || matcher.group(2).equalsIgnoreCase("DEFERRED")
          ? BEGIN_DEFERRED
          : BEGIN_IMMEDIATE;
    }
    return verb.equals("ROLLBACK") ? ROLLBACK : COMMIT;
  }
}
