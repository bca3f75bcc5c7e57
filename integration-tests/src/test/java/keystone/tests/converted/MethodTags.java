package keystone.tests.converted;

import keystone.TypeConverter;

/** Stores a {@link Tag} as {@code "method:" + value}. */
public final class MethodTags {
  private MethodTags() {}

  @TypeConverter
  public static String store(Tag tag) {
    return tag == null ? null : "method:" + tag.value();
  }

  @TypeConverter
  public static Tag load(String text) {
    return text == null ? null : new Tag(text.substring(text.indexOf(':') + 1));
  }
}
