package keystone.tests.constraints;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.OnConflict;
import keystone.Query;
import keystone.Upsert;

@Dao
public interface ConstraintsDao {
  @Insert
  long insert(Team team);

  @Insert(onConflict = OnConflict.IGNORE)
  long insertOrIgnore(Team team);

  // Keystone warns here: REPLACE deletes the old row, which fires ON DELETE CASCADE.
  @Insert(onConflict = OnConflict.REPLACE)
  long insertOrReplace(Team team);

  @Upsert
  void upsert(Team team);

  @Insert
  void insertMember(Member member);

  @Insert(onConflict = OnConflict.IGNORE)
  long insertMemberOrIgnore(Member member);

  @Insert
  void insertGadget(Gadget gadget);

  @Query("SELECT * FROM teams ORDER BY id")
  List<Team> teams();

  @Query("SELECT * FROM members ORDER BY id")
  List<Member> members();

  @Query("SELECT * FROM gadgets ORDER BY id")
  List<Gadget> gadgets();
}
