package keystone.tests.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every built-in value type comes back exactly and orders in SQL as in Java, on both engines:
 * pre-1970 instants, negative and mixed-scale decimals, fractions of different lengths.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class BuiltInValuesTest {
  static final List<Instant> INSTANTS = List.of(
      Instant.parse("2024-02-29T12:00:00.123456Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
      Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1900-01-01T00:00:00.5Z"),
      Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("0001-01-01T00:00:00Z"),
      Instant.parse("2024-02-29T12:00:00.12Z"), Instant.parse("9999-12-31T23:59:59.999999Z"));
  static final List<LocalDate> DATES = List.of(
      LocalDate.parse("1969-07-20"), LocalDate.parse("0001-01-01"), LocalDate.parse("2024-02-29"),
      LocalDate.parse("9999-12-31"), LocalDate.parse("1970-01-01"), LocalDate.parse("1899-12-31"),
      LocalDate.parse("2024-02-28"), LocalDate.parse("2000-01-01"));
  static final List<LocalTime> TIMES = List.of(
      LocalTime.parse("12:00:00.5"), LocalTime.MIDNIGHT, LocalTime.parse("23:59:59.999999"),
      LocalTime.parse("12:00:00.05"), LocalTime.parse("09:30"), LocalTime.parse("12:00"),
      LocalTime.parse("00:00:00.000001"), LocalTime.parse("18:45:10.123"));
  static final List<Duration> DURATIONS = List.of(
      Duration.ofMillis(1500), Duration.ofMillis(-1500), Duration.ZERO, Duration.ofDays(400),
      Duration.ofNanos(-1000), Duration.parse("PT26H3M4.5S"), Duration.ofSeconds(-90061, 250000),
      Duration.ofNanos(1000));
  static final List<String> AMOUNTS = List.of(
      "12.50", "-10.5", "-2", "0.001", "9.99", "100.000", "-0.0001", "1234567890123456789.123");
  static final List<BigInteger> BIGS = List.of(
      BigInteger.TWO.pow(100), BigInteger.TWO.pow(100).negate(), BigInteger.ZERO,
      BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(-7), BigInteger.TEN,
      BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE), BigInteger.ONE);

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private MomentDatabase db;
  private MomentDao dao;
  private final List<Moment> rows = new ArrayList<>();

  @BeforeEach
  void open() {
    db = engine.open(MomentDatabase.class, dir);
    dao = db.moments();
    ZoneOffset[] offsets = {ZoneOffset.ofHours(5), ZoneOffset.ofHoursMinutes(-9, -30)};
    for (int i = 0; i < INSTANTS.size(); i++) {
      // Each column takes its list in another order, so one column's order is not another's.
      Instant at = INSTANTS.get(i);
      rows.add(new Moment(i + 1, at,
          INSTANTS.get((i + 3) % 8).atOffset(offsets[i % 2]),
          DATES.get(i),
          LocalDateTime.of(DATES.get((i + 5) % 8), TIMES.get(i)),
          TIMES.get((i + 2) % 8),
          DURATIONS.get(i),
          new UUID(i * 0x7000_0000_0000_0000L + 17, -i),
          new BigDecimal(AMOUNTS.get(i)),
          BIGS.get(i)));
    }
    dao.insert(rows.toArray(Moment[]::new));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void everyValueComesBackExactly() {
    for (Moment m : rows) {
      Moment back = dao.get(m.id());
      assertEquals(m.at(), back.at());
      assertEquals(m.stamped().toInstant(), back.stamped().toInstant());
      assertEquals(ZoneOffset.UTC, back.stamped().getOffset(), "the offset is not kept");
      assertEquals(m.day(), back.day());
      assertEquals(m.local(), back.local());
      assertEquals(m.clock(), back.clock());
      assertEquals(m.took(), back.took());
      assertEquals(m.ref(), back.ref());
      assertEquals(m.amount(), back.amount(), "equals: value and scale");
      assertEquals(m.amount().scale(), back.amount().scale());
      assertEquals(m.big(), back.big());
    }
  }

  @Test
  void nullsComeBackAsNull() {
    dao.insert(new Moment(99, null, null, null, null, null, null, null, null, null));
    assertEquals(new Moment(99, null, null, null, null, null, null, null, null, null),
        dao.get(99));
    assertNull(dao.refOf(99).orElse(null));
  }

  @Test
  void timesKeepMicrosecondsAndDropNanoseconds() {
    Instant nanos = Instant.parse("1969-12-31T23:59:59.123456789Z");
    LocalTime clock = LocalTime.parse("10:00:00.999999999");
    dao.insert(new Moment(50, nanos, null, null, LocalDateTime.of(2020, 1, 1, 0, 0, 0, 999),
        clock, Duration.ofNanos(-1), null, null, null));
    Moment back = dao.get(50);
    assertEquals(Instant.parse("1969-12-31T23:59:59.123456Z"), back.at());
    assertEquals(LocalTime.parse("10:00:00.999999"), back.clock());
    assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0), back.local());
    assertEquals(Duration.ofNanos(-1000), back.took(), "truncated towards the past, as SQLite");
  }

  @Test
  void orderByFollowsJavaOrder() {
    assertEquals(sorted(Moment::at), dao.byAt());
    assertEquals(sorted(Moment::stamped), dao.byStamped());
    assertEquals(sorted(Moment::day), dao.byDay());
    assertEquals(sorted(Moment::local), dao.byLocal());
    assertEquals(sorted(Moment::clock), dao.byClock());
    assertEquals(sorted(Moment::took), dao.byTook());
    assertEquals(sorted(Moment::amount), dao.byAmount());
    assertEquals(sorted(Moment::big), dao.byBig());
    // UUIDs sort as PostgreSQL's uuid does, byte by byte unsigned: their canonical text order.
    assertEquals(sorted(m -> m.ref().toString()), dao.byRef());
  }

  @Test
  void comparisonsWithBoundValuesFollowJavaOrder() {
    Instant epoch = Instant.EPOCH;
    assertEquals(where(m -> m.at().isBefore(epoch)), dao.before(epoch));
    LocalDate leap = LocalDate.parse("2024-02-29");
    assertEquals(where(m -> !m.day().isBefore(leap)), dao.onOrAfter(leap));
    LocalDateTime t = LocalDateTime.parse("1969-07-20T12:00:00.05");
    assertEquals(where(m -> m.local().isAfter(t)), dao.localAfter(t));
    LocalTime noon = LocalTime.NOON;
    assertEquals(where(m -> !m.clock().isAfter(noon)), dao.clockUpTo(noon));
    Duration minus = Duration.ofMillis(-1);
    assertEquals(where(m -> m.took().compareTo(minus) > 0), dao.longerThan(minus));
    BigDecimal ten = new BigDecimal("10.0");
    assertEquals(where(m -> m.amount().compareTo(ten) < 0), dao.cheaperThan(ten));
    BigInteger ten2 = BigInteger.TEN;
    assertEquals(where(m -> m.big().compareTo(ten2) >= 0), dao.bigFrom(ten2));
    assertTrue(dao.before(epoch).size() >= 3, "pre-1970 instants are before the epoch");
  }

  @Test
  void aggregatesAndScalarResults() {
    assertEquals(Optional.of(INSTANTS.stream().max(Comparator.naturalOrder()).orElseThrow()),
        dao.latest());
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), dao.earliest());
    assertEquals(new BigDecimal("-10.5"), dao.smallestAmount());
    assertEquals(Optional.of(new BigDecimal("1234567890123456789.123")), dao.largestAmount());
    assertEquals(LocalDate.parse("9999-12-31"), dao.lastDay());
    assertEquals(Duration.ofSeconds(-90061, 250000), dao.shortest());
  }

  @Test
  void twoSpellingsOfOneDecimal() {
    dao.insert(new Moment(60, null, null, null, null, null, null, null, new BigDecimal("12.5"),
        null), new Moment(61, null, null, null, null, null, null, null, new BigDecimal("1E+3"),
        null));
    // PostgreSQL's NUMERIC holds 12.50 (row 1) equal to 12.5; SQLite's decimal text does not.
    long equal = (Long) db.query("SELECT count(*) FROM moments WHERE amount = ?",
        new BigDecimal("12.50")).get(0)[0];
    assertEquals(engine == TestEngine.POSTGRES ? 2L : 1L, equal);
    assertEquals(new BigDecimal("1000"), dao.get(61).amount(), "a negative scale comes back 0");
  }

  @Test
  void collectionParametersExpandInsideIn() {
    List<UUID> refs = List.of(rows.get(1).ref(), rows.get(6).ref(), UUID.randomUUID());
    assertEquals(List.of(2L, 7L), dao.withRefs(refs));
    assertEquals(Optional.of(rows.get(3).ref()), dao.refOf(4));
  }

  private <T extends Comparable<? super T>> List<Long> sorted(Function<Moment, T> key) {
    return rows.stream()
        .sorted(Comparator.comparing(key).thenComparing(Moment::id))
        .map(Moment::id)
        .toList();
  }

  private List<Long> where(Predicate<Moment> test) {
    return rows.stream().filter(test).map(Moment::id).toList();
  }
}
