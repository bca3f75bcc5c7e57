package keystone.tests.deferred;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** An immediate NO ACTION key: checked at the end of each statement. */
@Entity(table = "notes")
public record Note(
    @PrimaryKey long id, @ForeignKey(entity = Account.class) long accountId, String text) {}
