package roomport.model;

import java.util.UUID;
import keystone.Entity;
import keystone.Ignore;
import keystone.Index;
import keystone.PrimaryKey;
import roomport.util.NonNull;

/** A TEXT primary key that boards, notes and labels all reference. */
@Entity(indices = {@Index(columns = "email", unique = true)})
public class Account {
  @PrimaryKey @NonNull private final String id;
  @NonNull private final String email;
  private boolean isVerified;

  public Account(@NonNull String id, @NonNull String email) {
    this.id = id;
    this.email = email;
  }

  @Ignore
  public Account(@NonNull String email) {
    this(UUID.randomUUID().toString(), email);
  }

  @NonNull
  public String getId() {
    return id;
  }

  @NonNull
  public String getEmail() {
    return email;
  }

  public boolean isVerified() {
    return isVerified;
  }

  public void setVerified(boolean verified) {
    isVerified = verified;
  }
}
