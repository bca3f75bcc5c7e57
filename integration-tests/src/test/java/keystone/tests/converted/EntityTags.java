package keystone.tests.converted;

import keystone.TypeConverter;

/** Stores a {@link Tag} as {@code "entity:" + value}. */
public final class EntityTags {
  private EntityTags() {}

  @TypeConverter
  public static String store(Tag tag) {
    return tag == null ? null : "entity:" + tag.value();
  }

  @TypeConverter
  public static Tag load(String text) {
    return text == null ? null : new Tag(text.substring(text.indexOf(':') + 1));
  }
}
