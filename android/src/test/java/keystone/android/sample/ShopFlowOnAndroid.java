package keystone.android.sample;

import android.content.Context;
import android.os.Build;
import java.io.PrintStream;
import keystone.android.KeystoneAndroid;
import keystone.samples.ShopFlowDemo;
import keystone.samples.shopflow.ShopDatabase;

/**
 * The ShopFlow sample as an Android app runs it: given the app's {@link Context} (an Activity,
 * a Service or the Application), it opens {@code shopflow.db} in the app's database directory on
 * Android's own SQLite and walks through the desktop demo's steps, unchanged: seed, the object
 * graph, RESTRICT and CASCADE previewed then done, SET NULL, the refused orphan with its typed
 * error, and deferred imports.
 *
 * <p>It lives in the test sources, with the ShopFlow entities coming from {@code keystone-samples}
 * (test scope): an app ships its own entities, so keystone-android's artifact carries none. In an
 * app, call {@code new ShopFlowOnAndroid(getApplicationContext()).run(System.out)} off the main
 * thread, as with any database work.
 */
public final class ShopFlowOnAndroid {
  static final String FILE = "shopflow.db";

  private final Context context;

  public ShopFlowOnAndroid(Context context) {
    this.context = context.getApplicationContext() != null
        ? context.getApplicationContext() : context;
  }

  /** Starts from a fresh file and runs every step, narrating to {@code out}. */
  public void run(PrintStream out) {
    context.deleteDatabase(FILE);
    try (ShopDatabase db = KeystoneAndroid.builder(context, ShopDatabase.class).name(FILE)
        .build()) {
      out.println("Keystone ShopFlow on Android's SQLite (API " + Build.VERSION.SDK_INT + ") at "
          + context.getDatabasePath(FILE));
      new ShopFlowDemo(db, out).run();
    }
  }
}
