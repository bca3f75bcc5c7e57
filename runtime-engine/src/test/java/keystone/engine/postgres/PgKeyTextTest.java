package keystone.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import keystone.engine.spi.ValueType;
import org.junit.jupiter.api.Test;

/** PostgreSQL's output text for a key, in any session time zone, printed as the Java value. */
class PgKeyTextTest {
  @Test
  void timestampsWithAnyOffsetPrintAtUtc() {
    assertEquals("2024-05-01T10:15:30Z", text(ValueType.INSTANT, "2024-05-01 10:15:30+00"));
    assertEquals("2024-05-01T10:15:30Z", text(ValueType.INSTANT, "2024-05-01 15:45:30+05:30"));
    assertEquals("2024-05-01T10:15:30.123456Z",
        text(ValueType.INSTANT, "2024-05-01 00:45:30.123456-09:30"));
    // Local mean time before time zones: an offset with seconds (Europe/Berlin in 1800).
    assertEquals("1800-01-01T00:00:00Z", text(ValueType.INSTANT, "1800-01-01 00:53:28+00:53:28"));
    assertEquals("0000-01-01T00:00:00Z", text(ValueType.INSTANT, "0001-01-01 00:00:00+00 BC"));
    assertEquals("2024-05-01T10:15:30Z",
        text(ValueType.OFFSET_DATE_TIME, "2024-05-01 12:15:30+02"));
  }

  @Test
  void datesTimesAndIntervals() {
    assertEquals("2024-05-01", text(ValueType.LOCAL_DATE, "2024-05-01"));
    assertEquals("2024-05-01T07:30", text(ValueType.LOCAL_DATE_TIME, "2024-05-01 07:30:00"));
    assertEquals("2024-05-01T07:30:00.000001",
        text(ValueType.LOCAL_DATE_TIME, "2024-05-01 07:30:00.000001"));
    assertEquals("07:30:00.500", text(ValueType.LOCAL_TIME, "07:30:00.5"));
    assertEquals("PT1H", text(ValueType.DURATION, "01:00:00"));
    assertEquals("PT26H3M4.5S", text(ValueType.DURATION, "26:03:04.5"));
    assertEquals("PT49H", text(ValueType.DURATION, "2 days 01:00:00"));
    assertEquals("PT-0.000001S", text(ValueType.DURATION, "-00:00:00.000001"));
  }

  @Test
  void otherTypes() {
    assertEquals("12.50", text(ValueType.BIG_DECIMAL, "12.50"));
    assertEquals("true", text(ValueType.BOOLEAN, "t"));
    assertEquals("[1, -1]", text(ValueType.BYTES, "\\x01ff"));
    assertEquals("6f1c2e3a-0b4d-4e5f-8a9b-0c1d2e3f4a5b",
        text(ValueType.UUID, "6f1c2e3a-0b4d-4e5f-8a9b-0c1d2e3f4a5b"));
    assertEquals("42", text(ValueType.LONG, "42"));
  }

  @Test
  void textInAnotherFormPrintsAsItIs() {
    assertEquals("infinity", text(ValueType.INSTANT, "infinity"));
    assertEquals("2024-05-01 10:15:30", text(ValueType.INSTANT, "2024-05-01 10:15:30"));
    assertEquals("24:00:00", text(ValueType.LOCAL_TIME, "24:00:00"));
    assertEquals("null", text(ValueType.INSTANT, null));
  }

  private static String text(ValueType type, String pg) {
    return PgKeyText.text(type, pg);
  }
}
