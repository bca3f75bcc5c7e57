package roomport;

import androidx.room.AutoMigration;
import androidx.room.Database;
import androidx.room.RoomDatabase;
import roomport.dao.AccountDao;
import roomport.dao.BoardDao;
import roomport.dao.LabelDao;
import roomport.dao.NoteDao;
import roomport.model.Account;
import roomport.model.Board;
import roomport.model.JoinNoteWithLabel;
import roomport.model.Label;
import roomport.model.Note;

/**
 * Version 1's exported schema is {@code room-schemas/roomport.NotesDatabase/1.json}; version 2
 * adds {@code Note.color}.
 */
@Database(
    entities = {Account.class, Board.class, Note.class, Label.class, JoinNoteWithLabel.class},
    version = 2,
    autoMigrations = {@AutoMigration(from = 1, to = 2)})
public abstract class NotesDatabase extends RoomDatabase {
  public abstract AccountDao accounts();

  public abstract BoardDao boards();

  public abstract NoteDao notes();

  public abstract LabelDao labels();
}
