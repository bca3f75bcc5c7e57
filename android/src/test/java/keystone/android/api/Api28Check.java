package keystone.android.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import keystone.android.api.ClassFileReferences.Reference;
import keystone.android.api.D8Desugaring.Entry;

/**
 * Which references would fail on Android 9 in an app without {@code coreLibraryDesugaring}:
 * those absent from the API that D8 does not handle ({@link D8Desugaring}), and
 * {@code java.util.concurrent.Flow} outside its adapters and the {@code _Impl}s of DAOs that
 * declare it (the app's own choice of an API 30 type).
 */
final class Api28Check {
  private final AndroidApi api;
  private final Set<String> violations = new TreeSet<>();
  private final Set<Entry> used = new LinkedHashSet<>();
  private final Set<String> flowDaos;

  /** {@code flowDaos}: the DAOs (internal names) whose own methods declare a Flow type. */
  Api28Check(AndroidApi api, Set<String> flowDaos) {
    this.api = api;
    this.flowDaos = flowDaos;
  }

  Api28Check check(List<Reference> references) {
    for (Reference reference : references) {
      check(reference);
    }
    return this;
  }

  private void check(Reference reference) {
    String key = reference.key();
    if (key.startsWith(D8Desugaring.FLOW)) {
      String from = reference.fromTopLevel();
      boolean daoChoseFlow = from.endsWith("_Impl")
          && flowDaos.contains(from.substring(0, from.length() - "_Impl".length()));
      if (!D8Desugaring.FLOW_ADAPTERS.contains(from) && !daoChoseFlow) {
        violations.add(describe(reference, "API 30; only " + D8Desugaring.FLOW_ADAPTERS
            + " and the _Impl of a DAO that declares Flow may load it"));
      }
      return;
    }
    if (api.has(reference)) {
      return;
    }
    for (Entry entry : allowed()) {
      if (entry.covers(key)) {
        used.add(entry);
        return;
      }
    }
    violations.add(describe(reference, "absent from API 28, and D8 does not handle it"));
  }

  private static String describe(Reference reference, String why) {
    return reference.from().replace('/', '.') + " uses " + reference.key() + ": " + why;
  }

  static List<Entry> allowed() {
    List<Entry> all = new ArrayList<>(D8Desugaring.LANGUAGE);
    all.addAll(D8Desugaring.BACKPORTED);
    return all;
  }

  /** One line per referencing class and member. */
  Set<String> violations() {
    return violations;
  }

  Set<Entry> used() {
    return used;
  }
}
