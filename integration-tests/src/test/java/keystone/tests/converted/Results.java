package keystone.tests.converted;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import keystone.Embedded;
import keystone.Relation;

/** Result shapes holding converted and built-in values. */
public final class Results {
  private Results() {}

  public record Summary(UUID id, Instant startsAt, Money fee) {}

  public record Slot(Instant startsAt, Money fee) {}

  public record TitledSlot(String title, @Embedded Slot slot) {}

  public record EventWithTickets(
      @Embedded Event event,
      @Relation(parentColumn = "id", entityColumn = "event_id") List<Ticket> tickets) {}
}
