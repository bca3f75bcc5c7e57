package roomport.dao;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.OnConflict;
import keystone.Query;
import keystone.Update;
import roomport.model.Note;

@Dao
public interface NoteDao {
  @Insert
  long insert(Note note);

  @Update(onConflict = OnConflict.IGNORE)
  int update(Note note);

  @Query("SELECT * FROM Note WHERE accountId = :accountId ORDER BY id")
  List<Note> forAccount(String accountId);

  @Query("SELECT * FROM Note WHERE id = :id")
  Note byId(long id);

  @Query("SELECT count(*) FROM Note WHERE isPinned = 1")
  int pinnedCount();
}
