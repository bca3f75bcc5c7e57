package keystone.processor.writing;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Local variable names of one generated method, none shadowing another or a parameter. */
final class Names {
  private final Set<String> used = new HashSet<>();

  Names(Collection<String> taken) {
    used.addAll(taken);
  }

  String fresh(String base) {
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + i;
    }
    return name;
  }
}
