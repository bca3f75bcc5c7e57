package keystone.tests.keytext;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.PrimaryKey;

@Entity(
    table = "alarms",
    foreignKeys = @CompositeForeignKey(entity = Slot.class, columns = {"opens", "local", "clock"},
        parentColumns = {"opens", "local", "clock"}, name = "fk_alarm_slot"))
public record Alarm(@PrimaryKey long id, OffsetDateTime opens, LocalDateTime local,
    LocalTime clock) {}
