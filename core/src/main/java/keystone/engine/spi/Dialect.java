package keystone.engine.spi;

/** The SQL an engine speaks; generated code picks its statements by it once, at construction. */
public enum Dialect {
  SQLITE,
  POSTGRES
}
