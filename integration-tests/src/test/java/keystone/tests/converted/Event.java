package keystone.tests.converted;

import java.time.Instant;
import java.util.UUID;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

@Entity(table = "events")
public record Event(
    @PrimaryKey UUID id, @NotNull String title, Instant startsAt, Money fee, Tag tag) {}
