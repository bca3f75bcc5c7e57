package keystone.samples.blog;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;

/**
 * Links a post to a tag. The composite primary key forbids tagging a post twice and indexes
 * {@code post_id}; removing either the post or the tag removes the link.
 */
@Entity(table = "post_tags", primaryKey = {"post_id", "tag_id"})
public record PostTag(
    @ForeignKey(entity = Post.class, onDelete = CASCADE) long postId,
    @ForeignKey(entity = Tag.class, onDelete = CASCADE) long tagId) {}
