package keystone.tests.converted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Converted and built-in types everywhere a column goes, on both engines. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ConvertedValuesTest {
  private static final UUID CONCERT = UUID.fromString("f3a1c2d4-0000-4000-8000-00000000000a");
  private static final UUID LECTURE = UUID.fromString("0b1c2d3e-0000-4000-8000-00000000000b");
  private static final Instant MAY = Instant.parse("2026-05-01T19:30:00.250Z");
  private static final Instant APRIL = Instant.parse("1969-04-01T10:00:00Z");

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private EventDatabase db;
  private EventDao dao;

  @BeforeEach
  void open() {
    db = engine.open(EventDatabase.class, dir);
    dao = db.events();
    dao.insert(new Event(CONCERT, "Concert", MAY, new Money(4_500), new Tag("music")),
        new Event(LECTURE, "Lecture", APRIL, new Money(0), null));
    dao.insert(new Ticket(1, CONCERT, MAY.minusSeconds(86_400), new BigDecimal("45.00")),
        new Ticket(2, CONCERT, MAY.minusSeconds(3_600), new BigDecimal("40.50")),
        new Ticket(3, LECTURE, APRIL, BigDecimal.ZERO));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void uuidKeyFindsAndCascades() {
    assertEquals("Concert", dao.get(CONCERT).title());
    DeletePlan plan = db.previewDelete(Event.class, CONCERT);
    assertEquals(Map.of("events", 1, "tickets", 2), nonZero(plan.deleted()));
    assertEquals(3, dao.tickets(), "a preview changes nothing");
    assertEquals(1, dao.delete(CONCERT));
    assertEquals(1, dao.tickets(), "the concert's tickets went with it");
  }

  @Test
  void aMissingUuidParentIsNamedInCanonicalForm() {
    UUID nowhere = UUID.fromString("00000000-0000-4000-8000-0000000000ff");
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> dao.insert(new Ticket(9, nowhere, null, null)));
    assertTrue(e.getMessage().contains("key (event_id)=(" + nowhere + ") is not present in"
        + " table \"events\""), e.getMessage());
    assertEquals(List.of(nowhere.toString()), e.violations().get(0).key().stream()
        .map(String::valueOf).toList());
    assertEquals(3, dao.tickets());
  }

  @Test
  void parametersIncludingCollectionsAndConvertedValues() {
    assertEquals(List.of(LECTURE, CONCERT),
        dao.byIds(List.of(CONCERT, LECTURE, UUID.randomUUID())).stream().map(Event::id).toList());
    assertEquals(List.of(CONCERT),
        dao.feeAtLeast(new Money(100)).stream().map(Event::id).toList());
  }

  @Test
  void scalarAndRecordResults() {
    assertEquals(Optional.of(MAY), dao.latest());
    assertEquals(Optional.of(new Money(4_500)), dao.feeOf(CONCERT));
    assertEquals(List.of(new Results.Summary(LECTURE, APRIL, new Money(0)),
        new Results.Summary(CONCERT, MAY, new Money(4_500))), dao.summaries());
    assertEquals(List.of(new Results.TitledSlot("Lecture", new Results.Slot(APRIL, new Money(0))),
        new Results.TitledSlot("Concert", new Results.Slot(MAY, new Money(4_500)))),
        dao.slots());
  }

  @Test
  void relationKeyedByUuid() {
    Results.EventWithTickets graph = dao.withTickets(CONCERT);
    assertEquals(CONCERT, graph.event().id());
    assertEquals(List.of(new BigDecimal("45.00"), new BigDecimal("40.50")),
        graph.tickets().stream().map(Ticket::paid).toList());
  }

  @Test
  void upsertByUuidKeepsTheChildren() {
    dao.upsert(new Event(CONCERT, "Concert (moved)", MAY.plusSeconds(7_200), new Money(5_000),
        null));
    Event moved = dao.get(CONCERT);
    assertEquals(new Event(CONCERT, "Concert (moved)", MAY.plusSeconds(7_200), new Money(5_000),
        null), moved);
    assertEquals(3, dao.tickets(), "an upsert never deletes, so no cascade");
  }

  @Test
  void observersSeeConvertedRows() throws InterruptedException {
    BlockingQueue<List<Event>> seen = new LinkedBlockingQueue<>();
    dao.observe().subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<Event> item) {
        seen.add(item);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onComplete() {}
    });
    assertEquals(2, seen.poll(10, TimeUnit.SECONDS).size());
    dao.delete(LECTURE);
    List<Event> after = seen.poll(10, TimeUnit.SECONDS);
    assertEquals(List.of(new Money(4_500)), after.stream().map(Event::fee).toList());
  }

  @Test
  void nearestConverterScopeWins() {
    dao.insert(new Note(1, new Tag("a"), new Tag("b")));
    List<Object[]> stored = db.query("SELECT by_entity, by_field FROM notes");
    assertEquals(List.of("entity:a", "field:b"), List.of(stored.get(0)));
    assertEquals(List.of("database:music"),
        List.of(db.query("SELECT tag FROM events WHERE title = 'Concert'").get(0)));
    assertEquals("dao:x", dao.storedByDao(new Tag("x")));
    assertEquals("method:x", dao.storedByMethod(new Tag("x")));
    assertEquals(new Note(1, new Tag("a"), new Tag("b")), dao.note(1));
  }

  @Test
  void instanceConvertersAreMadeOncePerDao() {
    int made = MoneyConverters.MADE.get();
    for (int i = 0; i < 50; i++) {
      dao.feeOf(CONCERT);
      dao.feeAtLeast(new Money(i));
    }
    assertEquals(made, MoneyConverters.MADE.get(), "no converter made per call");
    assertEquals(0L, (Long) db.query("SELECT fee FROM events WHERE title = 'Lecture'")
        .get(0)[0]);
  }

  private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    counts.forEach((table, n) -> {
      if (n > 0) {
        out.put(table, n);
      }
    });
    return out;
  }
}
