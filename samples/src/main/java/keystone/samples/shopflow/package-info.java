/**
 * ShopFlow, the shop schema used throughout the docs: users, categories, products, orders, order
 * items and one-to-one user profiles. The entities use every shape Keystone maps (records, classes
 * with fields, a JavaBean) so each can be seen working.
 */
package keystone.samples.shopflow;
