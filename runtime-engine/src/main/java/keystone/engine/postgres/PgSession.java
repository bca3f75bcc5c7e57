package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import keystone.engine.KeystoneException;

/**
 * The connection a thread holds from its outermost call to the end of it, with the statements
 * that call prepared. PostgreSQL aborts a whole transaction on any error, so every nested call
 * runs in a savepoint: that keeps SQLite's "the failed call is undone, the transaction goes on".
 */
final class PgSession {
  final Connection connection;
  final Map<String, PgStatement> statements = new HashMap<>();
  int depth;
  boolean transaction;
  boolean deferred;
  /**
   * The transaction is one call's single statement (or batch): a failure rolls all of it back, so
   * the statement keeps no savepoint of its own.
   */
  boolean oneStatement;
  /** Whether the keys are DEFERRABLE, so that SET CONSTRAINTS can defer them. */
  final boolean deferrableKeys;

  PgSession(Connection connection, boolean deferrableKeys) {
    this.connection = connection;
    this.deferrableKeys = deferrableKeys;
  }

  PgStatement statement(PgSql.Adapted sql, PgErrors errors) {
    PgStatement cached = statements.get(sql.sql());
    if (cached == null) {
      cached = new PgStatement(this, sql, errors);
      statements.put(sql.sql(), cached);
    }
    return cached;
  }

  void exec(String sql) {
    try (java.sql.Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new KeystoneException(e.getMessage() + " in: " + sql, e);
    }
  }

  /** Returns the connection to the pool in auto-commit mode, as it was lent. */
  void release() {
    for (PgStatement st : statements.values()) {
      st.close();
    }
    statements.clear();
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // The pool checks the connection before lending it again.
    } finally {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Already gone.
      }
    }
  }
}
