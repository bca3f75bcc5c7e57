package keystone.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;
import keystone.engine.ConnectionLostException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import keystone.engine.Retry;
import keystone.engine.fixture.PgShopDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions ended with {@code pg_terminate_backend} on a real PostgreSQL: between the statements
 * of a transaction, while idle in the pool, in the middle of a batch, and at COMMIT. The moment
 * is fixed by the server, not by sleeps: the session is made to wait for an advisory lock the
 * test holds (a trigger, or a deferred constraint trigger that runs at COMMIT), and ended once
 * pg_stat_activity shows it waiting there.
 */
class PgConnectionLossTest {
  @TempDir static Path data;
  static PgServer server;
  static ExecutorService threads;
  String url;
  String database;
  PgShopDb db;
  Connection admin;

  @BeforeAll
  static void start() throws Exception {
    server = new PgServer(data.resolve("pgdata"));
    threads = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() throws Exception {
    threads.shutdownNow();
    server.close();
  }

  @BeforeEach
  void open() throws Exception {
    url = server.freshDatabase();
    database = PgServer.databaseOf(url);
    // The pool lends a connection used within this window without testing it first (HikariCP's
    // default is 500 ms): the dead connections below reach Keystone, whatever the machine's pace.
    System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "600000");
    try {
      db = Keystone.builder(PgShopDb.class).postgres(url).build();
    } finally {
      System.clearProperty("com.zaxxer.hikari.aliveBypassWindowMs");
    }
    db.insertUser(1, "ada");
    db.insertOrder(10, 1);
    admin = server.admin(database);
  }

  @AfterEach
  void close() throws Exception {
    db.close();
    admin.close();
  }

  private List<Long> ids(String table) {
    List<Long> ids = new ArrayList<>();
    for (Object[] row : db.query("SELECT id FROM " + table + " ORDER BY id")) {
      ids.add((Long) row[0]);
    }
    return ids;
  }

  private void assertClean(List<Long> users, List<Long> orders) throws Exception {
    assertEquals(users, ids("users"));
    assertEquals(orders, ids("orders"));
    assertEquals(List.of(), db.checkForeignKeys());
    assertEquals(0, PgServer.idleInTransaction(admin, database));
  }

  private int ownPid() {
    return ((Long) db.query("SELECT pg_backend_pid()::bigint").get(0)[0]).intValue();
  }

