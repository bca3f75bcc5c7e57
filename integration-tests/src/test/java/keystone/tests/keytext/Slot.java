package keystone.tests.keytext;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import keystone.Entity;
import keystone.NotNull;

/** A parent keyed by the other time types: an OffsetDateTime, a LocalDateTime, a LocalTime. */
@Entity(table = "slots", primaryKey = {"opens", "local", "clock"})
public record Slot(
    @NotNull OffsetDateTime opens, @NotNull LocalDateTime local, @NotNull LocalTime clock) {}
