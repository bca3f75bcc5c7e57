package keystone.tests.relations;

import java.util.Set;
import keystone.Embedded;
import keystone.Junction;
import keystone.Relation;

/** Many-to-many through post_tags, as a set. */
public record PostWithTags(
    @Embedded Post post,
    @Relation(
            parentColumn = "id",
            entityColumn = "id",
            associateBy = @Junction(value = PostTag.class, parentColumn = "post_id",
                entityColumn = "tag_id"))
        Set<Tag> tags) {}
