package keystone.postgres;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

@Dao
public interface NotesDao {
  @Insert
  long insert(Notebook notebook);

  @Insert
  long insert(Note note);

  @Query("SELECT * FROM notes WHERE notebook_id = :notebookId ORDER BY id")
  List<Note> notesOf(long notebookId);
}
