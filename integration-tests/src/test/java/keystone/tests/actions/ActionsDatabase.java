package keystone.tests.actions;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(
    entities = {
      Parent.class,
      NoActionChild.class,
      RestrictChild.class,
      SetNullChild.class,
      SetDefaultChild.class,
      CascadeChild.class,
      CodeChild.class
    })
public interface ActionsDatabase extends KeystoneDatabase {
  ActionsDao dao();
}
