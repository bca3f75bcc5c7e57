package keystone.tests.converted;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Flow;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;
import keystone.TypeConverters;
import keystone.Upsert;

@Dao
@TypeConverters(DaoTags.class)
public interface EventDao {
  @Insert
  void insert(Event... events);

  @Insert
  void insert(Ticket... tickets);

  @Insert
  void insert(Note note);

  @Upsert
  void upsert(Event event);

  @Query("SELECT * FROM events WHERE id = :id")
  Event get(UUID id);

  @Query("SELECT * FROM events WHERE id IN (:ids) ORDER BY starts_at")
  List<Event> byIds(Collection<UUID> ids);

  @Query("SELECT * FROM events WHERE fee >= :min ORDER BY starts_at")
  List<Event> feeAtLeast(Money min);

  @Query("SELECT max(starts_at) FROM events")
  Optional<Instant> latest();

  @Query("SELECT fee FROM events WHERE id = :id")
  Optional<Money> feeOf(UUID id);

  @Query("SELECT id, starts_at, fee FROM events ORDER BY starts_at")
  List<Results.Summary> summaries();

  @Query("SELECT title, starts_at, fee FROM events ORDER BY starts_at")
  List<Results.TitledSlot> slots();

  @Query("SELECT * FROM events WHERE id = :id")
  Results.EventWithTickets withTickets(UUID id);

  @Query("SELECT * FROM events ORDER BY starts_at")
  Flow.Publisher<List<Event>> observe();

  @Query("DELETE FROM events WHERE id = :id")
  int delete(UUID id);

  @Query("SELECT count(*) FROM tickets")
  long tickets();

  /** The DAO's converters for a parameter. */
  @Query("SELECT :tag")
  String storedByDao(Tag tag);

  /** The method's over the DAO's. */
  @Query("SELECT :tag")
  @TypeConverters(MethodTags.class)
  String storedByMethod(Tag tag);

  @Query("SELECT * FROM notes WHERE id = :id")
  Note note(long id);
}
