package keystone.bench.values;

import java.time.Instant;
import java.util.UUID;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** An entity with the value types most apps start with: a time and a UUID. */
@Entity(table = "events")
public record Event(
    @PrimaryKey long id, @NotNull Instant at, @NotNull UUID ref, @NotNull String name) {}
