package roomport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.KeystoneException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roomport.model.Board;
import roomport.model.Note;

/**
 * A user's phone holds a file Room made at version 1; the Keystone build is version 2. Opening it
 * adopts it (Room's index names become Keystone's, room_master_table goes), runs the
 * auto-migration written from Room's exported schema, and keeps rows, keys and enforcement.
 */
class RoomFileAdoptionTest {
  private static final List<String> ROWS = List.of(
      "INSERT INTO Account (id, email, isVerified) VALUES ('acc-1', 'ada@example.com', 1)",
      "INSERT INTO Account (id, email, isVerified) VALUES ('acc-2', 'bob@example.com', 0)",
      "INSERT INTO Board (id, accountId, title, archived, createdAt) VALUES (1, 'acc-1', 'Home', 0,"
          + " 100)",
      "INSERT INTO Note (id, accountId, boardId, text, isPinned) VALUES (10, 'acc-1', 1, 'milk',"
          + " 1)",
      "INSERT INTO Note (id, accountId, boardId, text, isPinned) VALUES (11, 'acc-1', 1, 'eggs',"
          + " NULL)",
      "INSERT INTO Label (accountId, labelName, color) VALUES ('acc-1', 'shop', 'red')",
      "INSERT INTO JoinNoteWithLabel (noteId, accountId, labelName) VALUES (10, 'acc-1', 'shop')");

  @TempDir Path dir;

  @Test
  void aRoomFileOfVersionOneIsAdoptedMigratedAndReopened() throws Exception {
    Path file = dir.resolve("notes.db");
    RoomFiles.create(file, 1, ROWS);

    try (NotesDatabase db = Keystone.open(NotesDatabase.class, file)) {
      Note milk = db.notes().byId(10);
      assertEquals("milk", milk.getText());
      assertEquals(Boolean.TRUE, milk.isPinned());
      assertEquals(null, milk.getColor());     // the column version 2 added
      milk.setColor("green");
      assertEquals(1, db.notes().update(milk));
      assertEquals("shop", db.labels().linksOf(10).get(0).labelName);
      // Enforcement holds on the adopted file: RESTRICT from Note keeps acc-1.
      assertThrows(ForeignKeyViolationException.class,
          () -> db.execute("DELETE FROM Account WHERE id = 'acc-1'"));
      Board orphan = new Board();
      orphan.accountId = "nobody";
      orphan.title = "x";
      assertThrows(ForeignKeyViolationException.class, () -> db.boards().insert(orphan));
    }

    assertEquals(List.of("2"), RoomFiles.strings(file, "PRAGMA user_version"));
    assertEquals(List.of(), RoomFiles.strings(file,
        "SELECT name FROM sqlite_schema WHERE name = 'room_master_table'"));
    assertEquals(List.of("idx_Account_email", "idx_Board_accountId", "idx_Board_createdAt",
        "idx_JoinNoteWithLabel_accountId_labelName", "idx_Note_accountId", "idx_Note_boardId"),
        RoomFiles.strings(file, "SELECT name FROM sqlite_schema WHERE type = 'index'"
            + " AND sql IS NOT NULL ORDER BY name"));
    assertEquals(List.of("2", "1", "2", "1"), RoomFiles.strings(file,
        "SELECT count(*) FROM Account UNION ALL SELECT count(*) FROM Board UNION ALL"
            + " SELECT count(*) FROM Note UNION ALL SELECT count(*) FROM JoinNoteWithLabel"));
    assertEquals(List.of(), RoomFiles.strings(file, "PRAGMA foreign_key_check"));

    try (NotesDatabase db = Keystone.open(NotesDatabase.class, file)) {
      assertEquals("green", db.notes().byId(10).getColor());
      assertEquals(2, db.notes().forAccount("acc-1").size());
    }
  }

  @Test
  void aRoomFileAtTheCompiledVersionIsAdoptedWithoutMigration() throws Exception {
    Path file = dir.resolve("notes.db");
    List<String> extra = new java.util.ArrayList<>(ROWS);
    extra.add("ALTER TABLE `Note` ADD COLUMN `color` TEXT");
    RoomFiles.create(file, 2, extra);

    try (NotesDatabase db = Keystone.open(NotesDatabase.class, file)) {
      assertEquals("ada@example.com", db.accounts().byId("acc-1").getEmail());
      assertTrue(db.accounts().byId("acc-1").isVerified());
    }
    assertEquals(List.of(), RoomFiles.strings(file,
        "SELECT name FROM sqlite_schema WHERE type = 'index'"
            + " AND name LIKE 'index\\_%' ESCAPE '\\'"));
    assertEquals(List.of(), RoomFiles.strings(file,
        "SELECT name FROM sqlite_schema WHERE name = 'room_master_table'"));
  }

  @Test
  void aRoomFileOfAnotherSchemaIsRefusedAndLeftAsItWas() throws Exception {
    Path file = dir.resolve("notes.db");
    // Version 2 by number, but Note lacks the color column version 2 has.
    RoomFiles.create(file, 2, ROWS);

    KeystoneException e = assertThrows(KeystoneException.class,
        () -> Keystone.open(NotesDatabase.class, file).close());
    assertTrue(e.getMessage().contains("was made by Room but does not hold the compiled schema"),
        e.getMessage());
    assertTrue(e.getMessage().contains("table Note has columns"), e.getMessage());
    assertEquals(List.of("5b1c0d4f9e2a7b36c8d1e0f2a3b4c5d6"),
        RoomFiles.strings(file, "SELECT identity_hash FROM room_master_table"));
    assertEquals(List.of("index_Account_email", "index_Board_accountId", "index_Board_createdAt",
        "index_JoinNoteWithLabel_accountId_labelName", "index_Note_accountId",
        "index_Note_boardId"),
        RoomFiles.strings(file, "SELECT name FROM sqlite_schema WHERE type = 'index'"
            + " AND sql IS NOT NULL ORDER BY name"));
    assertEquals(List.of("2"), RoomFiles.strings(file, "PRAGMA user_version"));
  }
}
