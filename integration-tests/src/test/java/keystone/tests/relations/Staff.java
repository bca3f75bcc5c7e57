package keystone.tests.relations;

import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** A hierarchy where a boss with reports cannot be deleted (self-referencing RESTRICT). */
@Entity(table = "staff")
public record Staff(
    @PrimaryKey long id, @ForeignKey(entity = Staff.class, onDelete = RESTRICT) Long bossId) {}
