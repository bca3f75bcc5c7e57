package keystone.samples.scores;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** D1's {@code scores} table: a player's scores are deleted with the player. */
@Entity(table = "scores")
public record Score(
    @PrimaryKey(autoGenerate = true) long scoreId,
    String game,
    Long score,
    @ForeignKey(entity = Player.class, onDelete = CASCADE) Long playerId) {}
