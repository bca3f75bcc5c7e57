package keystone.tests.keytext;

import java.time.LocalDate;
import keystone.Entity;
import keystone.NotNull;

/** A parent whose two-column key has a LocalDate part. */
@Entity(table = "rosters", primaryKey = {"team", "day"})
public record Roster(@NotNull String team, @NotNull LocalDate day) {}
