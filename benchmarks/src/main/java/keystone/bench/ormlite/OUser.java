package keystone.bench.ormlite;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;

/** users, as ORMLite maps it. */
@DatabaseTable(tableName = "users")
public class OUser {
  @DatabaseField(generatedId = true)
  public long id;

  @DatabaseField(canBeNull = false)
  public String name;

  @DatabaseField(canBeNull = false, unique = true)
  public String email;

  @DatabaseField
  public int age;

  OUser() {}

  OUser(String name, String email, int age) {
    this.name = name;
    this.email = email;
    this.age = age;
  }
}
