/**
 * The seam between generated code and the engine. Generated DAOs and databases call only these
 * types, never {@code java.sql}, so the driver underneath (sqlite-jdbc today, PostgreSQL or a
 * native driver later) can change without regenerating user code. Not for application code.
 */
package keystone.engine.spi;
