package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The statements prepared on each physical connection, kept from one call to the next. Before,
 * each outermost call prepared its statements again on the connection it borrowed and closed
 * them at its end: pgjdbc's own per-connection cache handed back the server-side statement, but
 * the client still built and closed a statement (and the pool's proxy of it) on every call, about
 * a tenth of a one-by-one insert's client time.
 *
 * <p>They are prepared on the driver's own connection, under the pool's proxy: a pool closes the
 * statements made through its proxy when the proxy is closed at the end of the call. A call
 * checks its connection's statements out ({@link #take}) and back in ({@link #giveBack}): while
 * they are out no other call can have them, so statements are never shared between threads, even
 * with a pool that lent one connection twice. A connection that died keeps nothing: its
 * statements are closed at check-in, and those of connections the pool closed while they sat idle
 * are dropped the next time a connection not seen before arrives (the pool's replacement).
 */
final class PgPreparedCache {
  /** Per connection; more (raw SQL built on the fly) are closed, least recently used first. */
  static final int MAX_STATEMENTS = 256;

  private final Map<Connection, Held> idle = new IdentityHashMap<>();
  private boolean closed;

  /** One connection's statements, held by one call at a time. */
  static final class Held {
    /** The driver's own connection, to prepare on; null when it cannot be had (no cache). */
    final Connection physical;
    final PGConnection pg;
    private final LinkedHashMap<String, PgStatement> statements =
        new LinkedHashMap<>(16, 0.75f, true);

    private Held(Connection physical, PGConnection pg) {
      this.physical = physical;
      this.pg = pg;
    }

    PgStatement get(String sql) {
      return statements.get(sql);
    }

    /** Keeps {@code statement}, closing another that was kept for the same SQL. */
    void put(String sql, PgStatement statement) {
      PgStatement before = statements.put(sql, statement);
      if (before != null && before != statement) {
        before.close();
      }
    }

    void closeAll() {
      for (PgStatement st : statements.values()) {
        st.close();
      }
      statements.clear();
    }

    private void trim() {
      Iterator<PgStatement> eldest = statements.values().iterator();
      while (statements.size() > MAX_STATEMENTS && eldest.hasNext()) {
        eldest.next().close();
        eldest.remove();
      }
    }

    private boolean dead() {
      try {
        return physical.isClosed();
      } catch (SQLException e) {
        return true;
      }
    }
  }

  /**
   * The statements of the connection {@code lent} by the pool, checked out to the caller. A
   * connection whose driver connection cannot be reached gets statements of its own, which
   * {@link #giveBack} closes.
   */
  Held take(Connection lent) {
    PGConnection pg;
    try {
      pg = lent.unwrap(PGConnection.class);
    } catch (SQLException | RuntimeException notPgjdbc) {
      return new Held(lent, null);
    }
    if (!(pg instanceof Connection physical)) {
      return new Held(lent, pg);
    }
    synchronized (idle) {
      Held held = idle.remove(physical);
      if (held != null) {
        return held;
      }
      sweep();
    }
    return new Held(physical, pg);
  }

  /** Drops the statements of connections closed while they sat in the pool. */
  private void sweep() {
    List<Held> gone = new ArrayList<>();
    for (Iterator<Held> it = idle.values().iterator(); it.hasNext(); ) {
      Held held = it.next();
      if (held.dead()) {
        gone.add(held);
        it.remove();
      }
    }
    for (Held held : gone) {
      held.closeAll();
    }
  }

  /** Checks the statements back in, or closes them if their connection died or had no cache. */
  void giveBack(Held held, Connection lent) {
    if (held.pg == null || held.physical == lent || held.dead()) {
      held.closeAll();
      return;
    }
    held.trim();
    synchronized (idle) {
      if (!closed) {
        Held other = idle.put(held.physical, held);
        if (other == null || other == held) {
          return;
        }
        held = other;   // a pool that lent one connection twice: keep one set
      }
    }
    held.closeAll();
  }

  /** Whether every connection with statements kept for it is open (for tests). */
  boolean keepsOnlyOpenConnections() {
    synchronized (idle) {
      return idle.values().stream().noneMatch(Held::dead);
    }
  }

  /** At the engine's close: the pool closes the connections, this their statements. */
  void close() {
    List<Held> all;
    synchronized (idle) {
      closed = true;
      all = new ArrayList<>(idle.values());
      idle.clear();
    }
    for (Held held : all) {
      held.closeAll();
    }
  }
}
