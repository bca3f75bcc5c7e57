package keystone.engine.sqlite.driver;

/**
 * What SQLite reported: its extended result code (https://www.sqlite.org/rescode.html) and its own
 * message, without a driver's decoration.
 */
public class DriverException extends RuntimeException {
  private final int code;
  private final String sqliteMessage;

  public DriverException(int code, String sqliteMessage, Throwable cause) {
    super("[" + code + "] " + sqliteMessage, cause);
    this.code = code;
    this.sqliteMessage = sqliteMessage == null ? "" : sqliteMessage;
  }

  /** The extended result code; {@code code() & 0xff} is the primary one. */
  public int code() {
    return code;
  }

  /** SQLite's message, such as {@code FOREIGN KEY constraint failed}. */
  public String sqliteMessage() {
    return sqliteMessage;
  }
}
