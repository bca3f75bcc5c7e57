package keystone.tests.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Query(postgres = ...)}: the same DAO on a SQLite file and on PostgreSQL runs SQLite's
 * statement on one and the variant on the other, binds the same parameters, expands the same
 * {@code IN} lists, and returns the same values - which is also how a variant's result columns
 * are checked, since nothing can prepare it at compile time.
 */
class QueryVariantTest {
  private static final List<Sale> SALES = List.of(
      new Sale(1, 1, "pen", "2025-01-05", 300),
      new Sale(2, 1, "ink", "2025-01-20", 900),
      new Sale(3, 2, "pad", "2025-02-01", 450),
      new Sale(4, 1, "nib", "2025-03-31", 120),
      new Sale(5, 3, "cap", "2025-03-02", 80));

  @TempDir Path dir;
  private SaleDatabase sqlite;
  private SaleDatabase postgres;

  @BeforeEach
  void open() throws Exception {
    Postgres.freshDatabase();
    sqlite = Keystone.open(SaleDatabase.class, dir.resolve("sales.db"));
    postgres = Keystone.builder(SaleDatabase.class).postgres(Postgres.url()).build();
    for (SaleDatabase db : List.of(sqlite, postgres)) {
      db.sales().insertBuyers(new Buyer(1, "ada"), new Buyer(2, "grace"), new Buyer(3, "linus"));
      db.sales().insertSales(SALES);
    }
  }

  @AfterEach
  void close() {
    sqlite.close();
    postgres.close();
  }

  @Test
  void sqliteSpellingDoesNotRunOnPostgres() {
    assertThrows(KeystoneException.class,
        () -> postgres.query("SELECT strftime('%Y-%m', sold_on) FROM sales"));
  }

  @Test
  void dynamicInListsExpandInBothStatements() {
    List<MonthTotal> expected = List.of(
        new MonthTotal("2025-01", "pen,ink", 1200),
        new MonthTotal("2025-02", "pad", 450),
        new MonthTotal("2025-03", "nib", 120));
    assertEquals(expected, sqlite.sales().monthly(List.of(1L, 2L), 100));
    assertEquals(expected, postgres.sales().monthly(List.of(1L, 2L), 100));
    List<MonthTotal> large = List.of(new MonthTotal("2025-01", "ink", 900),
        new MonthTotal("2025-02", "pad", 450));
    assertEquals(large, sqlite.sales().monthly(List.of(1L, 2L, 3L), 400));
    assertEquals(large, postgres.sales().monthly(List.of(1L, 2L, 3L), 400));
  }

  @Test
  void emptyInListMatchesNothingOnBoth() {
    assertEquals(List.of(), sqlite.sales().monthly(List.of(), 0));
    assertEquals(List.of(), postgres.sales().monthly(List.of(), 0));
  }

  @Test
  void staticVariantWithAScalarResult() {
    for (SaleDatabase db : List.of(sqlite, postgres)) {
      assertEquals(85L, db.sales().daysSpanned(1));
      assertEquals(0L, db.sales().daysSpanned(2));
      assertEquals(null, db.sales().daysSpanned(99));
    }
  }

  @Test
  void writeVariantChangesTheSameRows() {
    assertEquals(2, sqlite.sales().postpone(30, 2, 4));
    assertEquals(2, postgres.sales().postpone(30, 2, 4));
    assertEquals(0, postgres.sales().postpone(30));
    List<Sale> rows = sqlite.sales().all();
    assertEquals(rows, postgres.sales().all());
    assertEquals("2025-02-19", rows.get(1).soldOn());
    assertEquals("2025-04-30", rows.get(3).soldOn());
    assertEquals("2025-01-05", rows.get(0).soldOn());
  }
}
