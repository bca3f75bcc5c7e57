package keystone.tests.actions;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.ForeignKey.Action;
import keystone.PrimaryKey;

/** A child whose key to {@code parents(id)} is ON DELETE/UPDATE NO ACTION. */
@Entity(table = "no_action_children")
public record NoActionChild(
    @PrimaryKey long id,
    @ForeignKey(entity = Parent.class, onDelete = Action.NO_ACTION, onUpdate = Action.NO_ACTION)
        Long parentId) {}
