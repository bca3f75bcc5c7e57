package keystone.tests.converted;

import keystone.TypeConverter;

/** Stores a {@link Tag} as {@code "dao:" + value}. */
public final class DaoTags {
  private DaoTags() {}

  @TypeConverter
  public static String store(Tag tag) {
    return tag == null ? null : "dao:" + tag.value();
  }

  @TypeConverter
  public static Tag load(String text) {
    return text == null ? null : new Tag(text.substring(text.indexOf(':') + 1));
  }
}
