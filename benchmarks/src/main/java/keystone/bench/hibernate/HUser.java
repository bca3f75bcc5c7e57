package keystone.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** users, as a Hibernate entity. SQLite has no sequences: the key is an IDENTITY (rowid). */
@Entity
@Table(name = "users")
public class HUser {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public long id;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false, unique = true)
  public String email;

  @Column(nullable = false)
  public int age;

  protected HUser() {}

  HUser(String name, String email, int age) {
    this.name = name;
    this.email = email;
    this.age = age;
  }
}
