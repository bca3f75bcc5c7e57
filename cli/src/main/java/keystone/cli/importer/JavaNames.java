package keystone.cli.importer;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for SQL names: {@code order_items} -> {@code OrderItems}, {@code user_id} ->
 * {@code userId}.
 */
final class JavaNames {
  /** Simple names a generated type must not take: they would shadow java.lang in the package. */
  private static final Set<String> TAKEN = Set.of("Object", "String", "Class", "Record", "Long",
      "Integer", "Double", "Boolean", "Byte", "Short", "Float", "Character", "Number", "Enum",
      "Override", "Deprecated", "Void", "System", "Math", "Thread", "Runtime", "Process",
      "Module", "Package", "Iterable", "Comparable", "Exception", "Error");

  private JavaNames() {}

  static String type(String sql) {
    String camel = camel(sql);
    String name = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    return TAKEN.contains(name) ? name + "Row" : name;
  }

  static String member(String sql) {
    String camel = camel(sql);
    String name = Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    return SourceVersion.isKeyword(name) || name.equals("record") ? name + "_" : name;
  }

  /** Words split at anything that is not a letter or digit, and at lower-to-upper changes. */
  private static String camel(String sql) {
    StringBuilder out = new StringBuilder();
    boolean upperNext = false;
    for (char c : sql.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upperNext = out.length() > 0;
        continue;
      }
      out.append(upperNext ? Character.toUpperCase(c) : c);
      upperNext = false;
    }
    String s = out.length() == 0 ? "x" : out.toString();
    if (s.equals(s.toUpperCase(Locale.ROOT)) && s.length() > 1) {
      s = s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }
    return Character.isJavaIdentifierStart(s.charAt(0)) ? s : "_" + s;
  }
}
