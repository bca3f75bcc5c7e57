package keystone.engine.sqlite.diagnosis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** quote() output read back without HexFormat (absent on Android 9), as HexFormat read it. */
class SqlLiteralsTest {

  @Test
  void readsEveryKindOfLiteral() {
    List<Object> values = SqlLiterals.parseList("X'00FF7a10', NULL, 'it''s, here', -3, 1.5");

    assertArrayEquals(new byte[] {0, -1, 0x7a, 0x10}, (byte[]) values.get(0));
    assertNull(values.get(1));
    assertEquals("it's, here", values.get(2));
    assertEquals(-3L, values.get(3));
    assertEquals(1.5, values.get(4));
  }

  @Test
  void emptyBlob() {
    assertArrayEquals(new byte[0], (byte[]) SqlLiterals.parseList("X''").get(0));
  }

  @Test
  void refusesWhatIsNoHex() {
    assertThrows(IllegalArgumentException.class, () -> SqlLiterals.hexBytes("ABC"));
    assertThrows(IllegalArgumentException.class, () -> SqlLiterals.hexBytes("0G"));
  }
}
