package keystone.tests.converted;

import java.util.concurrent.atomic.AtomicInteger;
import keystone.TypeConverter;

/** Instance converters: each generated DAO makes one, counted here. */
public class MoneyConverters {
  static final AtomicInteger MADE = new AtomicInteger();

  public MoneyConverters() {
    MADE.incrementAndGet();
  }

  @TypeConverter
  public Long toCents(Money money) {
    return money == null ? null : money.cents();
  }

  @TypeConverter
  public Money fromCents(Long cents) {
    return cents == null ? null : new Money(cents);
  }
}
