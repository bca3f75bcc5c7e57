/*
 * The native baseline: the suite's core operations through SQLite's C API, on the same schema
 * (Keystone's DDL, passed as a file), the same pragmas, and the same SQLite version as the
 * sqlite-jdbc jar (run.sh checks SQLITE_VERSION before building). Prints one line per operation:
 *   <benchmark>\t<params>\t<median ms per operation>
 * Usage: native_bench <ddl.sql> <dir> [repeats]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sqlite3.h"

#define ROWS 10000
#define ONE 1000
#define GRAPH_USERS 100
#define ORDERS 10
#define ITEMS 10

static sqlite3 *db;
static char *ddl;
static char path[4096];

static void die(const char *what) {
  fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
  exit(1);
}

static void exec(const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", sql, err);
    exit(1);
  }
}

static sqlite3_stmt *prep(const char *sql) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) die(sql);
  return st;
}

static void run(sqlite3_stmt *st) {
  if (sqlite3_step(st) != SQLITE_DONE) die("step");
  sqlite3_reset(st);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void fresh(const char *name) {
  if (db) sqlite3_close(db);
  snprintf(path, sizeof path, "%s/native-%s.db", getenv("BENCH_DIR"), name);
  char side[4200];
  remove(path);
  snprintf(side, sizeof side, "%s-wal", path); remove(side);
  snprintf(side, sizeof side, "%s-shm", path); remove(side);
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) die("open");
  exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
       " PRAGMA busy_timeout = 5000");
  exec(ddl);
}

static sqlite3_stmt *ins_user, *ins_user_ret, *by_id, *all_users, *upd_user, *by_email,
    *ins_order_ret, *ins_item, *ins_loose, *orders_of, *items_of;

static void prepare_all(void) {
  ins_user = prep("INSERT INTO users (name, email, age) VALUES (?, ?, ?)");
  ins_user_ret = prep("INSERT INTO users (name, email, age) VALUES (?, ?, ?) RETURNING id");
  by_id = prep("SELECT id, name, email, age FROM users WHERE id = ?");
  all_users = prep("SELECT id, name, email, age FROM users");
  upd_user = prep("UPDATE users SET name = ?, email = ?, age = ? WHERE id = ?");
  by_email = prep("SELECT id, name, email, age FROM users WHERE email = ?");
  ins_order_ret =
      prep("INSERT INTO orders (user_id, status, total_cents) VALUES (?, ?, ?) RETURNING id");
  ins_item = prep("INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES (?, ?, ?, ?)");
  ins_loose = prep("INSERT INTO loose_items (order_id, sku, quantity, price_cents) VALUES (?, ?, ?, ?)");
  orders_of = prep("SELECT id, user_id, status, total_cents FROM orders WHERE user_id = ?");
  items_of = prep("SELECT id, order_id, sku, quantity, price_cents FROM order_items WHERE order_id = ?");
}

static void finalize_all(void) {
  sqlite3_stmt *all[] = {ins_user, ins_user_ret, by_id, all_users, upd_user, by_email,
                         ins_order_ret, ins_item, ins_loose, orders_of, items_of};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
}

static int seed;
static char buf1[64], buf2[64];

static void bind_user(sqlite3_stmt *st, int i) {
  int n1 = snprintf(buf1, sizeof buf1, "User %d", i);
  int n2 = snprintf(buf2, sizeof buf2, "u%d_%d@example.com", seed, i);
  sqlite3_bind_text(st, 1, buf1, n1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, buf2, n2, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 3, 18 + i % 70);
}

static long long touch(long long h, sqlite3_stmt *st) {
  int n = sqlite3_column_count(st);
  for (int c = 0; c < n; c++) {
    if (sqlite3_column_type(st, c) == SQLITE_TEXT) {
      sqlite3_column_text(st, c);
      h = h * 31 + sqlite3_column_bytes(st, c);
    } else {
      h = h * 31 + sqlite3_column_int64(st, c);
    }
  }
  return h;
}

static volatile long long sink;

static void bulk_insert(void) {
  seed++;
  exec("BEGIN");
  for (int i = 0; i < ROWS; i++) { bind_user(ins_user, i); run(ins_user); }
  exec("COMMIT");
}

static void one_by_one(void) {
  seed++;
  for (int i = 0; i < ONE; i++) { bind_user(ins_user, i); run(ins_user); }
}

static long long ids[ONE], rnd_ids[ONE];
static char emails[ONE][64];

static void load_ids(long long *which) {
  long long h = 0;
  for (int i = 0; i < ONE; i++) {
    sqlite3_bind_int64(by_id, 1, which[i]);
    if (sqlite3_step(by_id) == SQLITE_ROW) h = touch(h, by_id);
    sqlite3_reset(by_id);
  }
  sink = h;
}
static void load_seq(void) { load_ids(ids); }
static void load_rnd(void) { load_ids(rnd_ids); }

static void load_all(void) {
  long long h = 0;
  while (sqlite3_step(all_users) == SQLITE_ROW) h = touch(h, all_users);
  sqlite3_reset(all_users);
  sink = h;
}

static void indexed_query(void) {
  long long h = 0;
  for (int i = 0; i < ONE; i++) {
    sqlite3_bind_text(by_email, 1, emails[i], -1, SQLITE_STATIC);
    if (sqlite3_step(by_email) == SQLITE_ROW) h = touch(h, by_email);
    sqlite3_reset(by_email);
  }
  sink = h;
}

static void bulk_update(void) {
  exec("BEGIN");
  while (sqlite3_step(all_users) == SQLITE_ROW) {
    sqlite3_bind_text(upd_user, 1, (const char *)sqlite3_column_text(all_users, 1),
                      sqlite3_column_bytes(all_users, 1), SQLITE_TRANSIENT);
    sqlite3_bind_text(upd_user, 2, (const char *)sqlite3_column_text(all_users, 2),
                      sqlite3_column_bytes(all_users, 2), SQLITE_TRANSIENT);
    sqlite3_bind_int64(upd_user, 3, sqlite3_column_int64(all_users, 3) + 1);
    sqlite3_bind_int64(upd_user, 4, sqlite3_column_int64(all_users, 0));
    run(upd_user);
  }
  sqlite3_reset(all_users);
  exec("COMMIT");
}

static void delete_all(void) { exec("DELETE FROM users"); }

static long long returning(sqlite3_stmt *st) {
  if (sqlite3_step(st) != SQLITE_ROW) die("returning");
  long long id = sqlite3_column_int64(st, 0);
  sqlite3_step(st);
  sqlite3_reset(st);
  return id;
}

static void graph_write(void) {
  seed++;
  char sku[32];
  exec("BEGIN");
  for (int u = 0; u < GRAPH_USERS; u++) {
    bind_user(ins_user_ret, u);
    long long user = returning(ins_user_ret);
    for (int o = 0; o < ORDERS; o++) {
      sqlite3_bind_int64(ins_order_ret, 1, user);
      sqlite3_bind_text(ins_order_ret, 2, "pending", -1, SQLITE_STATIC);
      sqlite3_bind_int64(ins_order_ret, 3, o * 100LL);
      long long order = returning(ins_order_ret);
      for (int i = 0; i < ITEMS; i++) {
        int n = snprintf(sku, sizeof sku, "SKU-%d", i);
        sqlite3_bind_int64(ins_item, 1, order);
        sqlite3_bind_text(ins_item, 2, sku, n, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins_item, 3, 1 + i);
        sqlite3_bind_int64(ins_item, 4, 250LL * i);
        run(ins_item);
      }
    }
  }
  exec("COMMIT");
}

static void graph_read(void) {
  long long h = 0, orders[256];
  for (int u = 0; u < GRAPH_USERS; u++) {
    sqlite3_bind_int64(by_id, 1, ids[u]);
    if (sqlite3_step(by_id) == SQLITE_ROW) h = touch(h, by_id);
    sqlite3_reset(by_id);
    int n = 0;
    sqlite3_bind_int64(orders_of, 1, ids[u]);
    while (sqlite3_step(orders_of) == SQLITE_ROW && n < 256) {
      h = touch(h, orders_of);
      orders[n++] = sqlite3_column_int64(orders_of, 0);
    }
    sqlite3_reset(orders_of);
    for (int o = 0; o < n; o++) {
      sqlite3_bind_int64(items_of, 1, orders[o]);
      while (sqlite3_step(items_of) == SQLITE_ROW) h = touch(h, items_of);
      sqlite3_reset(items_of);
    }
  }
  sink = h;
}

static long long order_ids[1000];
static void insert_items(sqlite3_stmt *st) {
  char sku[32];
  exec("BEGIN");
  for (int i = 0; i < ROWS; i++) {
    int n = snprintf(sku, sizeof sku, "SKU-%d", i);
    sqlite3_bind_int64(st, 1, order_ids[i % 1000]);
    sqlite3_bind_text(st, 2, sku, n, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, 1 + i % 5);
    sqlite3_bind_int64(st, 4, 250LL * i);
    run(st);
  }
  exec("COMMIT");
}
static void insert_keyed(void) { insert_items(ins_item); }
static void insert_loose(void) { insert_items(ins_loose); }

static int repeats;

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Runs op `repeats` times, each after `before` (untimed); prints the median. */
static void measure(const char *name, const char *params, void (*before)(void), void (*op)(void)) {
  double t[256];
  int n = repeats < 256 ? repeats : 256;
  for (int w = 0; w < 2; w++) { if (before) before(); op(); }
  for (int r = 0; r < n; r++) {
    if (before) before();
    double s = now_ms();
    op();
    t[r] = now_ms() - s;
  }
  qsort(t, n, sizeof *t, cmp);
  printf("%s\t%s\t%.6f\n", name, params, t[n / 2]);
  fflush(stdout);
}

