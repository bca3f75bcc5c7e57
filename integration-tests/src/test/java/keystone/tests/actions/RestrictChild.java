package keystone.tests.actions;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.ForeignKey.Action;
import keystone.PrimaryKey;

/** A child whose key to {@code parents(id)} is ON DELETE/UPDATE RESTRICT. */
@Entity(table = "restrict_children")
public record RestrictChild(
    @PrimaryKey long id,
    @ForeignKey(entity = Parent.class, onDelete = Action.RESTRICT, onUpdate = Action.RESTRICT)
        Long parentId) {}
