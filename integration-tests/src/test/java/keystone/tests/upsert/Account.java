package keystone.tests.upsert;

import keystone.Column;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/**
 * An upsert's conflict target (the rowid key), another unique column it must not treat as the
 * target, an immediate key and a deferred one, which its UPDATE path can break.
 */
@Entity(table = "accounts")
public record Account(
    @PrimaryKey(autoGenerate = true) long id,
    @NotNull @Column(unique = true) String handle,
    @ForeignKey(entity = Owner.class) long ownerId,
    @ForeignKey(entity = Owner.class, deferred = true) Long sponsorId) {}
