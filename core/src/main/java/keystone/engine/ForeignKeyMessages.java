package keystone.engine;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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

  static String describe(ForeignKeyViolation v) {
    if (v.kind() == ForeignKeyViolation.Kind.STILL_REFERENCED) {
      return "update or delete on table \"" + v.parentTable() + "\" violates foreign key constraint \""
          + v.constraint() + "\" on table \"" + v.childTable() + "\": key ("
          + String.join(", ", v.parentColumns()) + ")=(" + values(v.key())
          + ") is still referenced from table \"" + v.childTable() + "\"";
    }
    return "insert or update on table \"" + v.childTable() + "\" violates foreign key constraint \""
        + v.constraint() + "\": key (" + String.join(", ", v.childColumns()) + ")=("
        + values(v.key()) + ") is not present in table \"" + v.parentTable() + "\"";
  }

  private static String values(List<Object> key) {
    return key.stream().map(ForeignKeyMessages::value).collect(Collectors.joining(", "));
  }

  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    return value.toString();
  }
}
