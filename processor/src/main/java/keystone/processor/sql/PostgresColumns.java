package keystone.processor.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;

/** PostgreSQL's types and defaults for the entities' columns. */
public final class PostgresColumns {
  private static final Pattern BLOB_LITERAL = Pattern.compile("[xX]'([0-9A-Fa-f]*)'");

  private PostgresColumns() {}

  static PostgresColumn of(EntityModel entity, ColumnModel c, boolean singleKey) {
    boolean key = entity.isPrimaryKey(c);
    return new PostgresColumn(c.name(), c.stored().postgres(), Ddl.rowidAlias(entity, c),
        key || !c.nullable(), key && singleKey, c.defaultValue(), c.postgresDefault(), c.unique(),
        c.check());
  }

  /**
   * The default as PostgreSQL reads it. SQLite stores booleans as 0 and 1, but PostgreSQL has no
   * integer-to-boolean assignment cast, so those become FALSE and TRUE; a blob literal
   * {@code X'00ff'} would be a bit string there and becomes the bytea literal {@code '\x00ff'}.
   * Anything else is written as declared.
   *
   * @param type the column's PostgreSQL type
   */
  public static String defaultValue(String type, String declared) {
    String value = declared.trim();
    if (type.equals("BOOLEAN")) {
      switch (value.toLowerCase(Locale.ROOT)) {
        case "0", "false":
          return "FALSE";
        case "1", "true":
          return "TRUE";
        default:
          return declared;
      }
    }
    Matcher blob = BLOB_LITERAL.matcher(value);
    if (type.equals("BYTEA") && blob.matches()) {
      return "'\\x" + blob.group(1) + "'";
    }
    return declared;
  }
}
