package keystone.postgres;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {Notebook.class, Note.class}, exportSchema = false)
public interface NotesDatabase extends KeystoneDatabase {
  NotesDao notes();
}
