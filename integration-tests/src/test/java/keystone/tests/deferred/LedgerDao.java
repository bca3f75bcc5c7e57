package keystone.tests.deferred;

import java.util.List;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.OnConflict;
import keystone.Query;
import keystone.Transaction;
import keystone.Update;
import keystone.Upsert;

@Dao
public interface LedgerDao {
  @Insert
  void insertAccount(Account account);

  @Insert
  void insertEntry(Entry entry);

  @Insert
  void insertEntries(List<Entry> entries);

  @Insert
  long insertEntryReturningRowid(Entry entry);

  @Insert
  long[] insertEntriesReturningRowids(List<Entry> entries);

  @Upsert
  long upsertEntry(Entry entry);

  @Update
  int updateEntry(Entry entry);

  @Query("UPDATE entries SET account_id = :accountId WHERE id = :id")
  int moveEntry(long id, long accountId);

  @Insert
  void insertHold(Hold hold);

  @Insert
  void insertNote(Note note);

  @Insert
  void insertNotes(List<Note> notes);

  @Insert
  long insertNoteReturningRowid(Note note);

  @Upsert
  void upsertNotes(List<Note> notes);

  @Insert(onConflict = OnConflict.IGNORE)
  void insertNotesIgnoringDuplicates(List<Note> notes);

  @Delete
  int deleteAccount(Account account);

  @Query("DELETE FROM accounts WHERE id = :id")
  int deleteAccountById(long id);

  @Query("SELECT * FROM accounts ORDER BY id")
  List<Account> accounts();

  @Query("SELECT * FROM entries ORDER BY id")
  List<Entry> entries();

  @Query("SELECT * FROM notes ORDER BY id")
  List<Note> notes();

  @Query("SELECT * FROM holds ORDER BY id")
  List<Hold> holds();

  /** Opens an account with its first notes, all or nothing. */
  @Transaction
  default void openWithNotes(Account account, List<Note> notes) {
    insertAccount(account);
    insertNotes(notes);
  }
}
