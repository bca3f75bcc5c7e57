package keystone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import keystone.engine.sqlite.SortableDecimal;
import org.junit.jupiter.api.Test;

/** The decimal form Android's SQLite stores: exact round trip, and byte order = numeric order. */
class SortableDecimalTest {
  private static List<BigDecimal> values() {
    List<BigDecimal> values = new ArrayList<>();
    for (String fixed : new String[] {"0", "0.00", "-0", "1", "-1", "12.5", "12.50", "-12.5",
        "-12.50", "0.001", "-0.001", "1E+30", "-1E+30", "1E-30", "-1E-30", "999.999", "1000",
        "-1000", "-999.999", "0.1", "0.10", "-0.1", "123456789012345678901234567890.123456789"}) {
      values.add(new BigDecimal(fixed));
    }
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal v = new BigDecimal(
          new BigInteger(random.nextInt(80) + 1, random), random.nextInt(60) - 30);
      values.add(random.nextBoolean() ? v.negate() : v);
    }
    return values;
  }

  @Test
  void roundTripsWithItsScale() {
    for (BigDecimal v : values()) {
      BigDecimal expected = v.scale() < 0 ? v.setScale(0) : v;
      assertEquals(expected, SortableDecimal.decimal(SortableDecimal.text(v)), v.toString());
    }
    assertEquals("2 2000000002 125 12.50", SortableDecimal.text(new BigDecimal("12.50")));
    assertEquals("0 1999999998 874~ -12.50", SortableDecimal.text(new BigDecimal("-12.50")));
    assertEquals(new BigDecimal("7.5"), SortableDecimal.decimal("7.5"));
  }

  @Test
  void textOrderIsNumericOrder() {
    List<BigDecimal> byText = new ArrayList<>(values());
    // String order is SQLite's BINARY order for this ASCII text.
    byText.sort(Comparator.comparing(SortableDecimal::text));
    for (int i = 1; i < byText.size(); i++) {
      assertTrue(byText.get(i - 1).compareTo(byText.get(i)) <= 0,
          byText.get(i - 1) + " sorted before " + byText.get(i));
    }
  }
}
