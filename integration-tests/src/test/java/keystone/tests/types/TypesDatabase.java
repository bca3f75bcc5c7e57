package keystone.tests.types;

import keystone.Database;
import keystone.engine.KeystoneDatabase;

@Database(entities = {TypesRecord.class, TypesFields.class, TypesBean.class})
public interface TypesDatabase extends KeystoneDatabase {
  TypesDao dao();
}
