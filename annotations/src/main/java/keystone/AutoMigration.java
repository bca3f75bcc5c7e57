package keystone;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A migration the processor writes by comparing the schema exported for version {@code from}
 * (under {@code -Akeystone.schemaLocation}) with the current one, declared in
 * {@link Database#autoMigrations()}.
 *
 * <pre>{@code
 * @Database(entities = {...}, version = 3, autoMigrations = {
 *     @AutoMigration(from = 1, to = 2),
 *     @AutoMigration(from = 2, to = 3, spec = Rename.class)})
 * interface ShopDatabase extends KeystoneDatabase {
 *   @RenameColumn(table = "users", from = "mail", to = "email")
 *   final class Rename {}
 * }
 * }</pre>
 *
 * <p>Added tables and columns (with their defaults) are applied in place; any change to a table's
 * keys, foreign keys, CHECKs or column types rebuilds it by SQLite's 12-step procedure, run by the
 * engine. Renames and deletions cannot be told apart from a drop and an add, so they are declared
 * on the {@code spec} class with {@link RenameColumn}, {@link RenameTable}, {@link DeleteColumn}
 * and {@link DeleteTable}. Rules the processor enforces: the exported schema of {@code from}
 * exists; {@code to} is {@code from + 1} or the database's version chain is complete; a column
 * that disappears without being declared deleted or renamed is an error, not a silent loss.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface AutoMigration {
  int from();

  int to();

  /** A class carrying rename and delete declarations; {@code void.class} for none. */
  Class<?> spec() default void.class;
}
