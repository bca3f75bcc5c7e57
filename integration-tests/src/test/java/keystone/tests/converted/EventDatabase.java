package keystone.tests.converted;

import keystone.Database;
import keystone.TypeConverters;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Event.class, Ticket.class, Note.class}, exportSchema = false)
@TypeConverters({MoneyConverters.class, DatabaseTags.class})
public interface EventDatabase extends KeystoneDatabase {
  EventDao events();
}
