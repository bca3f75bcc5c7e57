package keystone.tests.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Object graphs load one query per relation level and chunk of keys, never one per parent. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class GraphLoadTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;
  private final List<String> traced = new CopyOnWriteArrayList<>();
  private GraphDatabase db;
  private GraphDao graph;

  @BeforeEach
  void open() {
    db = engine.builder(GraphDatabase.class, dir)
        .traceSql(traced::add)
        .build();
    graph = db.graph();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** The SELECTs run since the last call, in order. */
  private List<String> selects() {
    List<String> out = traced.stream()
        .filter(s -> s.stripLeading().toUpperCase().startsWith("SELECT"))
        .toList();
    traced.clear();
    return out;
  }

  @Test
  void aThreeLevelGraphLoadsInOneQueryPerRelation() {
    long keyboard = graph.insert(new Product(0, "keyboard"));
    long cable = graph.insert(new Product(0, "cable"));
    long ada = graph.insert(new Customer(0, "Ada"));
    long grace = graph.insert(new Customer(0, "Grace"));
    long linus = graph.insert(new Customer(0, "Linus"));
    graph.insert(new Profile(ada, "first programmer"));
    long o1 = graph.insert(new Purchase(0, ada, "paid"));
    long o2 = graph.insert(new Purchase(0, ada, "pending"));
    long o3 = graph.insert(new Purchase(0, grace, "paid"));
    graph.insert(new Item(0, o1, keyboard, 1));
    graph.insert(new Item(0, o1, cable, 2));
    graph.insert(new Item(0, o3, cable, 5));
    traced.clear();

    List<CustomerGraph> customers = graph.customers();

    // users, profiles, orders, order_items, products: five, whatever the number of rows.
    List<String> selects = selects();
    assertEquals(5, selects.size(), String.join("\n", selects));
    assertEquals(List.of("Ada", "Grace", "Linus"),
        customers.stream().map(c -> c.customer().name()).toList());
    CustomerGraph a = customers.get(0);
    assertEquals("first programmer", a.profile().bio());
    assertEquals(List.of(o1, o2), a.orders().stream().map(o -> o.order().id).toList());
    OrderGraph first = a.orders().get(0);
    assertEquals(List.of("keyboard", "cable"),
        first.items().stream().map(i -> i.product().name()).toList());
    assertEquals(List.of(), a.orders().get(1).items());
    CustomerGraph g = customers.get(1);
    assertNull(g.profile(), "one-to-one without a row is null");
    assertEquals(5, g.orders().get(0).items().get(0).item().quantity());
    CustomerGraph l = customers.get(2);
    assertEquals(linus, l.customer().id());
    assertNull(l.profile());
    assertEquals(List.of(), l.orders());
  }

  @Test
  void moreParentsThanOneQueryMayBindAreLoadedInChunks() {
    int n = 1901;
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      customers.add(new Customer(0, "c" + i));
    }
    long[] ids = graph.insertCustomers(customers);
    List<Purchase> orders = new ArrayList<>();
    for (long id : ids) {
      orders.add(new Purchase(0, id, "paid"));
    }
    long[] orderIds = graph.insertOrders(orders);
    long product = graph.insert(new Product(0, "p"));
    List<Item> items = new ArrayList<>();
    for (long orderId : orderIds) {
      items.add(new Item(0, orderId, product, 1));
    }
    graph.insertItems(items);
    traced.clear();

    List<CustomerGraph> loaded = graph.customers();

    // 1 users + 3 chunks each of profiles, orders and items (1901 keys, 900 per query) + 1
    // products (one distinct key).
    int chunks = (n + 899) / 900;
    List<String> selects = selects();
    assertEquals(1 + 3 * chunks + 1, selects.size());
    assertEquals(n, loaded.size());
    for (int i = 0; i < n; i++) {
      CustomerGraph c = loaded.get(i);
      assertEquals(ids[i], c.customer().id());
      assertEquals(1, c.orders().size());
      assertEquals(orderIds[i], c.orders().get(0).order().id);
      assertEquals("p", c.orders().get(0).items().get(0).product().name());
    }
    long largest = selects.stream().mapToLong(s -> s.chars().filter(ch -> ch == '?').count())
        .max().orElse(0);
    assertEquals(900, largest);
  }

  @Test
  void noParentsMeansOneQuery() {
    assertEquals(List.of(), graph.customers());
    assertEquals(1, selects().size());
    assertEquals(Optional.empty(), graph.customer(42));
    assertNull(graph.customerOrNull(42));
  }

  @Test
  void aSingleGraphIsLoadedTheSameWay() {
    long ada = graph.insert(new Customer(0, "Ada"));
    long o1 = graph.insert(new Purchase(0, ada, "paid"));
    traced.clear();
    CustomerGraph c = graph.customer(ada).orElseThrow();
    assertEquals(4, selects().size(), "users, profiles, orders, order_items; no item, no product");
    assertEquals(o1, c.orders().get(0).order().id);
    assertEquals(ada, graph.customerOrNull(ada).customer().id());
  }

  @Test
  void manyToManyThroughTheJunction() {
    long ada = graph.insert(new Customer(0, "Ada"));
    long p1 = graph.insert(new Post(0, ada, "one"));
    long p2 = graph.insert(new Post(0, ada, "two"));
    long p3 = graph.insert(new Post(0, ada, "three"));
    long java = graph.insert(new Tag(0, "java"));
    long sql = graph.insert(new Tag(0, "sql"));
    graph.insert(new PostTag(p1, java));
    graph.insert(new PostTag(p1, sql));
    graph.insert(new PostTag(p2, sql));
    traced.clear();

    List<PostWithTags> posts = graph.posts(List.of(p1, p2, p3));

    assertEquals(2, selects().size(), "posts, then tags joined with post_tags");
    assertEquals(Set.of("java", "sql"), names(posts.get(0)));
    assertEquals(Set.of("sql"), names(posts.get(1)));
    assertEquals(Set.of(), names(posts.get(2)));
    // The tag row shared by two posts is equal in both.
    Tag shared = posts.get(1).tags().iterator().next();
    assertTrue(posts.get(0).tags().contains(shared));
  }

  @Test
  void classShapedResultsGetTheirRelationsThroughFields() {
    long ada = graph.insert(new Customer(0, "Ada"));
    graph.insert(new Purchase(0, ada, "paid"));
    graph.insert(new Customer(0, "Grace"));
    List<CustomerOrders> rows = graph.customerOrders();
    assertEquals("Ada", rows.get(0).customer.name());
    assertEquals(1, rows.get(0).orders.size());
    assertNotNull(rows.get(1).orders);
    assertEquals(0, rows.get(1).orders.size());
  }

  @Test
  void embeddedColumnsAreReadUnderTheirPrefix() {
    long ada = graph.insert(new Customer(0, "Ada"));
    long o = graph.insert(new Purchase(0, ada, "paid"));
    assertEquals(List.of(new OrderWithBuyer(o, "paid", new Customer(ada, "Ada"))),
        graph.ordersWithBuyers());
  }

  private static Set<String> names(PostWithTags post) {
    return post.tags().stream().map(Tag::name).collect(Collectors.toSet());
  }
}
