package keystone.tests.keytext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.math.BigDecimal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import keystone.tests.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key in a foreign-key error reads as the Java value prints, on both engines alike: not as
 * SQLite stores it (microseconds, padded text) nor as PostgreSQL writes it (its timestamp and
 * interval text), while {@code key()} keeps the stored value.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class KeyTextTest {
  private static final String FAILED = "FOREIGN KEY constraint failed: ";
  private static final Instant MAY = Instant.parse("2024-05-01T10:15:30Z");
  private static final String BOOKING_HAS_NO_SHIFT = "insert or update on table \"bookings\""
      + " violates foreign key constraint \"fk_booking_shift\": key (shift_start)=(%s) is not"
      + " present in table \"shifts\"";
  private static final String SHIFT_STILL_BOOKED = "update or delete on table \"shifts\" violates"
      + " foreign key constraint \"fk_booking_shift\" on table \"bookings\": key (start)="
      + "(2024-05-01T10:15:30Z) is still referenced from table \"bookings\"";

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private KeyTextDatabase db;
  private KeyTextDao dao;

  @BeforeEach
  void open() {
    db = engine.open(KeyTextDatabase.class, dir);
    dao = db.dao();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aMissingInstantParentReadsAsTheInstant() {
    ForeignKeyViolationException e = refused(() -> dao.insert(new Booking(1, MAY)));
    assertEquals(FAILED + BOOKING_HAS_NO_SHIFT.formatted("2024-05-01T10:15:30Z"), e.getMessage());
    assertEquals(List.of("2024-05-01T10:15:30Z"), e.violations().get(0).keyText());
    assertEquals(0, dao.bookings());
  }

  @Test
  void microsecondsAndInstantsBefore1970() {
    Instant landing = Instant.parse("1969-07-20T20:17:40.123456Z");
    ForeignKeyViolationException e = refused(() -> dao.insert(new Booking(1, landing)));
    assertEquals(FAILED + BOOKING_HAS_NO_SHIFT.formatted("1969-07-20T20:17:40.123456Z"),
        e.getMessage());
  }

  /**
   * pgjdbc gives each session the JVM's time zone, and PostgreSQL prints a TIMESTAMPTZ in it
   * ({@code 2024-05-01 15:45:30+05:30}); the message still shows the instant at UTC.
   */
  @Test
  void aSessionInAnotherTimeZoneStillPrintsTheInstant() throws IOException {
    Files.createDirectories(dir.resolve("kolkata"));
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
    try (KeyTextDatabase kolkata = engine.open(KeyTextDatabase.class, dir.resolve("kolkata"))) {
      if (engine == TestEngine.POSTGRES) {
        assertEquals("Asia/Kolkata", kolkata.query("SHOW TimeZone").get(0)[0]);
      }
      ForeignKeyViolationException e = refused(() -> kolkata.dao().insert(new Booking(1, MAY)));
      assertEquals(FAILED + BOOKING_HAS_NO_SHIFT.formatted("2024-05-01T10:15:30Z"),
          e.getMessage());
    } finally {
      TimeZone.setDefault(before);
    }
  }

  @Test
  void keyKeepsTheStoredValue() {
    ForeignKeyViolationException e = refused(() -> dao.insert(new Booking(1, MAY)));
    ForeignKeyViolation v = e.violations().get(0);
    if (engine == TestEngine.SQLITE) {
      assertEquals(List.of(MAY.getEpochSecond() * 1_000_000L), v.key(), "microseconds");
    }
    assertEquals(Db.missingParent("fk_booking_shift", "bookings", List.of("shift_start"),
        "shifts", List.of("start"), v.key().toArray()), v,
        "a violation built from the stored key equals it: keyText is derived, not compared");
  }

  @Test
  void aLocalDatePartOfACompositeKey() {
    ForeignKeyViolationException e =
        refused(() -> dao.insert(new Duty(1, "night", LocalDate.parse("2024-05-01"))));
    assertEquals(FAILED + "insert or update on table \"duties\" violates foreign key constraint"
        + " \"fk_duty_roster\": key (team, day)=(night, 2024-05-01) is not present in table"
        + " \"rosters\"", e.getMessage());
  }

  @Test
  void aUuidKeyInCanonicalForm() {
    UUID id = UUID.fromString("6F1C2E3A-0B4D-4E5F-8A9B-0C1D2E3F4A5B");
    ForeignKeyViolationException e = refused(() -> dao.insert(new Reading(1, id)));
    assertEquals(FAILED + "insert or update on table \"readings\" violates foreign key constraint"
        + " \"fk_reading_device\": key (device)=(6f1c2e3a-0b4d-4e5f-8a9b-0c1d2e3f4a5b) is not"
        + " present in table \"devices\"", e.getMessage());
  }

  @Test
  void aDurationAndADecimalKeepingItsScale() {
    ForeignKeyViolationException e = refused(
        () -> dao.insert(new Subscription(1, Duration.ofHours(1), new BigDecimal("12.50"))));
    assertEquals(FAILED + subscriptionText("PT1H, 12.50"), e.getMessage());
    ForeignKeyViolationException longer = refused(() -> dao.insert(
        new Subscription(2, Duration.parse("PT26H3M4.5S"), new BigDecimal("-0.00010"))));
    assertEquals(FAILED + subscriptionText("PT26H3M4.5S, -0.00010"), longer.getMessage());
  }

  @Test
  void anOffsetDateTimeAtUtcALocalDateTimeAndALocalTime() {
    ForeignKeyViolationException e = refused(() -> dao.insert(new Alarm(1,
        OffsetDateTime.parse("2024-05-01T12:15:30+02:00"), LocalDateTime.parse("2024-05-01T07:30"),
        LocalTime.parse("07:30:00.5"))));
    assertEquals(FAILED + alarmText(), e.getMessage());
  }

  @Test
  void aConvertedKeyShowsTheConvertersColumnSide() {
    ForeignKeyViolationException e = refused(() -> dao.insert(new Audit(1, new Stamp(MAY))));
    assertEquals(FAILED + "insert or update on table \"audits\" violates foreign key constraint"
        + " \"fk_audit_shift\": key (shift)=(2024-05-01T10:15:30Z) is not present in table"
        + " \"shifts\"", e.getMessage());
  }

  @Test
  void aRestrictRefusalNamesTheTimeKey() {
    dao.insert(new Shift(MAY, "early"));
    dao.insert(new Booking(1, MAY));
    assertEquals(FAILED + SHIFT_STILL_BOOKED, refused(() -> dao.deleteShift(MAY)).getMessage());
    assertEquals(FAILED + SHIFT_STILL_BOOKED,
        refused(() -> dao.moveShift(MAY, MAY.plusSeconds(60))).getMessage());
    assertEquals(1, dao.bookings());
  }

  /** The key read back must find its parent again, or the side that broke is misjudged. */
  @Test
  void aRefusedDeleteOfADecimalKeyIsStillReferenced() {
    dao.insert(new Plan(Duration.ofHours(1), new BigDecimal("12.50")));
    dao.insert(new Subscription(1, Duration.ofHours(1), new BigDecimal("12.50")));
    ForeignKeyViolationException e = refused(dao::deletePlans);
    assertEquals(FAILED + "update or delete on table \"plans\" violates foreign key constraint"
        + " \"fk_subscription_plan\" on table \"subscriptions\": key (term, price)=(PT1H, 12.50)"
        + " is still referenced from table \"subscriptions\"", e.getMessage());
  }

  @Test
  void aRefusedDeleteOfTimeKeysIsStillReferenced() {
    Slot slot = new Slot(OffsetDateTime.parse("2024-05-01T12:15:30+02:00"),
        LocalDateTime.parse("2024-05-01T07:30"), LocalTime.parse("07:30:00.5"));
    dao.insert(slot);
    dao.insert(new Alarm(1, slot.opens(), slot.local(), slot.clock()));
    ForeignKeyViolationException e = refused(dao::deleteSlots);
    assertEquals(FAILED + "update or delete on table \"slots\" violates foreign key constraint"
        + " \"fk_alarm_slot\" on table \"alarms\": key (opens, local, clock)=(2024-05-01T10:15:30Z,"
        + " 2024-05-01T07:30, 07:30:00.500) is still referenced from table \"alarms\"",
        e.getMessage());
  }

  @Test
  void previewDeleteNamesTheTimeKey() {
    dao.insert(new Shift(MAY, "early"));
    dao.insert(new Booking(1, MAY));
    DeletePlan plan = db.previewDelete(Shift.class, MAY);
    assertFalse(plan.allowed());
    assertEquals(SHIFT_STILL_BOOKED, plan.blockedBy().get(0).toString());
    assertTrue(plan.toString().contains(SHIFT_STILL_BOOKED), plan.toString());
  }

  @Test
  void previewDeleteNamesADurationAndDecimalKey() {
    Duration term = Duration.parse("PT26H3M4.5S");
    BigDecimal price = new BigDecimal("12.50");
    dao.insert(new Plan(term, price));
    dao.insert(new Subscription(1, term, price));
    DeletePlan plan = db.previewDelete(Plan.class, term, price);
    assertEquals(List.of("update or delete on table \"plans\" violates foreign key constraint"
        + " \"fk_subscription_plan\" on table \"subscriptions\": key (term, price)="
        + "(PT26H3M4.5S, 12.50) is still referenced from table \"subscriptions\""),
        plan.blockedBy().stream().map(ForeignKeyViolation::toString).toList());
  }

  /** The deferred paths: checkForeignKeys() inside the transaction, and the refused commit. */
  @Test
  void checkForeignKeysAndADeferredCommit() {
    assumeFalse(engine == TestEngine.POSTGRES
        && "false".equals(System.getProperty(TestEngine.DEFERRABLE_KEYS)), "keys not deferrable");
    ForeignKeyViolationException e = refused(() -> db.runInTransaction(() -> {
      db.deferForeignKeys();
      dao.insert(new Alarm(1, OffsetDateTime.parse("2024-05-01T12:15:30+02:00"),
          LocalDateTime.parse("2024-05-01T07:30"), LocalTime.parse("07:30:00.5")));
      assertEquals(List.of(alarmText()),
          db.checkForeignKeys().stream().map(ForeignKeyViolation::toString).toList());
    }));
    assertEquals(FAILED + alarmText(), e.getMessage());
    ForeignKeyViolationException plan = refused(() -> db.runInTransaction(() -> {
      db.deferForeignKeys();
      dao.insert(new Subscription(1, Duration.parse("PT26H3M4.5S"), new BigDecimal("12.50")));
      assertEquals(List.of(subscriptionText("PT26H3M4.5S, 12.50")),
          db.checkForeignKeys().stream().map(ForeignKeyViolation::toString).toList());
    }));
    assertEquals(FAILED + subscriptionText("PT26H3M4.5S, 12.50"), plan.getMessage());
  }

  private static String subscriptionText(String key) {
    return "insert or update on table \"subscriptions\" violates foreign key constraint"
        + " \"fk_subscription_plan\": key (term, price)=(" + key + ") is not present in table"
        + " \"plans\"";
  }

  private static String alarmText() {
    return "insert or update on table \"alarms\" violates foreign key constraint \"fk_alarm_slot\":"
        + " key (opens, local, clock)=(2024-05-01T10:15:30Z, 2024-05-01T07:30, 07:30:00.500) is"
        + " not present in table \"slots\"";
  }

  private static ForeignKeyViolationException refused(Executable call) {
    return assertThrows(ForeignKeyViolationException.class, call);
  }
}
