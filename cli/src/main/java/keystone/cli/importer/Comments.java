package keystone.cli.importer;

import com.palantir.javapoet.TypeSpec;
import java.util.List;

/** The "not carried over" list, written into the generated sources' Javadoc. */
final class Comments {
  private Comments() {}

  static void notes(TypeSpec.Builder type, List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    type.addJavadoc("\n<p>Not carried over as written (also printed by {@code keystone import}):\n"
        + "<ul>\n");
    for (Note n : notes) {
      type.addJavadoc("<li>$L$L\n", n.structural() ? "[differs from the source] " : "",
          escape(n.toString()));
    }
    type.addJavadoc("</ul>\n");
  }

  /** Javadoc must not end early or read SQL as HTML or tags. */
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("*/", "*&#47;").replace("<", "&lt;")
        .replace(">", "&gt;").replace("@", "&#64;");
  }
}
