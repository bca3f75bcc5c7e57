package keystone.engine.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pieces of the SQL the processor writes ({@code processor/.../sql/EntitySql}), for the
 * connection to recognise a generated statement it must run differently on an older SQLite.
 */
final class GeneratedSql {
  /** One name as the processor writes it: bare, or double-quoted with quotes doubled. */
  static final String IDENT = "(?:\"(?:[^\"]|\"\")*\"|\\w+)";
  /** A list of names, as in a column list or a conflict target. */
  static final String IDENTS = IDENT + "(?:, " + IDENT + ")*";
  private static final Pattern ONE_IDENT = Pattern.compile(IDENT);

  private GeneratedSql() {}

  /** The names of an {@link #IDENTS} match, as written. */
  static List<String> identifiers(String list) {
    List<String> names = new ArrayList<>();
    Matcher m = ONE_IDENT.matcher(list);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  /** The 1-based position of each of {@code names} in {@code columns}, or null if one is not. */
  static int[] positions(List<String> columns, List<String> names) {
    int[] positions = new int[names.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = columns.indexOf(names.get(i)) + 1;
      if (positions[i] == 0) {
        return null;
      }
    }
    return positions;
  }
}
