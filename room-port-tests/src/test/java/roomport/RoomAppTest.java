package roomport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roomport.model.Account;
import roomport.model.AccountWithBoards;
import roomport.model.Board;
import roomport.model.BoardWithNotes;
import roomport.model.JoinNoteWithLabel;
import roomport.model.Label;
import roomport.model.Note;

/** The Room-shaped app on a new file: what its users rely on, asserted on the rows left. */
class RoomAppTest {
  @TempDir Path dir;
  private NotesDatabase db;
  private Account ada;
  private long home;
  private long milk;

  @BeforeEach
  void open() {
    db = Keystone.open(NotesDatabase.class, dir.resolve("notes.db"));
    ada = new Account("ada@example.com");           // the @Ignore'd constructor, app-side
    ada.setVerified(true);
    db.accounts().insert(ada);
    Board board = new Board();
    board.accountId = ada.getId();
    board.title = "Home";
    board.createdAt = 100;
    home = db.boards().insert(board);
    Note note = new Note(ada.getId(), home, "milk");
    note.setPinned(true);
    milk = db.notes().insert(note);
    db.notes().insert(new Note(ada.getId(), home, "eggs"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void entitiesComeBackThroughTheirConstructorsAndIsAccessors() {
    Account read = db.accounts().byId(ada.getId());
    assertEquals(ada.getId(), read.getId());
    assertEquals("ada@example.com", read.getEmail());
    assertTrue(read.isVerified());
    Note note = db.notes().byId(milk);
    assertEquals("milk", note.getText());
    assertEquals(Boolean.TRUE, note.isPinned());
    assertNull(db.notes().forAccount(ada.getId()).get(1).isPinned());
    assertEquals(1, db.notes().pinnedCount());
  }

  @Test
  void aTextKeyReferencedBySeveralChildrenIsProtectedByRestrict() {
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> db.accounts().delete(ada));
    ForeignKeyViolation v = e.violations().get(0);
    assertEquals("Note", v.childTable());
    assertEquals(List.of("accountId"), v.childColumns());
    assertEquals(ForeignKeyViolation.Kind.STILL_REFERENCED, v.kind());
    assertEquals(1, db.accounts().all().size());
    assertEquals(2, db.notes().forAccount(ada.getId()).size());
  }

  @Test
  void deletingABoardCascadesToItsNotesAndTheirLabels() {
    db.labels().labelNote(milk, ada.getId(), "shop");
    assertEquals(1, db.boards().delete(home));
    assertEquals(List.of(), db.notes().forAccount(ada.getId()));
    assertEquals(List.of(), db.labels().linksOf(milk));
    assertEquals(1, db.labels().labelsOf(ada.getId()).size());   // the label itself stays
  }

  @Test
  void renamingACompositeKeyCascadesToItsChildren() {
    db.labels().labelNote(milk, ada.getId(), "shop");
    assertEquals(1, db.labels().rename(ada.getId(), "shop", "groceries"));
    List<JoinNoteWithLabel> links = db.labels().linksOf(milk);
    assertEquals(1, links.size());
    assertEquals("groceries", links.get(0).labelName);
  }

  @Test
  void aLinkToAMissingLabelIsRefusedAndNothingIsWritten() {
    assertThrows(ForeignKeyViolationException.class,
        () -> db.labels().link(new JoinNoteWithLabel(milk, ada.getId(), "nope")));
    // The @Transaction default method is undone whole when its second step fails.
    db.labels().insert(new Label(ada.getId(), "taken"));
    assertThrows(RuntimeException.class,
        () -> db.labels().labelNote(999, ada.getId(), "fresh"));
    assertEquals(List.of("taken"),
        db.labels().labelsOf(ada.getId()).stream().map(l -> l.labelName).toList());
  }

  @Test
  void transactionRelationQueriesLoadTheGraph() {
    db.labels().labelNote(milk, ada.getId(), "shop");
    db.labels().insert(new Label(ada.getId(), "work"));
    AccountWithBoards graph = db.accounts().withBoards(ada.getId());
    assertEquals("ada@example.com", graph.account.getEmail());
    assertEquals(List.of("Home"), graph.boards.stream().map(b -> b.title).toList());
    assertEquals(List.of("shop", "work"), graph.labelNames.stream().sorted().toList());
    BoardWithNotes board = db.boards().withNotes(home);
    assertEquals(List.of("milk", "eggs"), board.notes.stream().map(Note::getText).toList());
    assertNull(db.accounts().withBoards("nobody"));
  }

  @Test
  void updateOnConflictIgnoreSkipsTheRowThatCollides() {
    Account bob = new Account("bob", "bob@example.com");
    db.accounts().insert(bob);
    Account clash = new Account("bob", "ada@example.com");   // email is UNIQUE
    assertEquals(0, db.accounts().update(clash));
    assertEquals("bob@example.com", db.accounts().byId("bob").getEmail());
    assertEquals(1, db.accounts().update(new Account("bob", "robert@example.com")));
    assertFalse(db.accounts().byId("bob").isVerified());
  }
}
