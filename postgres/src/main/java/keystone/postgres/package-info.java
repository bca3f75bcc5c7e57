/**
 * Keystone on PostgreSQL, as one dependency: {@code dev.keystone:keystone-postgres} brings the
 * engine, the PostgreSQL JDBC driver and the HikariCP pool that {@code Keystone.builder(...)
 * .postgres(jdbcUrl)} opens. The engine itself lives in {@code keystone.engine}; this package
 * holds no code, since the artifact exists for its dependencies.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.keystone</groupId>
 *   <artifactId>keystone-postgres</artifactId>
 *   <version>0.1.0-SNAPSHOT</version>
 * </dependency>
 * }</pre>
 */
package keystone.postgres;
