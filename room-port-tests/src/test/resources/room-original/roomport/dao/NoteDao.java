package roomport.dao;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.OnConflictStrategy;
import androidx.room.Query;
import androidx.room.Update;
import java.util.List;
import roomport.model.Note;

@Dao
public interface NoteDao {
  @Insert
  long insert(Note note);

  @Update(onConflict = OnConflictStrategy.IGNORE)
  int update(Note note);

  @Query("SELECT * FROM Note WHERE accountId = :accountId ORDER BY id")
  List<Note> forAccount(String accountId);

  @Query("SELECT * FROM Note WHERE id = :id")
  Note byId(long id);

  @Query("SELECT count(*) FROM Note WHERE isPinned = 1")
  int pinnedCount();
}
