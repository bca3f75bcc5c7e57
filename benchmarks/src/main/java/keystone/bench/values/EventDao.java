package keystone.bench.values;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

@Dao
public interface EventDao {
  @Insert
  void insert(List<Event> events);

  @Query("SELECT * FROM events WHERE id = :id")
  Event byId(long id);

  @Query("SELECT * FROM events")
  List<Event> all();
}
