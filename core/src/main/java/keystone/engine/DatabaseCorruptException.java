package keystone.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * SQLite found the file damaged (SQLITE_CORRUPT: "database disk image is malformed"), or
 * {@code PRAGMA quick_check} did. Not transient: the same pages stay damaged. Restore the file
 * from a backup, or recover what is readable with the sqlite3 shell's {@code .recover}.
 */
public class DatabaseCorruptException extends KeystoneException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final List<String> problems;

  public DatabaseCorruptException(
      String message, Path file, List<String> problems, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** The damaged file, or null for an in-memory database. */
  public Path file() {
    return file;
  }

  /** What {@code quick_check} reported, one line each; empty when a statement met the damage. */
  public List<String> problems() {
    return problems;
  }
}
