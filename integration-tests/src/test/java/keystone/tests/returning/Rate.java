package keystone.tests.returning;

import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A composite text and integer key: an upsert's conflict target that is not the rowid. */
@Entity(table = "rates", primaryKey = {"currency", "year"})
public record Rate(@NotNull String currency, int year, double value) {}
