/**
 * The small surface Keystone's SQLite dialect needs from a SQLite driver, in the shape of SQLite's
 * C API (https://www.sqlite.org/cintro.html): open, prepare, bind, step, read a column, exec,
 * changes, last rowid, and the error's extended result code and message.
 *
 * <p>Everything SQLite-specific that Keystone does (enforcement checks, foreign-key diagnosis,
 * RESTRICT guards, the deferred-commit check, table rebuilds, schema comparison) is written once
 * against these types. Two drivers ship: sqlite-jdbc's in {@code keystone-engine}, and Android's
 * {@code android.database.sqlite} in {@code keystone-android}. Another one plugs in by
 * implementing {@link keystone.engine.sqlite.driver.SqliteDriver}.
 */
package keystone.engine.sqlite.driver;
