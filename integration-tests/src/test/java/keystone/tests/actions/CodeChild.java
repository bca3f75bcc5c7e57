package keystone.tests.actions;

import static keystone.ForeignKey.Action.CASCADE;
import static keystone.ForeignKey.Action.RESTRICT;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** References the parent's unique {@code code}, not its primary key. */
@Entity(table = "code_children")
public record CodeChild(
    @PrimaryKey long id,
    @ForeignKey(entity = Parent.class, column = "code", onDelete = RESTRICT, onUpdate = CASCADE)
        String parentCode) {}
