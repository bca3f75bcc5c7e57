package keystone.samples.scores;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

/** Players and their scores. */
@Dao
public interface ScoresDao {
  @Insert
  long insertPlayer(Player player);

  @Insert
  long insertScore(Score score);

  @Query("DELETE FROM users WHERE user_id = :userId")
  int deletePlayer(long userId);

  @Query("SELECT * FROM scores WHERE player_id = :playerId ORDER BY score_id")
  List<Score> scoresOf(long playerId);

  @Query("SELECT COUNT(*) FROM scores")
  long scoreCount();
}
