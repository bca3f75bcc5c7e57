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

  private EnforcementGuard() {}

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
