package keystone.tests.keytext;

import keystone.Database;
import keystone.TypeConverters;
import keystone.engine.KeystoneDatabase;

@Database(
    entities = {Shift.class, Booking.class, Roster.class, Duty.class, Device.class, Reading.class,
        Plan.class, Subscription.class, Slot.class, Alarm.class, Audit.class},
    exportSchema = false)
@TypeConverters(Stamp.Converters.class)
public interface KeyTextDatabase extends KeystoneDatabase {
  KeyTextDao dao();
}
