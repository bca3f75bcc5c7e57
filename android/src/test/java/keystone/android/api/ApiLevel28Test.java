package keystone.android.api;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import keystone.android.KeystoneAndroid;
import keystone.android.api.ClassFileReferences.Reference;
import keystone.android.api.D8Desugaring.Entry;
import keystone.android.api.planted.UsesNewerJava;
import keystone.engine.Keystone;
import keystone.tests.observe.ObserveDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Robolectric runs on the JDK, so the behaviour suite cannot see a JDK member that Android 9's
 * ART lacks: this reads the class files instead. Every {@code java.*}/{@code javax.*} class,
 * method and field that keystone-core, keystone-android, keystone-annotations and the generated
 * code (the behaviour suite's {@code _Impl}s) reference must be in Android's API, or be
 * desugared or backported by D8 for {@code minSdk 28} without {@code coreLibraryDesugaring}.
 *
 * <p>The API is android.jar's at level 26 (Animal Sniffer's signature; Maven Central serves none
 * newer): Android adds {@code java.*} members from level to level and removes none, so what
 * passes here is on API 28. Android's android-all jars, which Robolectric runs, leave out the
 * {@code java.*} classes the JDK supplies, so they cannot tell.
 */
class ApiLevel28Test {
  private static AndroidApi api;
  private static List<Reference> keystone;
  private static Set<String> flowDaos;

  @BeforeAll
  static void readApiAndKeystone() throws IOException, URISyntaxException {
    api = AndroidApi.load(Path.of(System.getProperty("keystone.android.signature")));
    keystone = keystoneReferences();
    flowDaos = flowDaos();
  }

  @Test
  void keystoneNeedsNothingThatAndroid9LacksBeyondWhatD8Handles() {
    Api28Check check = new Api28Check(api, flowDaos).check(keystone);

    assertEquals("", String.join("\n", check.violations()));
  }

  @Test
  void theAllowListNamesOnlyWhatKeystoneUses() {
    Api28Check check = new Api28Check(api, flowDaos).check(keystone);

    List<Entry> unused = new ArrayList<>(Api28Check.allowed());
    unused.removeAll(check.used());
    assertEquals("", unused.stream().map(Entry::member).collect(joining("\n")));
    assertTrue(keystone.stream()
        .anyMatch(r -> r.key().startsWith(D8Desugaring.FLOW)
            && D8Desugaring.FLOW_ADAPTERS.contains(r.fromTopLevel())),
        "the Flow adapter exists and loads Flow");
    // The generated code was read: an RxJava DAO's (held to no Flow) and Flow.Publisher DAOs'.
    assertTrue(keystone.stream()
        .anyMatch(r -> r.from().equals("keystone/tests/shapes/RxShapesDao_Impl")));
    assertTrue(flowDaos.contains("keystone/tests/observe/ObserveDao"), flowDaos::toString);
  }

  @Test
  void refusesAPlantedHexFormatToListAndFlow() {
    List<Reference> references = new ArrayList<>();
    read(UsesNewerJava.class, "UsesNewerJava.class", references);
    read(UsesNewerJava.class, "UsesNewerJava$Point.class", references);

    Set<String> refused = new TreeSet<>();
    for (String violation : new Api28Check(api, Set.of()).check(references).violations()) {
      refused.add(violation.substring(violation.indexOf(" uses ") + 6, violation.indexOf(": ")));
    }

    assertEquals(Set.of(
            "java/util/HexFormat",
            "java/util/HexFormat.of()Ljava/util/HexFormat;",
            "java/util/HexFormat.formatHex([B)Ljava/lang/String;",
            "java/util/stream/Stream.toList()Ljava/util/List;",
            "java/util/concurrent/Flow",
            "java/util/concurrent/Flow$Publisher"),
        refused);
  }

  private static List<Reference> keystoneReferences() throws IOException, URISyntaxException {
    List<Reference> references = new ArrayList<>();
    for (Class<?> module : List.of(Keystone.class, KeystoneAndroid.class, keystone.Entity.class)) {
      references.addAll(ClassFileReferences.of(location(module)));
    }
    for (Reference reference : ClassFileReferences.of(location(ObserveDatabase.class))) {
      if (reference.fromTopLevel().endsWith("_Impl")) {
        references.add(reference);
      }
    }
    return references;
  }

  /** The behaviour suite's DAOs that declare Flow.Publisher methods: their _Impls must too. */
  private static Set<String> flowDaos() throws IOException, URISyntaxException {
    Set<String> daos = new TreeSet<>();
    for (Reference reference : ClassFileReferences.of(location(ObserveDatabase.class))) {
      if (!reference.fromTopLevel().endsWith("_Impl")
          && reference.key().startsWith(D8Desugaring.FLOW)) {
        daos.add(reference.from());
      }
    }
    return daos;
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static void read(Class<?> near, String file, List<Reference> into) {
    try (InputStream in = near.getResourceAsStream(file)) {
      ClassFileReferences.read(in.readAllBytes(), into);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
