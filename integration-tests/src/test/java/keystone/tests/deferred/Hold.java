package keystone.tests.deferred;

import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** A deferred key whose ON DELETE is RESTRICT, which is never deferred. */
@Entity(table = "holds")
public record Hold(
    @PrimaryKey long id,
    @ForeignKey(entity = Account.class, deferred = true, onDelete = RESTRICT) long accountId) {}
