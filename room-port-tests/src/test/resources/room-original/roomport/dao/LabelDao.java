package roomport.dao;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.Query;
import androidx.room.Transaction;
import java.util.List;
import roomport.model.JoinNoteWithLabel;
import roomport.model.Label;

@Dao
public interface LabelDao {
  @Insert
  void insert(Label label);

  @Insert
  void link(JoinNoteWithLabel join);

  @Query("UPDATE Label SET labelName = :newName WHERE accountId = :accountId"
      + " AND labelName = :oldName")
  int rename(String accountId, String oldName, String newName);

  @Query("SELECT * FROM JoinNoteWithLabel WHERE noteId = :noteId ORDER BY labelName")
  List<JoinNoteWithLabel> linksOf(long noteId);

  @Query("SELECT * FROM Label WHERE accountId = :accountId ORDER BY labelName")
  List<Label> labelsOf(String accountId);

  /** Two writes as one transaction: both or neither. */
  @Transaction
  default void labelNote(long noteId, String accountId, String labelName) {
    insert(new Label(accountId, labelName));
    link(new JoinNoteWithLabel(noteId, accountId, labelName));
  }
}
