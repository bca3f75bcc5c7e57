package keystone.tests.tree;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** A tree node (a class with fields); a root has no parent, and children die with it. */
@Entity(table = "nodes")
public class Node {
  @PrimaryKey public long id;

  @ForeignKey(entity = Node.class, onDelete = CASCADE)
  public Long parentId;

  public String name;

  public Node() {}

  public Node(long id, Long parentId, String name) {
    this.id = id;
    this.parentId = parentId;
    this.name = name;
  }
}
