package keystone.tests.keytext;

import keystone.Database;
import keystone.TypeConverters;
import keystone.engine.KeystoneDatabase;

/** {@link KeyTextDatabase} at version 2, the same tables: for a migration that leaves orphans. */
@Database(
    entities = {Shift.class, Booking.class, Roster.class, Duty.class, Device.class, Reading.class,
        Plan.class, Subscription.class, Slot.class, Alarm.class, Audit.class},
    version = 2,
    exportSchema = false)
@TypeConverters(Stamp.Converters.class)
public interface KeyTextDatabaseV2 extends KeystoneDatabase {
  KeyTextDao dao();
}
