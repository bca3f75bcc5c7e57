package keystone.tests.actions;

import keystone.Column;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.ForeignKey.Action;
import keystone.PrimaryKey;

/** A child whose key to {@code parents(id)} is ON DELETE/UPDATE SET DEFAULT (to parent 0). */
@Entity(table = "set_default_children")
public record SetDefaultChild(
    @PrimaryKey long id,
    @Column(defaultValue = "0")
    @ForeignKey(entity = Parent.class, onDelete = Action.SET_DEFAULT, onUpdate = Action.SET_DEFAULT)
        Long parentId) {}