static void clear_users(void) { exec("DELETE FROM users"); }
static void seed_users(void) {
  clear_users();
  exec("BEGIN");
  seed++;
  for (int i = 0; i < ROWS; i++) { bind_user(ins_user, i); run(ins_user); }
  exec("COMMIT");
}
static void clear_items(void) { exec("DELETE FROM order_items"); }
static void clear_loose(void) { exec("DELETE FROM loose_items"); }

static void seed_read_fixture(void) {
  seed_users();
  sqlite3_stmt *q = prep("SELECT id, email FROM users ORDER BY id");
  long long all[ROWS];
  char all_emails[ROWS][64];
  int n = 0;
  while (sqlite3_step(q) == SQLITE_ROW && n < ROWS) {
    all[n] = sqlite3_column_int64(q, 0);
    snprintf(all_emails[n], 64, "%s", (const char *)sqlite3_column_text(q, 1));
    n++;
  }
  sqlite3_finalize(q);
  unsigned long long x = 42;
  for (int i = 0; i < ONE; i++) {
    ids[i] = all[i];
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    int pick = (int)((x >> 33) % ROWS);
    rnd_ids[i] = all[pick];
    snprintf(emails[i], 64, "%s", all_emails[pick]);
  }
}

static void seed_graph_for_read(void) {
  char sku[32];
  exec("BEGIN");
  for (int u = 0; u < GRAPH_USERS; u++) {
    for (int o = 0; o < ORDERS; o++) {
      sqlite3_bind_int64(ins_order_ret, 1, ids[u]);
      sqlite3_bind_text(ins_order_ret, 2, "pending", -1, SQLITE_STATIC);
      sqlite3_bind_int64(ins_order_ret, 3, o * 100LL);
      long long order = returning(ins_order_ret);
      if (u * ORDERS + o < 1000) order_ids[u * ORDERS + o] = order;
      for (int i = 0; i < ITEMS; i++) {
        int k = snprintf(sku, sizeof sku, "SKU-%d", i);
        sqlite3_bind_int64(ins_item, 1, order);
        sqlite3_bind_text(ins_item, 2, sku, k, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins_item, 3, 1 + i);
        sqlite3_bind_int64(ins_item, 4, 250LL * i);
        run(ins_item);
      }
    }
  }
  exec("COMMIT");
}

