package keystone.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The _Impl's name, found without Class.getPackageName (absent on Android 9). */
class ImplementationNameTest {
  interface Nested {
    interface Deeper {}
  }

  @Test
  void topLevelAndNested() {
    assertEquals("keystone.engine.core.ImplementationNameTest_Impl",
        DatabaseFactory.implementationName(ImplementationNameTest.class));
    assertEquals("keystone.engine.core.ImplementationNameTest_Nested_Deeper_Impl",
        DatabaseFactory.implementationName(Nested.Deeper.class));
    assertEquals("java.util.Map_Entry_Impl", DatabaseFactory.implementationName(Map.Entry.class));
  }
}
