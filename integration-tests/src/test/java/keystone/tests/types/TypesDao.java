package keystone.tests.types;

import keystone.Dao;
import keystone.Insert;
import keystone.Query;

@Dao
public interface TypesDao {
  @Insert
  void insertRecord(TypesRecord row);

  @Insert
  void insertFields(TypesFields row);

  @Insert
  void insertBean(TypesBean row);

  @Query("SELECT * FROM type_records WHERE id = :id")
  TypesRecord record(long id);

  @Query("SELECT * FROM type_fields WHERE id = :id")
  TypesFields fields(long id);

  @Query("SELECT * FROM type_beans WHERE id = :id")
  TypesBean bean(long id);
}
