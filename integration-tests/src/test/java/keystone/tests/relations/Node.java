package keystone.tests.relations;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** A tree whose subtrees go with their root (self-referencing CASCADE). */
@Entity(table = "nodes")
public record Node(
    @PrimaryKey long id, @ForeignKey(entity = Node.class, onDelete = CASCADE) Long parentId) {}