static char *slurp(const char *file) {
  FILE *f = fopen(file, "rb");
  if (!f) { perror(file); exit(1); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc(n + 1);
  if (fread(s, 1, n, f) != (size_t)n) { perror(file); exit(1); }
  s[n] = 0;
  fclose(f);
  return s;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s ddl.sql dir [repeats]\n", argv[0]); return 2; }
  ddl = slurp(argv[1]);
  setenv("BENCH_DIR", argv[2], 1);
  repeats = argc > 3 ? atoi(argv[3]) : 15;
  fprintf(stderr, "SQLite %s (%s)\n", sqlite3_libversion(), sqlite3_sourceid());

  fresh("write"); prepare_all();
  measure("WriteBench.bulkInsert", "", clear_users, bulk_insert);
  measure("WriteBench.oneByOneInsert", "", clear_users, one_by_one);
  measure("WriteBench.graphWrite", "", clear_users, graph_write);
  measure("DeleteBench.deleteAll", "", seed_users, delete_all);
  finalize_all();

  fresh("read"); prepare_all();
  seed_read_fixture();
  seed_graph_for_read();
  measure("ReadBench.loadByIdSequential", "", NULL, load_seq);
  measure("ReadBench.loadByIdRandom", "", NULL, load_rnd);
  measure("ReadBench.loadAll", "", NULL, load_all);
  measure("ReadBench.indexedQuery", "", NULL, indexed_query);
  measure("ReadBench.graphRead", "", NULL, graph_read);
  measure("ReadBench.bulkUpdate", "", NULL, bulk_update);
  /* The read fixture's 1000 orders are the parents of the enforcement case. */
  exec("DELETE FROM order_items");
  measure("EnforcementBench.insertWithKeys", "keyed=true", clear_items, insert_keyed);
  measure("EnforcementBench.insertWithKeys", "keyed=false", clear_loose, insert_loose);
  finalize_all();
  sqlite3_close(db);
  return 0;
}
