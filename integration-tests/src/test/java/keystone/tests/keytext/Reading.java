package keystone.tests.keytext;

import java.util.UUID;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

@Entity(table = "readings")
public record Reading(
    @PrimaryKey long id,
    @ForeignKey(entity = Device.class, name = "fk_reading_device") UUID device) {}
