package keystone.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step from schema version {@code from} to {@code to}, run in its own transaction when an
 * older file is opened. At its end every foreign key and the file's integrity are checked, and a
 * table that lost rows without being named by {@link #allowRowLoss} fails it; a failed migration
 * rolls back and leaves the file at {@code from}.
 *
 * <p>Two kinds:
 * <ul>
 *   <li>{@link #of}: your SQL, run with enforcement on and every key deferred to the end of the
 *       migration (D1's model), so tables can be filled in any order.
 *   <li>{@link #schema}: schema changes the engine runs itself, including table rebuilds by
 *       SQLite's 12-step procedure (https://www.sqlite.org/lang_altertable.html#otheralter) with
 *       enforcement off for that procedure only, which is how a foreign key is added to or changed
 *       on an existing table without {@code DROP TABLE} cascading into its children.
 * </ul>
 *
 * <pre>{@code
 * Keystone.builder(ShopDatabase.class)
 *     .path(file)
 *     .migrations(
 *         Migration.of(1, 2, db -> db.execute("ALTER TABLE users ADD COLUMN nickname TEXT")),
 *         Migration.schema(2, 3, SchemaStep.rebuild("orders", "CREATE TABLE orders (...)",
 *             "CREATE INDEX idx_orders_user_id ON orders (user_id)")))
 *     .build();
 * }</pre>
 */
public final class Migration {
  private final int from;
  private final int to;
  private final MigrationBody body;
  private final List<SchemaStep> steps;
  private final Set<String> rowLossAllowed;
  private final String source;

  private Migration(
      int from, int to, MigrationBody body, List<SchemaStep> steps, Set<String> rowLossAllowed,
      String source) {
    if (from < 1 || to <= from) {
      throw new IllegalArgumentException(
          "A migration goes from a version >= 1 to a higher one; got " + from + " -> " + to);
    }
    this.from = from;
    this.to = to;
    this.body = body;
    this.steps = List.copyOf(steps);
    this.rowLossAllowed = Set.copyOf(rowLossAllowed);
    this.source = source;
  }

  /** A migration of your own SQL. */
  public static Migration of(int from, int to, MigrationBody body) {
    return new Migration(
        from, to, Objects.requireNonNull(body, "body"), List.of(), Set.of(), "Java migration");
  }

  /** Schema changes run by the engine, rebuilding tables where SQLite's ALTER TABLE cannot. */
  public static Migration schema(int from, int to, SchemaStep... steps) {
    if (steps.length == 0) {
      throw new IllegalArgumentException("A schema migration needs at least one step");
    }
    return new Migration(from, to, null, List.of(steps), Set.of(), "schema migration");
  }

  /** A migration read from an SQL file; {@code source} names the file in errors. */
  public static Migration ofSqlFile(int from, int to, String sql, String source) {
    return new Migration(from, to, db -> db.execute(sql), List.of(), Set.of(), source);
  }

  /** Declares tables this migration may lose rows from (say, a cleanup DELETE or a cascade). */
  public Migration allowRowLoss(String... tables) {
    return new Migration(from, to, body, steps, Set.of(tables), source);
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  /** Your code, or null for a schema migration. */
  public MigrationBody body() {
    return body;
  }

  /** The engine's steps, empty for a migration of your own SQL. */
  public List<SchemaStep> steps() {
    return steps;
  }

  public Set<String> rowLossAllowed() {
    return rowLossAllowed;
  }

  @Override
  public String toString() {
    return source + " " + from + " -> " + to;
  }
}
