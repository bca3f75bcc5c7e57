package keystone.engine.sqlite;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The {@code decimal} collation that Keystone's {@code BigDecimal} and {@code BigInteger} columns
 * are declared with: text compared as the numbers it spells, so ORDER BY, {@code <}, min and max
 * and indexes follow the numeric order while the text keeps its scale ({@code 12.50} stays
 * {@code 12.50}).
 *
 * <p>It orders exactly as the collation of the same name in SQLite's own decimal extension
 * (https://sqlite.org/src/file/ext/misc/decimal.c, built into the {@code sqlite3} shell), so that
 * tool reads, sorts and checks these files too: numerically, and between two spellings of one
 * number the one with fewer digits first ({@code 12.5} before {@code 12.50}; the other way round
 * below zero). The two spellings are therefore different values to {@code =} and UNIQUE, as they
 * are to {@link BigDecimal#equals}. Text that is not a number sorts after every number.
 */
public final class DecimalCollation implements Comparator<String> {
  public static final String NAME = "decimal";
  public static final DecimalCollation ORDER = new DecimalCollation();

  private DecimalCollation() {}

  @Override
  public int compare(String a, String b) {
    BigDecimal x = parse(a);
    BigDecimal y = parse(b);
    if (x == null || y == null) {
      return x != null ? -1 : y != null ? 1 : a.compareTo(b);
    }
    int byValue = x.compareTo(y);
    if (byValue != 0) {
      return byValue;
    }
    // Equal numbers: more digits sort later, as decimal.c's tie on digit count does.
    int byDigits = Integer.compare(x.scale(), y.scale());
    return x.signum() < 0 ? -byDigits : byDigits;
  }

  private static BigDecimal parse(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
