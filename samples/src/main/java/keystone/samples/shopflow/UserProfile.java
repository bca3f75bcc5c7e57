package keystone.samples.shopflow;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/**
 * The optional extension of a user, one-to-one: {@code user_id} is both the primary key (at most
 * one profile per user) and a foreign key that goes away with its user.
 */
@Entity(table = "user_profiles")
public class UserProfile {
  @PrimaryKey
  @ForeignKey(entity = User.class, onDelete = CASCADE, onUpdate = CASCADE)
  public long userId;

  public String bio;
  public String avatarUrl;
  public String location;

  /** For Keystone, which fills the fields after construction. */
  public UserProfile() {}

  /** A profile with every field set. */
  public UserProfile(long userId, String bio, String avatarUrl, String location) {
    this.userId = userId;
    this.bio = bio;
    this.avatarUrl = avatarUrl;
    this.location = location;
  }
}
