package keystone.android.api.planted;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * What {@code ApiLevel28Test} must refuse (HexFormat, Stream.toList, Flow outside its adapter)
 * and accept (List.of, a record, a lambda, string concatenation), in one class file. Never run.
 */
public final class UsesNewerJava {
  private UsesNewerJava() {}

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static List<Integer> list() {
    return Stream.of(1, 2).toList();
  }

  static void observe(Flow.Publisher<String> publisher) {}

  static Runnable accepted(String name) {
    List<Point> points = List.of(new Point(1, 2));
    return () -> System.out.println(name + points);
  }

  record Point(int x, int y) {}
}
