package keystone.tests.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

@Dao
public interface MomentDao {
  @Insert
  void insert(Moment... rows);

  @Query("SELECT * FROM moments WHERE id = :id")
  Moment get(long id);

  @Query("SELECT id FROM moments ORDER BY at, id")
  List<Long> byAt();

  @Query("SELECT id FROM moments ORDER BY stamped, id")
  List<Long> byStamped();

  @Query("SELECT id FROM moments ORDER BY day, id")
  List<Long> byDay();

  @Query("SELECT id FROM moments ORDER BY local, id")
  List<Long> byLocal();

  @Query("SELECT id FROM moments ORDER BY clock, id")
  List<Long> byClock();

  @Query("SELECT id FROM moments ORDER BY took, id")
  List<Long> byTook();

  @Query("SELECT id FROM moments ORDER BY ref, id")
  List<Long> byRef();

  @Query("SELECT id FROM moments ORDER BY amount, id")
  List<Long> byAmount();

  @Query("SELECT id FROM moments ORDER BY big, id")
  List<Long> byBig();

  @Query("SELECT id FROM moments WHERE at < :t ORDER BY id")
  List<Long> before(Instant t);

  @Query("SELECT id FROM moments WHERE day >= :d ORDER BY id")
  List<Long> onOrAfter(LocalDate d);

  @Query("SELECT id FROM moments WHERE local > :t ORDER BY id")
  List<Long> localAfter(LocalDateTime t);

  @Query("SELECT id FROM moments WHERE clock <= :t ORDER BY id")
  List<Long> clockUpTo(LocalTime t);

  @Query("SELECT id FROM moments WHERE took > :d ORDER BY id")
  List<Long> longerThan(Duration d);

  @Query("SELECT id FROM moments WHERE amount < :a ORDER BY id")
  List<Long> cheaperThan(BigDecimal a);

  @Query("SELECT id FROM moments WHERE big >= :b ORDER BY id")
  List<Long> bigFrom(BigInteger b);

  @Query("SELECT id FROM moments WHERE ref IN (:refs) ORDER BY id")
  List<Long> withRefs(List<UUID> refs);

  @Query("SELECT max(at) FROM moments")
  Optional<Instant> latest();

  @Query("SELECT min(at) FROM moments")
  Instant earliest();

  @Query("SELECT min(amount) FROM moments")
  BigDecimal smallestAmount();

  @Query("SELECT max(amount) FROM moments")
  Optional<BigDecimal> largestAmount();

  @Query("SELECT max(day) FROM moments")
  LocalDate lastDay();

  @Query("SELECT min(took) FROM moments")
  Duration shortest();

  @Query("SELECT ref FROM moments WHERE id = :id")
  Optional<UUID> refOf(long id);
}
