package keystone.tests.keytext;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** A child whose key is a converted type: messages show the converter's column side. */
@Entity(table = "audits")
public record Audit(
    @PrimaryKey long id, @ForeignKey(entity = Shift.class, name = "fk_audit_shift") Stamp shift) {}
