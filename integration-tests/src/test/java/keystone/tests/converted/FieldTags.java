package keystone.tests.converted;

import keystone.TypeConverter;

/** Stores a {@link Tag} as {@code "field:" + value}. */
public final class FieldTags {
  private FieldTags() {}

  @TypeConverter
  public static String store(Tag tag) {
    return tag == null ? null : "field:" + tag.value();
  }

  @TypeConverter
  public static Tag load(String text) {
    return text == null ? null : new Tag(text.substring(text.indexOf(':') + 1));
  }
}
