package keystone.tests.deferred;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Account.class, Entry.class, Hold.class, Note.class})
public interface LedgerDatabase extends KeystoneDatabase {
  LedgerDao ledger();
}
