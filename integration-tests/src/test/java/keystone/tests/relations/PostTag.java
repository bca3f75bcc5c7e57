package keystone.tests.relations;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;

/** The junction of posts and tags. */
@Entity(table = "post_tags", primaryKey = {"post_id", "tag_id"})
public record PostTag(
    @ForeignKey(entity = Post.class, onDelete = CASCADE) long postId,
    @ForeignKey(entity = Tag.class, onDelete = CASCADE) long tagId) {}
