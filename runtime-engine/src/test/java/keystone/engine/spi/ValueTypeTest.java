package keystone.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import keystone.ForeignKey.Action;
import keystone.engine.ForeignKeyViolation;
import org.junit.jupiter.api.Test;

/** How a key stored by SQLite prints, and what happens when the schema does not say its type. */
class ValueTypeTest {
  @Test
  void sqliteFormsPrintAsTheJavaValues() {
    assertEquals("2024-05-01T10:15:30Z", ValueType.INSTANT.sqliteText(1_714_558_530_000_000L));
    assertEquals("1969-12-31T23:59:59.999999Z", ValueType.INSTANT.sqliteText(-1L));
    assertEquals("2024-05-01T10:15:30Z",
        ValueType.OFFSET_DATE_TIME.sqliteText(1_714_558_530_000_000L));
    assertEquals("PT1H", ValueType.DURATION.sqliteText(3_600_000_000L));
    assertEquals("PT-0.5S", ValueType.DURATION.sqliteText(-500_000L));
    assertEquals("2024-05-01", ValueType.LOCAL_DATE.sqliteText("2024-05-01"));
    assertEquals("2024-05-01T07:30",
        ValueType.LOCAL_DATE_TIME.sqliteText("2024-05-01 07:30:00.000000"));
    assertEquals("07:30:00.500", ValueType.LOCAL_TIME.sqliteText("07:30:00.500000"));
    assertEquals("0000000a-0000-4000-8000-00000000000b",
        ValueType.UUID.sqliteText("0000000A-0000-4000-8000-00000000000B"));
    assertEquals("12.50", ValueType.BIG_DECIMAL.sqliteText("12.50"));
    assertEquals("0.0000001", ValueType.BIG_DECIMAL.sqliteText("0.0000001"));
    assertEquals("true", ValueType.BOOLEAN.sqliteText(1L));
    assertEquals("1.1", ValueType.FLOAT.sqliteText((double) 1.1f));
    assertEquals("[1, 2]", ValueType.BYTES.sqliteText(new byte[] {1, 2}));
    assertEquals("null", ValueType.INSTANT.sqliteText(null));
  }

  /** Raw SQL may have stored anything in a column: it prints as stored, never throws. */
  @Test
  void aValueNotInKeystonesFormPrintsAsStored() {
    assertEquals("yesterday", ValueType.INSTANT.sqliteText("yesterday"));
    assertEquals("2024-13-45", ValueType.LOCAL_DATE.sqliteText("2024-13-45"));
    assertEquals("7", ValueType.UUID.sqliteText(7L));
  }

  /** Code generated before the types were recorded: keys print as stored, as they did. */
  @Test
  void aSchemaWithoutTypesPrintsKeysAsStored() {
    Schema schema = new Schema(1, List.of(),
        List.of(new TableInfo("shifts", List.of("start"), List.of("start"), null),
            new TableInfo("bookings", List.of("id", "shift"), List.of("id"), null)),
        List.of(new ForeignKeyInfo("fk", "bookings", List.of("shift"), "shifts", List.of("start"),
            Action.NO_ACTION, Action.NO_ACTION, false)));
    ForeignKeyInfo key = schema.foreignKeys().get(0);
    assertEquals(List.of(), key.keyTypes());
    assertEquals(List.of("1714558530000000"), key.sqliteText(List.of(1_714_558_530_000_000L)));
    assertEquals(List.of("1714558530000000"), new ForeignKeyViolation("fk", "bookings",
        List.of("shift"), "shifts", List.of("start"), List.of(1_714_558_530_000_000L),
        ForeignKeyViolation.Kind.MISSING_PARENT).keyText());
  }

  @Test
  void aTypedSchemaGivesItsKeysTheChildColumnsTypes() {
    Schema schema = new Schema(1, List.of(),
        List.of(new TableInfo("shifts", List.of("start"), List.of("start"), null,
                List.of(ValueType.INSTANT)),
            new TableInfo("bookings", List.of("id", "shift"), List.of("id"), null,
                List.of(ValueType.LONG, ValueType.INSTANT))),
        List.of(new ForeignKeyInfo("fk", "bookings", List.of("SHIFT"), "shifts", List.of("start"),
            Action.NO_ACTION, Action.NO_ACTION, false)));
    assertEquals(List.of(ValueType.INSTANT), schema.foreignKeys().get(0).keyTypes());
    assertEquals(List.of("2024-05-01T10:15:30Z"),
        schema.foreignKeys().get(0).sqliteText(List.of(1_714_558_530_000_000L)));
  }
}
