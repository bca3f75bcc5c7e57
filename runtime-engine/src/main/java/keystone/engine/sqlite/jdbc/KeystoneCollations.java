package keystone.engine.sqlite.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import keystone.engine.sqlite.DecimalCollation;

/**
 * Keystone's collations for a sqlite-jdbc connection Keystone did not open (tools, tests), so
 * that it reads Keystone's {@code COLLATE decimal} columns as the engine does.
 */
public final class KeystoneCollations {
  private KeystoneCollations() {}

  public static void register(Connection connection) throws SQLException {
    JdbcConnection.registerCollation(connection, DecimalCollation.NAME, DecimalCollation.ORDER);
  }
}
