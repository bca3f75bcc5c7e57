/**
 * Runnable Keystone samples: ShopFlow ({@link keystone.samples.shopflow}), a blog with tags
 * ({@link keystone.samples.blog}) and Cloudflare D1's scores example ({@link
 * keystone.samples.scores}). {@link keystone.samples.ShopFlowDemo} walks through what
 * engine-enforced foreign keys do.
 */
package keystone.samples;
