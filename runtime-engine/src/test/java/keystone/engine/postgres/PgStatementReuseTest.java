package keystone.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import keystone.engine.fixture.PgShopDb_Impl;
import keystone.engine.spi.SqlStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Prepared statements kept per pooled connection from one call to the next (PgPreparedCache):
 * nothing a call left in one reaches the next call, no two threads share one, and a connection
 * that died keeps none.
 */
class PgStatementReuseTest extends OnEmbeddedPostgres {
  private static final String INSERT_ORDER = "INSERT INTO orders (id, user_id) VALUES (?, ?)";
  private static final String USER_IDS = "SELECT id FROM users ORDER BY id";

  HikariDataSource pool;
  PostgresEngine engine;

  @BeforeEach
  void open() throws Exception {
    pool = PgPool.open(emptyDatabase(), 2, Duration.ofSeconds(5));
    engine = PostgresEngine.open(PgShopDb_Impl.SCHEMA, pool, pool, null, List.of(), true);
    engine.execute("INSERT INTO users (id, name) VALUES (1, 'ada'), (2, 'bob')");
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private List<Long> ids(String table) {
    List<Long> ids = new ArrayList<>();
    for (Object[] row : engine.query("SELECT id FROM " + table + " ORDER BY id")) {
      ids.add((Long) row[0]);
    }
    return ids;
  }

  /** Runs USER_IDS in a call of its own; the statement it ran. */
  private SqlStatement firstUserId(List<Long> into) {
    return firstUserId(into, () -> { });
  }

  /** The same, running {@code holding} once the call holds its connection. */
  private SqlStatement firstUserId(List<Long> into, Runnable holding) {
    return firstUserId(engine, into, holding);
  }

  private static SqlStatement firstUserId(
      PostgresEngine engine, List<Long> into, Runnable holding) {
    PgScope scope = engine.begin(false);
    try {
      holding.run();
      SqlStatement st = scope.prepare(USER_IDS);
      st.step();
      into.add(st.columnLong(0));
      st.reset();
      scope.succeed();
      return st;
    } finally {
      scope.end();
    }
  }

  @Test
  void aStatementIsPreparedOnceForItsConnectionAndServesTheNextCalls() {
    List<Long> seen = new ArrayList<>();
    SqlStatement first = firstUserId(seen);
    SqlStatement second = firstUserId(seen);
    assertSame(first, second);
    assertEquals(List.of(1L, 1L), seen);
  }

  @Test
  void aBatchThatAFailedCallNeverRanDoesNotReachTheNextCall() {
    PgScope failed = engine.begin(true);
    SqlStatement left;
    try {
      left = failed.prepare(INSERT_ORDER);
      left.bindLong(1, 10);
      left.bindLong(2, 1);
      left.addBatch();
      // the call fails here, before executeBatch: no succeed()
    } finally {
      failed.end();
    }
    PgScope next = engine.begin(true);
    int changed;
    try {
      SqlStatement st = next.prepare(INSERT_ORDER);
      assertSame(left, st);
      st.bindLong(1, 11);
      st.bindLong(2, 1);
      st.addBatch();
      changed = st.executeBatch();
      next.succeed();
    } finally {
      next.end();
    }
    assertEquals(1, changed);
    assertEquals(List.of(11L), ids("orders"));
  }

  @Test
  void rowsAFailedCallLeftOpenAreNotTheNextCallsRows() {
    PgScope failed = engine.begin(false);
    try {
      SqlStatement st = failed.prepare(USER_IDS);
      st.step();
      assertEquals(1L, st.columnLong(0));
      // the call fails here, with its rows open: no reset(), no succeed()
    } finally {
      failed.end();
    }
    List<Long> seen = new ArrayList<>();
    firstUserId(seen);
    assertEquals(List.of(1L), seen, "the next call runs the query again from its first row");
  }

  @Test
  void twoThreadsAtOnceNeverShareAStatement() throws Exception {
    CyclicBarrier bothIn = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<SqlStatement>> calls = new ArrayList<>();
      for (long id : new long[] {20, 21}) {
        calls.add(threads.submit(() -> {
          PgScope scope = engine.begin(true);
          try {
            SqlStatement st = scope.prepare(INSERT_ORDER);
            bothIn.await(10, TimeUnit.SECONDS);   // each holds its connection now
            st.bindLong(1, id);
            st.bindLong(2, 1);
            st.addBatch();
            st.executeBatch();
            bothIn.await(10, TimeUnit.SECONDS);
            scope.succeed();
            return st;
          } finally {
            scope.end();
          }
        }));
      }
      assertNotSame(calls.get(0).get(30, TimeUnit.SECONDS), calls.get(1).get(30, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }
    assertEquals(List.of(20L, 21L), ids("orders"));
  }

  @Test
  void aConnectionThatDiedKeepsNoStatements() throws Exception {
    CyclicBarrier bothIn = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {   // both pooled connections get statements of their own
        calls.add(threads.submit(() -> {
          List<Long> seen = new ArrayList<>();
          firstUserId(seen, () -> await(bothIn));
          return seen;
        }));
      }
      for (Future<?> call : calls) {
        assertEquals(List.of(1L), call.get(30, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    try (Connection admin = server.getPostgresDatabase().getConnection()) {
      terminateOthers(admin);
    }
    Thread.sleep(600);   // past the pool's window for lending without a check
    for (int i = 0; i < 3; i++) {
      List<Long> seen = new ArrayList<>();
      firstUserId(seen);
      assertEquals(List.of(1L), seen);
    }
    assertTrue(engine.preparedCache().keepsOnlyOpenConnections(),
        "statements of a dead connection were kept");
  }

  /**
   * A DataSource whose connections do not unwrap to pgjdbc's (another driver, or a wrapper that
   * hides it) gets no statements kept: each call prepares its own on the connection it was lent
   * and closes them at its end, as docs/postgresql.md says.
   */
  @Test
  void aConnectionThatIsNotPgjdbcsGetsItsStatementsPreparedAndClosedByEachCall() throws Exception {
    // Unpooled, so that nothing but Keystone closes the statements (a pool closes those made
    // through its proxy when the connection goes back).
    PGSimpleDataSource direct = new PGSimpleDataSource();
    direct.setUrl(emptyDatabase());
    List<PreparedStatement> prepared = new ArrayList<>();
    DataSource hiding = hidingPgjdbc(direct, USER_IDS, prepared);
    PostgresEngine other =
        PostgresEngine.open(PgShopDb_Impl.SCHEMA, hiding, null, null, List.of(), true);
    try {
      other.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
      List<Long> seen = new ArrayList<>();
      SqlStatement first = firstUserId(other, seen, () -> { });
      SqlStatement second = firstUserId(other, seen, () -> { });
      assertEquals(List.of(1L, 1L), seen);
      assertNotSame(first, second);
      assertEquals(2, prepared.size());
      for (PreparedStatement statement : prepared) {
        assertTrue(statement.isClosed(), "a call left its statement open");
      }
    } finally {
      other.close();
    }
  }

  /**
   * Connections of {@code pool} that refuse to unwrap to pgjdbc's connection, recording the
   * statements prepared on them for {@code sql}.
   */
  private static DataSource hidingPgjdbc(
      DataSource pool, String sql, List<PreparedStatement> prepared) {
    return (DataSource) Proxy.newProxyInstance(
        DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (source, method, args) -> {
          Object result = invoke(pool, method, args);
          if (!(result instanceof Connection real)) {
            return result;
          }
          return Proxy.newProxyInstance(
              Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
              (connection, call, callArgs) -> {
                if (call.getName().equals("unwrap")) {
                  throw new SQLException("not a pgjdbc connection");
                }
                if (call.getName().equals("isWrapperFor")) {
                  return false;
                }
                Object made = invoke(real, call, callArgs);
                if (call.getName().equals("prepareStatement") && sql.equals(callArgs[0])) {
                  prepared.add((PreparedStatement) made);
                }
                return made;
              });
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void terminateOthers(Connection admin) throws Exception {
    try (PreparedStatement st = admin.prepareStatement("SELECT pg_terminate_backend(pid, 10000)"
        + " FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid()"
        + " AND backend_type = 'client backend'");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        assertTrue(rs.getBoolean(1));
      }
    }
  }
}