  private void exec(String sql) throws Exception {
    try (Statement st = admin.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void endedBetweenTwoStatementsOfATransaction() throws Exception {
    ConnectionLostException e = assertThrows(ConnectionLostException.class,
        () -> db.runInTransaction(() -> {
          db.insertUser(2, "grace");
          try {
            PgServer.terminate(admin, ownPid());
          } catch (java.sql.SQLException sql) {
            throw new AssertionError(sql);
          }
          db.insertOrder(20, 2);
        }));
    assertFalse(e.commitOutcomeUnknown());
    assertTrue(e.getMessage().contains("before COMMIT"), e.getMessage());
    assertTrue(Retry.isTransient(e));
    assertClean(List.of(1L), List.of(10L));
  }

  @Test
  void retryRunsATransactionEndedBeforeCommitAgain() throws Exception {
    AtomicInteger bodies = new AtomicInteger();
    List<Duration> pauses = new ArrayList<>();
    db.runInTransaction(Retry.transientFailures(3).withSleeper(pauses::add), () -> {
      db.insertUser(2, "grace");
      if (bodies.incrementAndGet() == 1) {
        try {
          PgServer.terminate(admin, ownPid());
        } catch (java.sql.SQLException sql) {
          throw new AssertionError(sql);
        }
      }
      db.insertOrder(20, 2);
    });
    assertEquals(2, bodies.get());
    assertEquals(1, pauses.size());
    assertClean(List.of(1L, 2L), List.of(10L, 20L));
  }

  @Test
  void readsAndFirstStatementsRecoverFromConnectionsThatDiedInThePool() throws Exception {
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // A read outside a transaction: the caller sees no error.
    assertEquals(List.of(1L), ids("users"));
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // A write outside a transaction (its own one-statement transaction).
    db.insertUser(2, "grace");
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // The first statement of a transaction, then more on the same fresh connection.
    db.runInTransaction(() -> {
      db.insertUser(3, "linus");
      db.insertOrder(30, 3);
    });
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // A batch outside a transaction: its rows, still queued, are sent again.
    assertEquals(2, db.insertOrders(1, 50, 60));
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // A batch first in a transaction.
    db.runInTransaction(() -> db.insertOrders(1, 70, 80));
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // A transaction whose first exchange is a savepoint (a nested read).
    db.runInTransaction(() -> assertEquals(List.of(1L, 2L, 3L), ids("users")));
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // A snapshot read, whose first exchange sets its isolation level.
    assertEquals(3L, db.countUsersTwice(() -> { })[1]);
    assertTrue(PgServer.terminateAll(admin, database) > 0);
    // A transaction whose first exchange is SET CONSTRAINTS ALL DEFERRED: child first.
    db.runInTransaction(() -> {
      db.deferForeignKeys();
      db.insertOrder(40, 4);
      db.insertUser(4, "barbara");
    });
    assertClean(List.of(1L, 2L, 3L, 4L), List.of(10L, 30L, 40L, 50L, 60L, 70L, 80L));
  }

  /**
   * A batch held at its 50th row while the server ends the session. As the call's first exchange
   * it runs again on a fresh connection (its transaction died with the session); after another
   * statement of the transaction it fails typed. Either way nothing of the dead attempt is left:
   * the ids are explicit, so a row left behind would refuse the run again as a duplicate.
   */
  @Test
  void endedInTheMiddleOfABatch() throws Exception {
    exec("CREATE FUNCTION hold_order() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN IF NEW.id IN (150, 350) THEN PERFORM pg_advisory_xact_lock_shared(18); END IF;"
        + " RETURN NEW; END $$");
    exec("CREATE TRIGGER hold_order BEFORE INSERT ON orders FOR EACH ROW"
        + " EXECUTE FUNCTION hold_order()");
    long[] first = orderIds(101);
    exec("SELECT pg_advisory_lock(18)");
    Future<Integer> insert = threads.submit(() -> db.insertOrders(1, first));
    PgServer.terminate(admin, PgServer.awaitBlocked(admin, database, "INSERT INTO \"orders\""));
    exec("SELECT pg_advisory_unlock(18)");
    assertEquals(100, insert.get(60, TimeUnit.SECONDS));
    assertEquals(101, ids("orders").size());

    long[] second = orderIds(301);
    exec("SELECT pg_advisory_lock(18)");
    Future<Object> inTransaction = threads.submit(() -> {
      db.runInTransaction(() -> {
        db.insertUser(2, "grace");
        db.insertOrders(2, second);
      });
      return null;
    });
    PgServer.terminate(admin, PgServer.awaitBlocked(admin, database, "INSERT INTO \"orders\""));
    exec("SELECT pg_advisory_unlock(18)");
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> inTransaction.get(60, TimeUnit.SECONDS));
    if (!(e.getCause() instanceof ConnectionLostException lost)) {
      throw new AssertionError("expected ConnectionLostException", e.getCause());
    }
    assertFalse(lost.commitOutcomeUnknown());
    assertEquals(List.of(1L), ids("users"));
    assertEquals(101, ids("orders").size());
  }

  /** 100 order ids from {@code from}. */
  private static long[] orderIds(long from) {
    long[] ids = new long[100];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = from + i;
    }
    return ids;
  }

