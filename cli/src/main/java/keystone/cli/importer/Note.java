package keystone.cli.importer;

/**
 * Something in the source that the generated code does not carry as written. {@code structural}
 * marks a difference the engine's structural comparison sees (so opening the original file with
 * the generated database is refused until it is mended); the others (triggers, views, partial
 * indexes, ...) leave the file's own objects in place but are not re-created by Keystone.
 */
public record Note(String table, String what, boolean structural) {
  @Override
  public String toString() {
    return (table == null ? "" : table + ": ") + what;
  }
}
