package keystone.tests.actions;

import java.util.List;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.OnConflict;
import keystone.Query;
import keystone.Update;

@Dao
public interface ActionsDao {
  @Insert
  void insertParents(Parent... parents);

  @Insert
  void insertNoAction(NoActionChild child);

  @Insert
  void insertRestrict(RestrictChild child);

  @Insert
  void insertSetNull(SetNullChild child);

  @Insert
  void insertSetDefault(SetDefaultChild child);

  @Insert
  void insertCascade(CascadeChild child);

  @Insert
  void insertCode(CodeChild child);

  /** SQLite's delete-then-insert: the old row's ON DELETE actions run. */
  @Insert(onConflict = OnConflict.REPLACE)
  void replace(Parent parent);

  @Delete
  int delete(Parent parent);

  @Update
  int update(Parent parent);

  @Query("UPDATE parents SET id = :newId WHERE id = :oldId")
  int changeId(long oldId, long newId);

  @Query("SELECT * FROM parents ORDER BY id")
  List<Parent> parents();

  @Query("SELECT * FROM set_null_children ORDER BY id")
  List<SetNullChild> setNullChildren();

  @Query("SELECT * FROM code_children ORDER BY id")
  List<CodeChild> codeChildren();
}
