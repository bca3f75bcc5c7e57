package keystone.engine.postgres;

import java.sql.SQLException;
import java.sql.Savepoint;
import keystone.engine.KeystoneException;
import keystone.engine.spi.CallScope;

/**
 * One call on PostgreSQL: a transaction, a savepoint inside one, a snapshot, a plain read, or one
 * statement inside a transaction.
 */
final class PgScope implements CallScope {
  enum Kind {
    READ,
    SNAPSHOT,
    TRANSACTION,
    SAVEPOINT,
    /** One statement inside a transaction: the savepoint PgStatement puts around it serves. */
    STATEMENT,
    /**
     * One statement outside a transaction that runs no foreign-key action: it runs in
     * auto-commit, PostgreSQL's implicit transaction making it atomic, unless
     * {@link PgSession#beginLate} opens a transaction for it first (a batch, an explicit key).
     */
    SINGLE,
    /**
     * A read inside a transaction whose statements send their own savepoint
     * ({@link PgSession#pipelined}): its savepoint is set only if the engine's own work uses the
     * connection directly ({@link #session()}).
     */
    NESTED_READ
  }

  private final PostgresEngine engine;
  private final PgSession session;
  private final Kind kind;
  private Savepoint savepoint;
  private boolean done;

  PgScope(PostgresEngine engine, PgSession session, Kind kind) {
    this.engine = engine;
    this.session = session;
    this.kind = kind;
    try {
      switch (kind) {
        case TRANSACTION -> {
          // Untouched only if no transaction was under way (a snapshot's has sent statements).
          boolean underWay = session.manual();
          session.manualCommit(true);
          session.transaction = true;
          session.untouched = !underWay;
        }
        case SNAPSHOT -> {
          session.manualCommit(true);
          session.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        case SAVEPOINT -> savepoint = session.firstContact(false, this::setSavepoint, () -> { });
        default -> { }
      }
    } catch (SQLException e) {
      throw PgFaults.failed("Cannot start a call on PostgreSQL", e);
    }
  }

  private Savepoint setSavepoint() {
    try {
      return session.lent().setSavepoint();
    } catch (SQLException e) {
      throw engine.errors().translate(e, "SAVEPOINT");
    }
  }

  PgSession session() {
    if (kind == Kind.NESTED_READ && savepoint == null) {
      savepoint = session.firstContact(false, this::setSavepoint, () -> { });
    }
    return session;
  }

  @Override
  public PgStatement prepare(String sql) {
    engine.trace(sql);
    return session.statement(engine.adapt(sql), engine.errors());
  }

  @Override
  public void succeed() {
    try {
      switch (kind) {
        case TRANSACTION -> engine.commit(session);
        case SNAPSHOT -> session.connection().commit();
        case SAVEPOINT -> session.connection().releaseSavepoint(savepoint);
        case NESTED_READ -> {
          if (savepoint != null) {
            session.connection().releaseSavepoint(savepoint);
          }
        }
        case SINGLE -> {
          if (session.transaction) {
            engine.commit(session);
          }
        }
        default -> { }
      }
      done = true;
    } catch (SQLException e) {
      throw engine.errors().translate(e, "COMMIT");
    }
  }

  @Override
  public void end() {
    try {
      if (!done) {
        rollback();
      }
    } finally {
      engine.exit(session, kind, done);
    }
  }

  private void rollback() {
    try {
      if (kind == Kind.SAVEPOINT || (kind == Kind.NESTED_READ && savepoint != null)) {
        session.connection().rollback(savepoint);
      } else if (kind == Kind.TRANSACTION || kind == Kind.SNAPSHOT
          || (kind == Kind.SINGLE && session.transaction)) {
        session.connection().rollback();
      }
    } catch (SQLException alreadyEnded) {
      // The error that ended the call is the one worth reporting.
    }
  }
}
