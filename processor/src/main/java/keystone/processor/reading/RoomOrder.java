package keystone.processor.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Room lays out a table's columns with the class's own fields first, then its superclass's, and
 * so on up (its {@code collectFieldsIncludingPrivateSupers}); Keystone's default puts inherited
 * columns first, as the object's layout does. {@link keystone.Naming#AS_DECLARED} keeps Room's
 * order, so that a file Room made has the columns where Keystone's {@code SELECT *} expects them.
 */
final class RoomOrder {
  private RoomOrder() {}

  /** {@code props} (superclasses first) reordered nearest class first, each class in order. */
  static List<Property> ownFieldsFirst(List<Property> props) {
    Map<Element, List<Property>> byClass = new LinkedHashMap<>();
    for (Property p : props) {
      byClass.computeIfAbsent(p.element().getEnclosingElement(), k -> new ArrayList<>()).add(p);
    }
    List<List<Property>> groups = new ArrayList<>(byClass.values());
    List<Property> out = new ArrayList<>();
    for (int i = groups.size() - 1; i >= 0; i--) {
      out.addAll(groups.get(i));
    }
    return out;
  }
}
