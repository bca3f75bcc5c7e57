package keystone.tests.converted;

import keystone.Entity;
import keystone.PrimaryKey;
import keystone.TypeConverters;

/** Entity scope over database scope, and field scope over both. */
@Entity(table = "notes")
@TypeConverters(EntityTags.class)
public record Note(
    @PrimaryKey long id, Tag byEntity, @TypeConverters(FieldTags.class) Tag byField) {}
