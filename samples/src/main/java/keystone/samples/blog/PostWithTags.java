package keystone.samples.blog;

import java.util.List;
import keystone.Embedded;
import keystone.Junction;
import keystone.Relation;

/** A post with its tags, many-to-many through {@code post_tags}. */
public record PostWithTags(
    @Embedded Post post,
    @Relation(
            parentColumn = "id",
            entityColumn = "id",
            associateBy =
                @Junction(value = PostTag.class, parentColumn = "post_id", entityColumn = "tag_id"))
        List<Tag> tags) {}
