package keystone.cli.doctor;

import java.util.List;

/** A small JSON writer: the report holds strings, numbers and lists, so no library is needed. */
final class Json {
  private final StringBuilder out = new StringBuilder();

  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String strings(List<String> values) {
    return "[" + String.join(", ", values.stream().map(Json::string).toList()) + "]";
  }

  Json field(String name, String rawValue) {
    out.append(out.length() == 0 ? "{" : ", ").append(string(name)).append(": ").append(rawValue);
    return this;
  }

  String end() {
    return (out.length() == 0 ? "{" : out.toString()) + "}";
  }
}
