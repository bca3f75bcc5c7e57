package keystone.tests.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import keystone.engine.sqlite.SortableDecimal;
import keystone.testing.SqlitePlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SQLite holds for each built-in type, and the SQLite functions README.md promises. */
class SqliteFormsTest {
  @TempDir Path dir;

  private MomentDatabase open(String file) {
    return SqlitePlatform.installed().builder(MomentDatabase.class, dir.resolve(file)).build();
  }

  @Test
  void storedFormsAndDateFunctions() {
    try (MomentDatabase db = open("m.db")) {
      db.moments().insert(new Moment(1, Instant.parse("1969-12-31T23:59:58.5Z"),
          OffsetDateTime.parse("2024-05-01T12:00:00+02:00"), LocalDate.parse("2024-02-29"),
          LocalDateTime.parse("2024-02-29T13:14:15.5"), LocalTime.parse("09:05"),
          Duration.ofMillis(-1500), UUID.fromString("123E4567-E89B-12D3-A456-426614174000"),
          new BigDecimal("12.50"), BigInteger.TEN.pow(30)));
      List<Object[]> rows = db.query("SELECT at, stamped, day, local, clock, took, ref, amount,"
          + " big FROM moments");
      assertArrayEquals(new Object[] {-1_500_000L, 1_714_557_600_000_000L, "2024-02-29",
          "2024-02-29 13:14:15.500000", "09:05:00.000000", -1_500_000L,
          "123e4567-e89b-12d3-a456-426614174000", decimalForm(db, "12.50"),
          decimalForm(db, "1" + "0".repeat(30))}, rows.get(0));
      Object[] f = db.query("SELECT date(day), strftime('%Y-%m', local), time(clock),"
          + " datetime(at / 1e6, 'unixepoch'), " + unixepoch(db, "local")
          + ", date(local, '+1 day'), local < datetime('2024-02-29 13:14:16') FROM moments").get(0);
      assertArrayEquals(new Object[] {"2024-02-29", "2024-02", "09:05:00",
          "1969-12-31 23:59:58", 1_709_212_455L, "2024-03-01", 1L}, f);
    }
  }

  /**
   * How a decimal is stored: plain text under the desktop's {@code decimal} collation, the
   * order-preserving text where SQLite cannot register it (Android, README).
   */
  private static String decimalForm(MomentDatabase db, String plain) {
    return hasDecimalCollation(db) ? plain : SortableDecimal.text(new BigDecimal(plain));
  }

  private static boolean hasDecimalCollation(MomentDatabase db) {
    String ddl = (String) db.query("SELECT sql FROM sqlite_master WHERE name = 'moments'")
        .get(0)[0];
    return ddl.contains("COLLATE decimal");
  }

  /** unixepoch() is SQLite 3.38's; before it (Android's 3.32) strftime('%s') says the same. */
  private static String unixepoch(MomentDatabase db, String column) {
    String version = (String) db.query("SELECT sqlite_version()").get(0)[0];
    String[] parts = version.split("\\.");
    boolean has = Integer.parseInt(parts[0]) > 3 || Integer.parseInt(parts[1]) >= 38;
    return has ? "unixepoch(" + column + ")" : "CAST(strftime('%s', " + column + ") AS INTEGER)";
  }

  @Test
  void textFormsRefuseYearsThatWouldBreakTheirOrder() {
    try (MomentDatabase db = open("y.db")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> db.moments().insert(new Moment(1, null, null, LocalDate.of(10_000, 1, 1), null,
              null, null, null, null, null)));
      assertTrue(e.getMessage().contains("outside the years 0000-9999"), e.getMessage());
      assertEquals(List.of(), db.query("SELECT id FROM moments"));
    }
  }

  @Test
  void decimalsCompareAsNumbersAndKeepTheirSpelling() {
    try (MomentDatabase db = open("d.db")) {
      String[] amounts = {"12.50", "12.5", "-12.5", "-12.50", "9.99", "100", "-0.5", "0"};
      for (int i = 0; i < amounts.length; i++) {
        db.moments().insert(new Moment(i, null, null, null, null, null, null, null,
            new BigDecimal(amounts[i]), null));
      }
      List<Object> ordered = db.query("SELECT amount FROM moments ORDER BY amount").stream()
          .map(r -> SortableDecimal.readable(r[0])).toList();
      if (hasDecimalCollation(db)) {
        // As SQLite's own decimal collation orders them: equal numbers, fewer digits first
        // (towards zero), so the sqlite3 shell agrees with the file's indexes.
        assertEquals(List.of("-12.50", "-12.5", "-0.5", "0", "9.99", "12.5", "12.50", "100"),
            ordered);
        // sum() over decimal text is SQLite's REAL: approximate, as README says.
        assertEquals(Double.class,
            db.query("SELECT sum(amount) FROM moments").get(0)[0].getClass());
        assertEquals(1L,
            db.query("SELECT count(*) FROM moments WHERE amount = '12.5'").get(0)[0]);
      } else {
        // The order-preserving text (Android): numeric order, and between two spellings of a
        // negative number the shorter first, as README's Android section says.
        assertEquals(List.of("-12.5", "-12.50", "-0.5", "0", "9.99", "12.5", "12.50", "100"),
            ordered);
      }
      // A bound decimal is compared in the column's form on either platform.
      assertEquals(1L, db.query("SELECT count(*) FROM moments WHERE amount = ?",
          new BigDecimal("12.5")).get(0)[0]);
      assertEquals(3L, db.query("SELECT count(*) FROM moments WHERE amount > ?",
          new BigDecimal("9.99")).get(0)[0]);
    }
  }
}
