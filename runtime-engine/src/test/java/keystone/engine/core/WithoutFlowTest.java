package keystone.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The observation core and the RxJava adapter run where {@code java.util.concurrent.Flow} does
 * not exist (Android 9 and 10): Keystone's classes are loaded again by a loader that refuses
 * Flow, so any use of it on the way fails as it would on the device.
 */
class WithoutFlowTest {

  @Test
  void observingThroughReactiveStreamsNeverLoadsFlow() throws Exception {
    assertEquals(List.of("next 1", "next 2", "complete"), run(false));
  }

  @Test
  void theLoaderDoesRefuseFlow() {
    NoClassDefFoundError error = assertThrows(NoClassDefFoundError.class, () -> run(true));
    assertTrue(error.getMessage().startsWith("java/util/concurrent/Flow"), error.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static List<String> run(boolean throughFlow) throws Exception {
    Class<?> scenario =
        new WithoutFlow(WithoutFlowTest.class.getClassLoader()).loadClass(
            FlowFreeScenario.class.getName());
    Object instance = scenario.getConstructor(boolean.class).newInstance(throughFlow);
    return ((Supplier<List<String>>) instance).get();
  }

  /** Defines Keystone's classes itself, so that what they reference is asked of it. */
  private static final class WithoutFlow extends ClassLoader {
    WithoutFlow(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("java.util.concurrent.Flow")) {
        throw new ClassNotFoundException(name + ": absent from Android before API 30");
      }
      if (!name.startsWith("keystone.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : define(name);
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
      String file = name.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(file)) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
