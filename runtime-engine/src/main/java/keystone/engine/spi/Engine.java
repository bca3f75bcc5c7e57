package keystone.engine.spi;

import keystone.engine.KeystoneDatabase;

/**
 * What a generated {@code <Database>_Impl} and its DAOs are given: the public database API plus
 * the atomic call scopes that generated methods run in.
 */
public interface Engine extends KeystoneDatabase {
  /**
   * Starts an atomic unit on the calling thread: a transaction when none is open, else a
   * savepoint inside the caller's. Always pair with {@link CallScope#end()} in a {@code finally}.
   *
   * @param write whether the unit may write; a read at top level needs no transaction
   */
  CallScope begin(boolean write);
}
