package keystone.tests.types;

import keystone.Entity;
import keystone.PrimaryKey;

/** Every supported column type, as a class with fields. */
@Entity(table = "type_fields")
public class TypesFields {
  @PrimaryKey public long id;
  public int i;
  public short s;
  public byte b;
  public boolean flag;
  public double d;
  public float f;
  public Long boxedLong;
  public Integer boxedInt;
  public Short boxedShort;
  public Byte boxedByte;
  public Boolean boxedFlag;
  public Double boxedDouble;
  public Float boxedFloat;
  public String text;
  public byte[] blob;
  public Color color;
}
