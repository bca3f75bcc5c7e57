package keystone.tests.keytext;

import java.time.Instant;
import keystone.TypeConverter;

/** A user type stored as an Instant through a converter; its own toString is not the key's text. */
public record Stamp(Instant at) {
  /** The converter pair, named in {@code @TypeConverters} on the database. */
  public static final class Converters {
    private Converters() {}

    @TypeConverter
    public static Instant toColumn(Stamp stamp) {
      return stamp == null ? null : stamp.at();
    }

    @TypeConverter
    public static Stamp fromColumn(Instant at) {
      return at == null ? null : new Stamp(at);
    }
  }
}
