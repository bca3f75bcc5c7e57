package keystone.engine;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import keystone.engine.spi.ValueType;

/** Words for foreign-key violations, shaped like PostgreSQL's (errcode 23503). */
final class ForeignKeyMessages {
  static final String PREFIX = "FOREIGN KEY constraint failed";

  private ForeignKeyMessages() {}

  static String describe(List<ForeignKeyViolation> violations) {
    if (violations.isEmpty()) {
      return PREFIX;
    }
    String first = PREFIX + ": " + describe(violations.get(0));
    int more = violations.size() - 1;
    return more == 0 ? first : first + " (and " + more + " more violation" + (more == 1 ? ")" : "s)");
  }

  /** The key is shown as {@link ForeignKeyViolation#keyText()}: the Java values' text. */
  static String describe(ForeignKeyViolation v) {
    String values = String.join(", ", v.keyText());
    if (v.kind() == ForeignKeyViolation.Kind.STILL_REFERENCED) {
      return "update or delete on table \"" + v.parentTable() + "\" violates foreign key constraint \""
          + v.constraint() + "\" on table \"" + v.childTable() + "\": key ("
          + String.join(", ", v.parentColumns()) + ")=(" + values
          + ") is still referenced from table \"" + v.childTable() + "\"";
    }
    return "insert or update on table \"" + v.childTable() + "\" violates foreign key constraint \""
        + v.constraint() + "\": key (" + String.join(", ", v.childColumns()) + ")=("
        + values + ") is not present in table \"" + v.parentTable() + "\"";
  }

  /** The key's values as stored, for a key whose columns' Java types are not known. */
  static List<String> storedText(List<Object> key) {
    // Not Stream.toList(), which Android 9 (API 28) lacks; the same unmodifiable list.
    return key.stream().map(ValueType::storedText)
        .collect(Collectors.collectingAndThen(Collectors.toList(), Collections::unmodifiableList));
  }
}
