package keystone.tests.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Records, field classes and JavaBeans store and read back every supported type exactly. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class TypesRoundTripTest {
  private static final byte[] BLOB = {0, -1, 127, -128, 10};

  /** Extremes of every type, in declaration order; the blob as hex. */
  private static final List<Object> FULL =
      Arrays.asList(
          1L,
          Integer.MIN_VALUE,
          Short.MAX_VALUE,
          Byte.MIN_VALUE,
          true,
          -Math.PI * 1e300,
          1.1f,
          Long.MAX_VALUE,
          Integer.MAX_VALUE,
          Short.MIN_VALUE,
          Byte.MAX_VALUE,
          false,
          -0.5,
          Float.MAX_VALUE,
          "héllo, wörld ✓ 'quoted' \"too\"",
          HexFormat.of().formatHex(BLOB),
          Color.BLUE);

  /** Zero primitives and null references. */
  private static final List<Object> EMPTY =
      Arrays.asList(
          2L, 0, (short) 0, (byte) 0, false, 0.0, 0.0f, null, null, null, null, null, null, null,
          null, null, null);

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private TypesDatabase db;
  private TypesDao dao;

  @BeforeEach
  void open() {
    db = engine.open(TypesDatabase.class, dir);
    dao = db.dao();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void recordsRoundTrip() {
    dao.insertRecord(record(FULL));
    dao.insertRecord(record(EMPTY));
    assertEquals(FULL, values(dao.record(1)));
    assertEquals(EMPTY, values(dao.record(2)));
    assertNull(dao.record(3));
  }

  @Test
  void fieldClassesRoundTrip() {
    dao.insertFields(fields(FULL));
    dao.insertFields(fields(EMPTY));
    assertEquals(FULL, values(dao.fields(1)));
    assertEquals(EMPTY, values(dao.fields(2)));
    assertNull(dao.fields(3));
  }

  @Test
  void javaBeansRoundTrip() {
    dao.insertBean(bean(FULL));
    dao.insertBean(bean(EMPTY));
    assertEquals(FULL, values(dao.bean(1)));
    assertEquals(EMPTY, values(dao.bean(2)));
    assertNull(dao.bean(3));
  }

  @Test
  void anEmptyByteArrayStaysEmptyNotNull() {
    TypesFields row = fields(EMPTY);
    row.blob = new byte[0];
    dao.insertFields(row);
    assertArrayEquals(new byte[0], dao.fields(2).blob);
  }

  private static TypesRecord record(List<Object> v) {
    return new TypesRecord(
        (Long) v.get(0),
        (Integer) v.get(1),
        (Short) v.get(2),
        (Byte) v.get(3),
        (Boolean) v.get(4),
        (Double) v.get(5),
        (Float) v.get(6),
        (Long) v.get(7),
        (Integer) v.get(8),
        (Short) v.get(9),
        (Byte) v.get(10),
        (Boolean) v.get(11),
        (Double) v.get(12),
        (Float) v.get(13),
        (String) v.get(14),
        blob(v.get(15)),
        (Color) v.get(16));
  }

  private static List<Object> values(TypesRecord r) {
    return Arrays.asList(
        r.id(), r.i(), r.s(), r.b(), r.flag(), r.d(), r.f(), r.boxedLong(), r.boxedInt(),
        r.boxedShort(), r.boxedByte(), r.boxedFlag(), r.boxedDouble(), r.boxedFloat(), r.text(),
        hex(r.blob()), r.color());
  }

  private static TypesFields fields(List<Object> v) {
    TypesFields r = new TypesFields();
    r.id = (Long) v.get(0);
    r.i = (Integer) v.get(1);
    r.s = (Short) v.get(2);
    r.b = (Byte) v.get(3);
    r.flag = (Boolean) v.get(4);
    r.d = (Double) v.get(5);
    r.f = (Float) v.get(6);
    r.boxedLong = (Long) v.get(7);
    r.boxedInt = (Integer) v.get(8);
    r.boxedShort = (Short) v.get(9);
    r.boxedByte = (Byte) v.get(10);
    r.boxedFlag = (Boolean) v.get(11);
    r.boxedDouble = (Double) v.get(12);
    r.boxedFloat = (Float) v.get(13);
    r.text = (String) v.get(14);
    r.blob = blob(v.get(15));
    r.color = (Color) v.get(16);
    return r;
  }

  private static List<Object> values(TypesFields r) {
    return Arrays.asList(
        r.id, r.i, r.s, r.b, r.flag, r.d, r.f, r.boxedLong, r.boxedInt, r.boxedShort, r.boxedByte,
        r.boxedFlag, r.boxedDouble, r.boxedFloat, r.text, hex(r.blob), r.color);
  }

  private static TypesBean bean(List<Object> v) {
    TypesBean r = new TypesBean();
    r.setId((Long) v.get(0));
    r.setI((Integer) v.get(1));
    r.setS((Short) v.get(2));
    r.setB((Byte) v.get(3));
    r.setFlag((Boolean) v.get(4));
    r.setD((Double) v.get(5));
    r.setF((Float) v.get(6));
    r.setBoxedLong((Long) v.get(7));
    r.setBoxedInt((Integer) v.get(8));
    r.setBoxedShort((Short) v.get(9));
    r.setBoxedByte((Byte) v.get(10));
    r.setBoxedFlag((Boolean) v.get(11));
    r.setBoxedDouble((Double) v.get(12));
    r.setBoxedFloat((Float) v.get(13));
    r.setText((String) v.get(14));
    r.setBlob(blob(v.get(15)));
    r.setColor((Color) v.get(16));
    return r;
  }

  private static List<Object> values(TypesBean r) {
    return Arrays.asList(
        r.getId(), r.getI(), r.getS(), r.getB(), r.isFlag(), r.getD(), r.getF(), r.getBoxedLong(),
        r.getBoxedInt(), r.getBoxedShort(), r.getBoxedByte(), r.getBoxedFlag(), r.getBoxedDouble(),
        r.getBoxedFloat(), r.getText(), hex(r.getBlob()), r.getColor());
  }

  private static byte[] blob(Object hex) {
    return hex == null ? null : HexFormat.of().parseHex((String) hex);
  }

  private static String hex(byte[] blob) {
    return blob == null ? null : HexFormat.of().formatHex(blob);
  }
}
