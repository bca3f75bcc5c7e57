package keystone.tests.returning;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.OnConflict;
import keystone.Query;
import keystone.Upsert;

@Dao
public interface ReturningDao {
  @Insert
  long insert(Tag tag);

  @Insert(onConflict = OnConflict.IGNORE)
  long insertOrIgnore(Tag tag);

  @Insert(onConflict = OnConflict.IGNORE)
  long[] insertOrIgnore(List<Tag> tags);

  @Insert(onConflict = OnConflict.REPLACE)
  List<Long> insertOrReplace(List<Tag> tags);

  @Upsert
  long upsert(Tag tag);

  @Upsert
  long upsert(Rate rate);

  @Upsert
  List<Long> upsertAll(List<Rate> rates);

  @Query("SELECT rowid FROM rates WHERE currency = :currency AND year = :year")
  long rateRowid(String currency, int year);

  @Query("SELECT * FROM tags ORDER BY id")
  List<Tag> tags();

  @Query("SELECT * FROM rates ORDER BY currency, year")
  List<Rate> rates();
}
