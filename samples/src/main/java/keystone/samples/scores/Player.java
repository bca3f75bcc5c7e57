package keystone.samples.scores;

import keystone.Entity;
import keystone.PrimaryKey;

/** D1's {@code users} table; every column but the key is nullable TEXT, as in the D1 docs. */
@Entity(table = "users")
public record Player(
    @PrimaryKey(autoGenerate = true) long userId,
    String emailAddress,
    String name,
    String metadata) {}
