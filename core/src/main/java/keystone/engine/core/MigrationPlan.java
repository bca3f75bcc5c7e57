package keystone.engine.core;

import java.util.ArrayList;
import java.util.List;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;

/**
 * The chain of migrations from a file's version to the compiled one, found before any runs: a
 * file with no complete path is refused untouched. From each version the longest step that does
 * not pass the target is taken, as Room does; a builder migration wins over an SQL file.
 */
public final class MigrationPlan {
  private MigrationPlan() {}

  public static List<Migration> find(
      int from, int to, List<Migration> fromBuilder, List<Migration> fromFiles, String where) {
    List<Migration> all = new ArrayList<>(fromBuilder);
    for (Migration file : fromFiles) {
      boolean shadowed =
          fromBuilder.stream().anyMatch(m -> m.from() == file.from() && m.to() == file.to());
      if (!shadowed) {
        all.add(file);
      }
    }
    List<Migration> path = new ArrayList<>();
    int at = from;
    while (at < to) {
      Migration next = null;
      for (Migration m : all) {
        if (m.from() == at && m.to() <= to && (next == null || m.to() > next.to())) {
          next = m;
        }
      }
      if (next == null) {
        throw new KeystoneException(
            where + " is at schema version " + from + " but the database is compiled at version "
                + to + ", and no migration leads on from version " + at + " (known: " + all
                + "); add one with Keystone.builder(...).migrations(Migration.of(" + at + ", "
                + to + ", db -> ...)) or an SQL file; the file is left untouched");
      }
      path.add(next);
      at = next.to();
    }
    return path;
  }
}
