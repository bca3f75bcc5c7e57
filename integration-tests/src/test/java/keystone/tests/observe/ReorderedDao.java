package keystone.tests.observe;

import keystone.Dao;
import keystone.Insert;
import keystone.tests.relations.Purchase;

/** A DAO of {@link ReorderedDatabase} alone, generated against its own table order. */
@Dao
public interface ReorderedDao {
  @Insert
  long insert(Purchase order);
}
