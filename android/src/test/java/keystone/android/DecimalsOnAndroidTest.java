package keystone.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import keystone.android.fixture.Price;
import keystone.android.fixture.Sale;
import keystone.android.fixture.Till;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.UniqueViolationException;
import keystone.engine.sqlite.jdbc.SqliteJdbcDriver;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * BigDecimal and BigInteger on Android, whose SQLite cannot register the decimal collation:
 * stored in an order-preserving text, so SQL's own comparisons follow the numbers.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {28, 33, 35})
public class DecimalsOnAndroidTest {
  private static final BigDecimal TEN = new BigDecimal("10.00");
  private static final BigDecimal NINE_FIFTY = new BigDecimal("9.50");

  private Context context;
  private Till db;

  @Before
  public void open() {
    context = RuntimeEnvironment.getApplication();
    db = KeystoneAndroid.builder(context, Till.class).name("till.db").build();
    db.till().insert(new Price(TEN, "ten"), new Price(NINE_FIFTY, "nine fifty"),
        new Price(new BigDecimal("-2.5"), "refund"));
  }

  @After
  public void close() {
    db.close();
  }

  private Sale sale(BigDecimal amount, String serial) {
    return new Sale(0, amount, new BigDecimal(serial), BigInteger.TEN.pow(30).negate());
  }

  @Test
  public void theSchemaHasNoDecimalCollationAndValuesRoundTripWithTheirScale() {
    String ddl = (String) db.query("SELECT sql FROM sqlite_master WHERE name = 'sales'").get(0)[0];
    assertFalse(ddl, ddl.toLowerCase(java.util.Locale.ROOT).contains("decimal"));
    db.till().insert(sale(TEN, "100.000"));
    Sale back = db.till().bySerial().get(0);
    assertEquals(new BigDecimal("100.000"), back.serial());
    assertEquals(TEN, back.amount());
    assertEquals(BigInteger.TEN.pow(30).negate(), back.units());
  }

  @Test
  public void orderRangesAndMaxFollowTheNumbers() {
    for (String serial : new String[] {"9", "-1.5", "100", "10.25", "-20", "0.001", "99.99"}) {
      db.till().insert(sale(TEN, serial));
    }
    assertEquals(List.of("-20", "-1.5", "0.001", "9", "10.25", "99.99", "100"),
        db.till().bySerial().stream().map(s -> s.serial().toPlainString()).toList());
    assertEquals(List.of("99.99", "10.25", "9"),
        db.till().serialsBetween(new BigDecimal("0.01"), new BigDecimal("99.990"))
            .stream().map(s -> s.serial().toPlainString()).toList());
    assertEquals(new BigDecimal("100"), db.till().maxSerial());
    assertEquals(List.of("-2.5", "9.50", "10.00"),
        db.till().prices().stream().map(p -> p.amount().toPlainString()).toList());
  }

  @Test
  public void aDecimalKeyIsEnforcedAndNamed() {
    db.till().insert(sale(NINE_FIFTY, "1"));
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.till().insert(sale(new BigDecimal("9.5"), "2")));
    assertEquals("sales", e.violations().get(0).childTable());
    assertEquals("prices", e.violations().get(0).parentTable());
    // The key reads as on the desktop, not in its stored form.
    assertEquals(List.of("9.5"), e.violations().get(0).key());
    assertTrue(e.getMessage(), e.getMessage().contains("key (amount)=(9.5) is not present"));
    assertEquals(1, db.till().bySerial().size());
  }

  @Test
  public void uniqueComparesTheStoredValue() {
    db.till().insert(sale(TEN, "7.25"));
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> db.till().insert(sale(TEN, "7.25")));
    assertEquals(List.of("serial"), e.columns());
    // Another spelling of the same number is another value, as under the desktop's collation.
    db.till().insert(sale(TEN, "7.250"));
    assertEquals(2, db.till().bySerial().size());
  }

  @Test
  public void aFileMadeOnTheDesktopIsRefusedWithTheReason() throws Exception {
    File desktop = desktopMadeFile();
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> KeystoneAndroid.builder(context, Till.class).name("shipped.db")
            .createFrom(desktop).build());
    assertTrue(e.getMessage(), e.getMessage().contains("written by Keystone on sqlite-jdbc"));
    assertTrue(e.getMessage(), e.getMessage().contains("prices"));
    assertFalse(context.getDatabasePath("shipped.db").exists());
  }

  /** The same database written on the desktop's driver, whose decimals sort by a collation. */
  private File desktopMadeFile() throws Exception {
    File file = File.createTempFile("desktop-decimals", ".db");
    file.deleteOnExit();
    file.delete();
    try (Till desktop = Keystone.builder(Till.class).path(file.toPath())
        .sqliteDriver(new SqliteJdbcDriver()).build()) {
      desktop.till().insert(new Price(TEN, "ten"));
    }
    return file;
  }
}
