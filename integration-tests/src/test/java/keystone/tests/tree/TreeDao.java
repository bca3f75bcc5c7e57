package keystone.tests.tree;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

@Dao
public interface TreeDao {
  @Insert
  void insert(Node node);

  @Insert
  void insertAll(List<Node> nodes);

  @Query("DELETE FROM nodes WHERE id = :id")
  int delete(long id);

  @Query("SELECT id FROM nodes ORDER BY id")
  List<Long> ids();

  @Query("SELECT COUNT(*) FROM nodes")
  long count();

  @Query(
      "SELECT COUNT(*) FROM nodes c WHERE c.parent_id IS NOT NULL"
          + " AND NOT EXISTS (SELECT 1 FROM nodes p WHERE p.id = c.parent_id)")
  long orphans();
}
