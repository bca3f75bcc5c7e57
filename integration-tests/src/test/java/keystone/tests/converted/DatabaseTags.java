package keystone.tests.converted;

import keystone.TypeConverter;

/** Stores a {@link Tag} as {@code "database:" + value}. */
public final class DatabaseTags {
  private DatabaseTags() {}

  @TypeConverter
  public static String store(Tag tag) {
    return tag == null ? null : "database:" + tag.value();
  }

  @TypeConverter
  public static Tag load(String text) {
    return text == null ? null : new Tag(text.substring(text.indexOf(':') + 1));
  }
}
