package keystone.tests.postgres;

import java.util.List;
import keystone.Dao;
import keystone.Insert;
import keystone.Query;

/**
 * Queries whose SQLite spelling PostgreSQL lacks (strftime, group_concat, julianday, date()), each
 * with a PostgreSQL variant; the last one is portable and shared.
 */
@Dao
public interface SaleDao {
  @Insert
  void insertBuyers(Buyer... buyers);

  @Insert
  void insertSales(List<Sale> sales);

  /** Dynamic: {@code IN (:buyers)} expands in both statements. */
  @Query(
      value = "SELECT strftime('%Y-%m', sold_on) AS month,"
          + " group_concat(item, ',' ORDER BY id) AS items, SUM(cents) AS cents"
          + " FROM sales WHERE buyer_id IN (:buyers) AND cents >= :minCents"
          + " GROUP BY month ORDER BY month",
      postgres = "SELECT to_char(sold_on::date, 'YYYY-MM') AS month,"
          + " string_agg(item, ',' ORDER BY id) AS items, SUM(cents)::bigint AS cents"
          + " FROM sales WHERE buyer_id IN (:buyers) AND cents >= :minCents"
          + " GROUP BY month ORDER BY month")
  List<MonthTotal> monthly(List<Long> buyers, long minCents);

  /** Static: one constant per dialect, picked when the DAO is made. */
  @Query(
      value = "SELECT CAST(julianday(MAX(sold_on)) - julianday(MIN(sold_on)) AS INTEGER)"
          + " FROM sales WHERE buyer_id = :buyer",
      postgres = "SELECT MAX(sold_on::date) - MIN(sold_on::date) FROM sales"
          + " WHERE buyer_id = :buyer")
  Long daysSpanned(long buyer);

  /** A write: {@code :days} is cast because PostgreSQL adds an integer, not a bigint, to a date. */
  @Query(
      value = "UPDATE sales SET sold_on = date(sold_on, '+' || :days || ' days')"
          + " WHERE id IN (:ids)",
      postgres = "UPDATE sales SET sold_on = to_char(sold_on::date + :days::int, 'YYYY-MM-DD')"
          + " WHERE id IN (:ids)")
  int postpone(int days, long... ids);

  @Query("SELECT * FROM sales ORDER BY id")
  List<Sale> all();
}
