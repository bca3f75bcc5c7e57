package keystone.tests.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import keystone.engine.Keystone;
import keystone.tests.values.Moment;
import keystone.tests.values.MomentDao;
import keystone.tests.values.MomentDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random time, UUID and decimal values written to SQLite and to PostgreSQL: both must give back
 * the same values, in the same SQL order, and select the same rows against bound parameters.
 */
class ValuesDifferentialTest {
  private static final int ROWS = 200;

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 1969, 2026})
  void sameValuesAndOrderOnBothEngines(long seed) {
    Postgres.freshDatabase();
    try (MomentDatabase sqlite = Keystone.open(MomentDatabase.class, dir.resolve(seed + ".db"));
        MomentDatabase postgres =
            Keystone.builder(MomentDatabase.class).postgres(Postgres.url()).build()) {
      Random r = new Random(seed);
      List<Moment> rows = new ArrayList<>();
      for (int i = 1; i <= ROWS; i++) {
        rows.add(moment(i, r));
      }
      sqlite.moments().insert(rows.toArray(Moment[]::new));
      postgres.moments().insert(rows.toArray(Moment[]::new));
      MomentDao s = sqlite.moments();
      MomentDao p = postgres.moments();
      for (int i = 1; i <= ROWS; i++) {
        assertEquals(s.get(i), p.get(i), "seed " + seed + ", row " + i);
      }
      assertEquals(s.byAt(), p.byAt());
      assertEquals(s.byStamped(), p.byStamped());
      assertEquals(s.byDay(), p.byDay());
      assertEquals(s.byLocal(), p.byLocal());
      assertEquals(s.byClock(), p.byClock());
      assertEquals(s.byTook(), p.byTook());
      assertEquals(s.byRef(), p.byRef());
      assertEquals(s.byAmount(), p.byAmount());
      assertEquals(s.byBig(), p.byBig());
      for (int probe = 0; probe < 20; probe++) {
        Moment m = moment(0, r);
        assertEquals(s.before(m.at()), p.before(m.at()));
        assertEquals(s.onOrAfter(m.day()), p.onOrAfter(m.day()));
        assertEquals(s.localAfter(m.local()), p.localAfter(m.local()));
        assertEquals(s.clockUpTo(m.clock()), p.clockUpTo(m.clock()));
        assertEquals(s.longerThan(m.took()), p.longerThan(m.took()));
        assertEquals(s.cheaperThan(m.amount()), p.cheaperThan(m.amount()));
        assertEquals(s.bigFrom(m.big()), p.bigFrom(m.big()));
      }
      assertEquals(s.latest(), p.latest());
      assertEquals(s.smallestAmount(), p.smallestAmount());
      assertEquals(s.shortest(), p.shortest());
    }
  }

  /** Values either side of 1970 and of zero; decimals of several scales, never two spellings
   *  of one number (SQLite and PostgreSQL order those differently, see README). */
  private static Moment moment(long id, Random r) {
    Instant at = Instant.EPOCH.plusSeconds(r.nextInt(2_000_000_000) - 1_000_000_000L)
        .plusNanos(r.nextInt(1_000_000) * 1000L);
    LocalDate day = LocalDate.ofEpochDay(r.nextInt(200_000) - 100_000);
    LocalTime clock = LocalTime.ofNanoOfDay(r.nextLong(86_400_000_000L) * 1000);
    long unscaled = (r.nextInt(2_000_000) - 1_000_000) * 10L + 1 + r.nextInt(9);
    return new Moment(id, at, at.plusSeconds(r.nextInt(1000)).atOffset(ZoneOffset.ofHours(
        r.nextInt(25) - 12)), day, LocalDateTime.of(day, clock), clock,
        Duration.ofNanos((r.nextLong(20_000_000_000_000L) - 10_000_000_000_000L) * 1000),
        new UUID(r.nextLong(), r.nextLong()), BigDecimal.valueOf(unscaled, r.nextInt(5)),
        BigInteger.valueOf(r.nextLong()).multiply(BigInteger.valueOf(r.nextInt()))
    );
  }
}