  /**
   * COMMIT made to wait after the commit record is written: synchronous replication to a standby
   * that does not exist. The session is ended there, so the transaction has committed and the
   * client cannot know it: the case an automatic retry would apply twice.
   */
  @Test
  void endedDuringCommitIsAmbiguousAndNeverRetried() throws Exception {
    server.holdCommitsForAStandby(threads);
    AtomicInteger bodies = new AtomicInteger();
    Future<?> transaction;
    try {
      transaction = threads.submit(
          () -> db.runInTransaction(Retry.transientFailures(5), () -> {
            bodies.incrementAndGet();
            // Each statement starts by reading a reloaded configuration: wait until this
            // session has the new one, so that its COMMIT waits for the standby.
            while (!"nobody".equals(
                db.query("SELECT current_setting('synchronous_standby_names')").get(0)[0])) {
              Thread.onSpinWait();
            }
            db.execute("SET LOCAL synchronous_commit = on");
            db.insertUser(7, "committing");
            db.insertOrder(70, 7);
          }));
      PgServer.terminate(admin, PgServer.awaitWaiting(admin, database, "SyncRep"));
    } finally {
      server.releaseCommits();
    }
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> transaction.get(60, TimeUnit.SECONDS));
    ConnectionLostException lost = (ConnectionLostException) e.getCause();
    assertTrue(lost.commitOutcomeUnknown());
    assertTrue(lost.getMessage().contains("during COMMIT"), lost.getMessage());
    assertTrue(lost.getMessage().contains("outcome is unknown"), lost.getMessage());
    assertFalse(Retry.isTransient(lost));
    assertEquals(1, bodies.get(), "an ambiguous commit is never run again");
    assertEquals(1, lost.attempts());
    // It had committed: run again, it would have written user 7 a second time (or failed on
    // the key, with a real application's generated keys not even that).
    assertClean(List.of(1L, 7L), List.of(10L, 70L));
  }

  /**
   * A write outside a transaction runs in auto-commit. The server ends its session while the
   * INSERT runs, before its implicit commit, and says so (57P01): nothing was written, so the
   * write runs again on a fresh connection and the caller sees it succeed, once.
   */
  @Test
  void aSingleWriteWhoseSessionTheServerEndsBeforeItCommitsRunsAgainOnce() throws Exception {
    exec("CREATE FUNCTION hold_order() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN PERFORM pg_advisory_xact_lock_shared(18); RETURN NEW; END $$");
    exec("CREATE TRIGGER hold_order BEFORE INSERT ON orders FOR EACH ROW"
        + " EXECUTE FUNCTION hold_order()");
    exec("SELECT pg_advisory_lock(18)");
    Future<?> insert = threads.submit(() -> db.insertOrder(20, 1));
    PgServer.terminate(admin, PgServer.awaitBlocked(admin, database, "INSERT INTO \"orders\""));
    exec("SELECT pg_advisory_unlock(18)");
    insert.get(60, TimeUnit.SECONDS);
    assertClean(List.of(1L), List.of(10L, 20L));
  }

  /**
   * A write in auto-commit whose session ends after its implicit transaction committed (the
   * commit waits for a standby that does not exist, and the server closes the session with a
   * warning only): the outcome is unknown to the client. Retry must not run it again: the row is
   * there, and a second run would write it twice.
   */
  @Test
  void aSingleWriteLostAfterItsImplicitCommitIsAmbiguousAndNeverRetried() throws Exception {
    exec("ALTER DATABASE " + database + " SET synchronous_commit = on");
    assertTrue(PgServer.terminateAll(admin, database) > 0);   // new sessions take the setting
    server.holdCommitsForAStandby(threads);
    AtomicInteger runs = new AtomicInteger();
    Future<?> insert;
    try {
      insert = threads.submit(() -> Retry.transientFailures(5).run(false, () -> {
        runs.incrementAndGet();
        db.insertOrder(70, 1);
      }));
      PgServer.terminate(admin, PgServer.awaitWaiting(admin, database, "SyncRep"));
    } finally {
      server.releaseCommits();
    }
    ConnectionLostException lost = lostFrom(insert);
    assertTrue(lost.commitOutcomeUnknown());
    assertTrue(lost.getMessage().contains("auto-commit"), lost.getMessage());
    assertTrue(lost.getMessage().contains("outcome is unknown"), lost.getMessage());
    assertFalse(Retry.isTransient(lost));
    assertEquals(1, runs.get(), "an ambiguous write is never run again");
    assertEquals(1, lost.attempts());
    assertClean(List.of(1L), List.of(10L, 70L));
  }

  private static ConnectionLostException lostFrom(Future<?> call) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> call.get(60, TimeUnit.SECONDS));
    if (!(e.getCause() instanceof ConnectionLostException lost)) {
      throw new AssertionError("expected ConnectionLostException", e.getCause());
    }
    return lost;
  }

  @Test
  void anInterruptedThreadsCallFailsTypedAndItsTransactionRollsBack() throws Exception {
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> db.runInTransaction(() -> {
          db.insertUser(2, "grace");
          Thread.currentThread().interrupt();
          db.insertOrder(20, 2);
        }));
    assertTrue(Thread.interrupted(), "the interrupt status is kept");
    assertTrue(e.getCause() instanceof InterruptedException, e::toString);
    assertClean(List.of(1L), List.of(10L));
    db.insertUser(3, "linus");
    assertClean(List.of(1L, 3L), List.of(10L));
  }

  @Test
  void aThreadInterruptedWhileTheServerWorksFinishesTheStatementAndNoMore() throws Exception {
    exec("SELECT pg_advisory_lock(18)");
    Future<?> transaction = threads.submit(() -> db.runInTransaction(() -> {
      db.insertUser(2, "grace");
      db.query("SELECT pg_advisory_xact_lock_shared(18)");
      db.insertOrder(20, 2);
    }));
    PgServer.awaitBlocked(admin, database, "SELECT pg_advisory_xact_lock_shared");
    transaction.cancel(true);
    exec("SELECT pg_advisory_unlock(18)");
    // The worker thread's transaction ends; wait for its session to be idle, not in transaction.
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (PgServer.idleInTransaction(admin, database) > 0 || activeQueries() > 0) {
      assertTrue(System.nanoTime() < deadline, "the interrupted transaction never ended");
      Thread.sleep(5);
    }
    assertClean(List.of(1L), List.of(10L));
  }

  private long activeQueries() throws Exception {
    try (Statement st = admin.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = '" + database + "' AND state = 'active'"
            + " AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
