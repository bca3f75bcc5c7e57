package keystone.tests.keytext;

import java.time.Instant;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

@Dao
public interface KeyTextDao {
  @Insert
  void insert(Shift shift);

  @Insert
  void insert(Booking booking);

  @Insert
  void insert(Roster roster);

  @Insert
  void insert(Duty duty);

  @Insert
  void insert(Device device);

  @Insert
  void insert(Reading reading);

  @Insert
  void insert(Plan plan);

  @Insert
  void insert(Subscription subscription);

  @Insert
  void insert(Slot slot);

  @Insert
  void insert(Alarm alarm);

  @Insert
  void insert(Audit audit);

  @Query("DELETE FROM shifts WHERE start = :start")
  int deleteShift(Instant start);

  @Query("UPDATE shifts SET start = :to WHERE start = :from")
  int moveShift(Instant from, Instant to);

  @Query("DELETE FROM slots")
  int deleteSlots();

  @Query("DELETE FROM plans")
  int deletePlans();

  @Query("SELECT count(*) FROM bookings")
  long bookings();
}
