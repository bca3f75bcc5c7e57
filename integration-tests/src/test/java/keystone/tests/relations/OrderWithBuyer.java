package keystone.tests.relations;

import keystone.Embedded;

/** An embedded entity under a column prefix, next to plain columns. */
public record OrderWithBuyer(long id, String status, @Embedded(prefix = "buyer_") Customer buyer) {}
