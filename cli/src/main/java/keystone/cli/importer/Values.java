package keystone.cli.importer;

import java.util.Locale;
import java.util.Map;
import keystone.cli.importer.JavaType.Kind;
import keystone.cli.schema.SourceSchema.Column;

/**
 * Which SQLite columns become a built-in value type. Only a declared type that names one
 * exactly ({@code DATE}, {@code DATETIME}/{@code TIMESTAMP}, {@code TIME}, {@code UUID}) is a
 * candidate, and only when every value in the column, and the default, already has Keystone's
 * stored form for it (README "Column types"): mapping must never make the file's own rows read
 * differently, compare differently or fail to parse. Instants, durations and decimals are never
 * mapped on SQLite: an INTEGER cannot say whether it counts seconds, milliseconds or Keystone's
 * microseconds, and a DECIMAL column holds SQLite numbers where Keystone keeps decimal text.
 */
final class Values {
  private static final String D = "[0-9]";
  private static final String H = "[0-9a-f]";

  /** A value type: the SQL that says a stored value has its form, and the form in words. */
  private record Form(Kind kind, String fits, String words, boolean currentDate) {}

  private static final Map<String, Form> BY_DECLARED = Map.of(
      "DATE", new Form(Kind.LOCAL_DATE, "typeof(v) = 'text' AND length(v) = 10 AND date(v) IS v",
          "yyyy-MM-dd text", true),
      "DATETIME", dateTime(),
      "TIMESTAMP", dateTime(),
      "TIME", new Form(Kind.LOCAL_TIME, "typeof(v) = 'text' AND length(v) = 15 AND v GLOB '"
          + D + D + ":" + D + D + ":" + D + D + "." + D.repeat(6) + "' AND time(v) IS"
          + " substr(v, 1, 8)", "HH:mm:ss.SSSSSS text", false),
      "UUID", new Form(Kind.UUID, "typeof(v) = 'text' AND length(v) = 36 AND v GLOB '"
          + H.repeat(8) + "-" + H.repeat(4) + "-" + H.repeat(4) + "-" + H.repeat(4) + "-"
          + H.repeat(12) + "'", "canonical lower-case UUID text", false));

  private final ColumnValues values;

  /** The type chosen ({@code null}: the plain one) and why, for the output ({@code null}: n/a). */
  record Choice(Kind kind, String why) {}

  Values(ColumnValues values) {
    this.values = values;
  }

  private static Form dateTime() {
    return new Form(Kind.LOCAL_DATE_TIME, "typeof(v) = 'text' AND length(v) = 26 AND v GLOB '"
        + D.repeat(4) + "-" + D + D + "-" + D + D + " " + D + D + ":" + D + D + ":" + D + D + "."
        + D.repeat(6) + "' AND datetime(v) IS substr(v, 1, 19)",
        "yyyy-MM-dd HH:mm:ss.SSSSSS text", false);
  }

  Choice choose(String table, Column c, String declared) {
    Form form = BY_DECLARED.get(declared.toUpperCase(Locale.ROOT));
    if (form == null) {
      return new Choice(null, null);
    }
    String what = table + "." + c.name() + " " + declared + ": ";
    String dflt = c.defaultValue() == null ? null : c.defaultValue().trim();
    boolean defaultFits = dflt == null || dflt.equalsIgnoreCase("NULL")
        || form.currentDate() && dflt.equalsIgnoreCase("CURRENT_DATE");
    if (!defaultFits) {
      return new Choice(null, what + "kept as String: its DEFAULT " + dflt + " does not write "
          + form.words());
    }
    ColumnValues.Seen seen = values.check(table, c.name(), form.fits());
    if (!seen.fits()) {
      return new Choice(null, what + "kept as String: " + seen.describe(form.words()));
    }
    return new Choice(form.kind(), what + form.kind().boxed + ", as " + seen.describe(
        form.words()) + " (Keystone's stored form)");
  }
}
