package keystone.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An application that uses {@code .postgres(...)} without keystone-postgres: the engine is loaded
 * by a class loader that cannot see HikariCP (or pgjdbc), as in such an application.
 */
class MissingPostgresArtifactTest {
  private static final String ADVICE =
      "Keystone on PostgreSQL needs the artifact dev.keystone:keystone-postgres, which brings ";

  @Test
  void aJdbcUrlWithoutHikariCpNamesTheArtifactToAdd() throws Exception {
    try (HidingLoader loader = new HidingLoader("com.zaxxer.hikari.")) {
      Throwable e = postgresFails(loader, String.class, "jdbc:postgresql://127.0.0.1:1/none");
      assertEquals("keystone.engine.KeystoneException", e.getClass().getName());
      assertEquals(
          ADVICE + "the HikariCP pool (com.zaxxer:HikariCP) that .postgres(jdbcUrl) opens: add the"
              + " dependency dev.keystone:keystone-postgres (same version as keystone-engine) to"
              + " the application. Missing class: com.zaxxer.hikari.HikariConfig",
          e.getMessage());
    }
  }

  @Test
  void aDataSourceWithoutTheDriverNamesTheArtifactToAdd() throws Exception {
    try (HidingLoader loader = new HidingLoader("org.postgresql.")) {
      Throwable e = postgresFails(loader, DataSource.class, null);
      assertEquals("keystone.engine.KeystoneException", e.getClass().getName());
      assertEquals(
          ADVICE + "the PostgreSQL JDBC driver (org.postgresql:postgresql): add the dependency"
              + " dev.keystone:keystone-postgres (same version as keystone-engine) to the"
              + " application. Missing class: org.postgresql.util.PSQLException",
          e.getMessage());
    }
  }

  @Test
  void withBothPresentTheSameLoaderAcceptsTheUrl() throws Exception {
    try (HidingLoader loader = new HidingLoader("nothing.hidden.")) {
      Object builder = builder(loader);
      Object same =
          builder.getClass().getMethod("postgres", String.class)
              .invoke(builder, "jdbc:postgresql://127.0.0.1:1/none");
      assertSame(builder, same);
    }
  }

  private static Throwable postgresFails(HidingLoader loader, Class<?> type, Object argument)
      throws Exception {
    Object builder = builder(loader);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> builder.getClass().getMethod("postgres", type).invoke(builder, argument));
    return e.getCause();
  }

  private static Object builder(HidingLoader loader) throws Exception {
    Class<?> keystone = loader.loadClass("keystone.engine.Keystone");
    Class<?> database = loader.loadClass("keystone.engine.fixture.ShopDb");
    return keystone.getMethod("builder", Class.class).invoke(null, database);
  }

  /** The test class path again, without the classes under one package prefix. */
  private static final class HidingLoader extends URLClassLoader {
    private final String hidden;

    HidingLoader(String hidden) throws MalformedURLException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
      this.hidden = hidden;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(hidden)) {
        throw new ClassNotFoundException(name + " is hidden from this test's class loader");
      }
      return super.loadClass(name, resolve);
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(new File(entry).toURI().toURL());
      }
      return urls.toArray(URL[]::new);
    }
  }
}
