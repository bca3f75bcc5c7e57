package keystone.tests.types;

import keystone.Entity;
import keystone.PrimaryKey;

/** Every supported column type, as a record. */
@Entity(table = "type_records")
public record TypesRecord(
    @PrimaryKey long id,
    int i,
    short s,
    byte b,
    boolean flag,
    double d,
    float f,
    Long boxedLong,
    Integer boxedInt,
    Short boxedShort,
    Byte boxedByte,
    Boolean boxedFlag,
    Double boxedDouble,
    Float boxedFloat,
    String text,
    byte[] blob,
    Color color) {}
