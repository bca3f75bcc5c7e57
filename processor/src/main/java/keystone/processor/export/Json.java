package keystone.processor.export;

import java.util.List;
import java.util.Map;

/**
 * A small pretty-printer for the schema file, so the processor needs no JSON library. Objects are
 * {@code Map}s printed in their iteration order (use {@code LinkedHashMap}: the file must be
 * stable so that it diffs well); lists of plain values stay on one line.
 */
final class Json {
  private static final String INDENT = "  ";

  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    value(out, value, "");
    return out.append('\n').toString();
  }

  private static void value(StringBuilder out, Object v, String indent) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      out.append(v);
    } else if (v instanceof Map<?, ?> map) {
      object(out, map, indent);
    } else if (v instanceof List<?> list) {
      array(out, list, indent);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + INDENT;
    out.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(inner);
      string(out, (String) e.getKey());
      out.append(": ");
      value(out, e.getValue(), inner);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private static void array(StringBuilder out, List<?> list, String indent) {
    if (list.stream().noneMatch(v -> v instanceof Map || v instanceof List)) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        value(out, list.get(i), indent);
      }
      out.append(']');
      return;
    }
    String inner = indent + INDENT;
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append(inner);
      value(out, list.get(i), inner);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  /** RFC 8259 section 7: quote, backslash and control characters are escaped. */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
