package keystone.tests.keytext;

import java.time.LocalDate;
import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.PrimaryKey;

@Entity(
    table = "duties",
    foreignKeys = @CompositeForeignKey(entity = Roster.class, columns = {"team", "day"},
        parentColumns = {"team", "day"}, name = "fk_duty_roster"))
public record Duty(@PrimaryKey long id, String team, LocalDate day) {}
