package keystone.tests.keytext;

import static keystone.ForeignKey.Action.RESTRICT;

import java.time.Instant;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** A RESTRICT child of an Instant key. */
@Entity(table = "bookings")
public record Booking(
    @PrimaryKey long id,
    @ForeignKey(entity = Shift.class, onDelete = RESTRICT, onUpdate = RESTRICT,
        name = "fk_booking_shift") Instant shiftStart) {}
