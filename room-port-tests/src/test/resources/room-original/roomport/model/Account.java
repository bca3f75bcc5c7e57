package roomport.model;

import androidx.annotation.NonNull;
import androidx.room.Entity;
import androidx.room.Ignore;
import androidx.room.Index;
import androidx.room.PrimaryKey;
import java.util.UUID;

/** A TEXT primary key that boards, notes and labels all reference. */
@Entity(indices = {@Index(value = "email", unique = true)})
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
