package keystone.tests.actions;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.ForeignKey.Action;
import keystone.PrimaryKey;

/** A child whose key to {@code parents(id)} is ON DELETE/UPDATE CASCADE. */
@Entity(table = "cascade_children")
public record CascadeChild(
    @PrimaryKey long id,
    @ForeignKey(entity = Parent.class, onDelete = Action.CASCADE, onUpdate = Action.CASCADE)
        Long parentId) {}
