package keystone.engine.sqlite;

import keystone.engine.sqlite.driver.DriverException;
import keystone.engine.KeystoneException;

/** Turns a driver error into Keystone's typed exception, diagnosing foreign-key failures. */
public interface FailureHandler {
  /**
   * @param error what the driver threw
   * @param statement the statement that failed, still bound, so it can be re-run for diagnosis;
   *     null when the failure was not a statement's (prepare, open)
   */
  KeystoneException translate(DriverException error, SqliteStatement statement);
}
