package keystone.tests.converted;

import static keystone.ForeignKey.Action.CASCADE;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

@Entity(table = "tickets")
public record Ticket(
    @PrimaryKey long id,
    @ForeignKey(entity = Event.class, onDelete = CASCADE) @NotNull UUID eventId,
    Instant bookedAt,
    BigDecimal paid) {}
