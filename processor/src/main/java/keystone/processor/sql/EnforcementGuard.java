package keystone.processor.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots SQL that would switch enforcement off. The engine refuses it at run time too; this makes
 * it a compile error inside {@code @Query}. https://www.sqlite.org/pragma.html
 */
public final class EnforcementGuard {
  private static final Pattern PRAGMA =
      Pattern.compile(
          "\\bPRAGMA\\s+(?:[A-Za-z_][A-Za-z0-9_]*\\s*\\.\\s*)?([A-Za-z_]+)\\s*"
              + "(?:=\\s*|\\(\\s*)?['\"]?([A-Za-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);
  /**
   * PostgreSQL's ways around foreign keys, which the engine refuses in raw SQL: replica mode skips
   * the triggers that enforce keys, and a disabled trigger is a disabled key.
   * https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-SESSION-REPLICATION-ROLE
   */
  private static final Pattern POSTGRES =
      Pattern.compile(
          "\\b(?:SET|RESET)\\s+(?:SESSION\\s+|LOCAL\\s+)?session_replication_role\\b"
              + "|\\bALTER\\s+TABLE\\b[^;]*?\\bDISABLE\\s+TRIGGER\\b",
          Pattern.CASE_INSENSITIVE);

  private EnforcementGuard() {}

  /** Like {@link #offending} for a statement that runs on PostgreSQL. */
  public static Optional<String> offendingOnPostgres(String sql) {
    Matcher m = POSTGRES.matcher(sql);
    return m.find() ? Optional.of(m.group().replaceAll("\\s+", " ").trim()) : offending(sql);
  }

  /** The offending pragma as written, or empty. */
  public static Optional<String> offending(String sql) {
    Matcher m = PRAGMA.matcher(sql);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String value = m.group(2).toLowerCase(Locale.ROOT);
      boolean off = value.equals("off") || value.equals("0") || value.equals("false")
          || value.equals("no");
      boolean on = value.equals("on") || value.equals("1") || value.equals("true")
          || value.equals("yes");
      boolean bad =
          switch (name) {
            case "foreign_keys" -> off;
            case "ignore_check_constraints", "legacy_alter_table" -> on;
            case "writable_schema" -> true;
            default -> false;
          };
      if (bad) {
        return Optional.of(m.group().trim());
      }
    }
    return Optional.empty();
  }
}
