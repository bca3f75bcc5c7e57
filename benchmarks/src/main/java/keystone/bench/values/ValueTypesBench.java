package keystone.bench.values;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import keystone.engine.Keystone;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading an entity with an {@link Instant} and a {@link UUID}: Keystone's generated DAO against
 * hand JDBC doing the same conversion by hand (microseconds to an Instant, text to a UUID), on
 * the same SQLite file. 10k rows; one by one is 1k lookups by key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Pre-touched: on this VM the first write to each fresh heap page cost ~10 us per call for
// seconds at a time, charged to whichever contender allocated into it (benchmarks/notes.md).
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ValueTypesBench {
  private static final int ROWS = 10_000;
  private static final int ONE_BY_ONE = 1_000;

  @Param({"jdbc", "keystone"})
  public String contender;

  private Path dir;
  private ValueDatabase db;
  private Connection jdbc;
  private PreparedStatement byId;
  private PreparedStatement all;
  private long[] ids;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    dir = Files.createTempDirectory("keystone-values-bench");
    db = Keystone.open(ValueDatabase.class, dir.resolve("values.db"));
    List<Event> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(42);
    for (int i = 1; i <= ROWS; i++) {
      rows.add(new Event(i, Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000) * 1000L),
          new UUID(random.nextLong(), random.nextLong()), "event " + i));
    }
    db.events().insert(rows);
    ids = new long[ONE_BY_ONE];
    for (int i = 0; i < ONE_BY_ONE; i++) {
      ids[i] = 1 + random.nextInt(ROWS);
    }
    jdbc = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("values.db"));
    byId = jdbc.prepareStatement("SELECT id, at, ref, name FROM events WHERE id = ?");
    all = jdbc.prepareStatement("SELECT id, at, ref, name FROM events");
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException, IOException {
    jdbc.close();
    db.close();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public long loadById() throws SQLException {
    long h = 0;
    if (contender.equals("keystone")) {
      EventDao dao = db.events();
      for (long id : ids) {
        h += touch(dao.byId(id));
      }
      return h;
    }
    for (long id : ids) {
      byId.setLong(1, id);
      try (ResultSet rs = byId.executeQuery()) {
        if (rs.next()) {
          h += touch(event(rs));
        }
      }
    }
    return h;
  }

  @Benchmark
  public long loadAll() throws SQLException {
    long h = 0;
    if (contender.equals("keystone")) {
      for (Event e : db.events().all()) {
        h += touch(e);
      }
      return h;
    }
    List<Event> events = new ArrayList<>();
    try (ResultSet rs = all.executeQuery()) {
      while (rs.next()) {
        events.add(event(rs));
      }
    }
    for (Event e : events) {
      h += touch(e);
    }
    return h;
  }

  /** The conversion Keystone does, written by hand as a careful JDBC user would. */
  private static Event event(ResultSet rs) throws SQLException {
    long micros = rs.getLong(2);
    Instant at = Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    return new Event(rs.getLong(1), at, UUID.fromString(rs.getString(3)), rs.getString(4));
  }

  private static long touch(Event e) {
    return e.id() + e.at().getNano() + e.ref().getLeastSignificantBits() + e.name().length();
  }
}
