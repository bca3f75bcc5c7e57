package keystone.tests.actions;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.ForeignKey.Action;
import keystone.PrimaryKey;

/** A child whose key to {@code parents(id)} is ON DELETE/UPDATE SET NULL. */
@Entity(table = "set_null_children")
public record SetNullChild(
    @PrimaryKey long id,
    @ForeignKey(entity = Parent.class, onDelete = Action.SET_NULL, onUpdate = Action.SET_NULL)
        Long parentId) {}
