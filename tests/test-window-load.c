/* test-window-load.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's load as a user meets it: the first launch on a busy
 * machine, cancelling at each moment of a load, switching the bundled
 * measures off during one, and closing the window during one. Runs under
 * Xvfb with GTK's default renderer and again with Cairo (see
 * tests/meson.build), and under a D-Bus session of its own so that the
 * application can be marked busy.
 *
 * Nothing here waits for a fixed time: each test waits for the state it
 * needs, with a deadline that only a hang reaches.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "measures-export.h"
#include "measures-filter-sidebar.h"
#include "measures-window.h"
#include "test-ui-utils.h"

#define HANG_SECONDS 60

/* Two processes that keep both cores busy, as on a loaded machine. */
typedef struct
{
  pid_t pids[2];
} Hogs;

static void
hogs_start (Hogs *hogs)
{
  for (guint i = 0; i < G_N_ELEMENTS (hogs->pids); i++)
    {
      hogs->pids[i] = fork ();
      g_assert_cmpint (hogs->pids[i], >=, 0);
      if (hogs->pids[i] == 0)
        {
          volatile guint64 n = 0;

          /* Never outlives a test that failed. */
          prctl (PR_SET_PDEATHSIG, SIGKILL);
          for (;;)
            n++;
        }
    }
}

static void
hogs_stop (Hogs *hogs)
{
  for (guint i = 0; i < G_N_ELEMENTS (hogs->pids); i++)
    {
      kill (hogs->pids[i], SIGKILL);
      waitpid (hogs->pids[i], NULL, 0);
    }
}

typedef gboolean (*Condition) (MeasuresWindow *window);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; FALSE if it never did
 * within HANG_SECONDS. */
static gboolean
wait_for (MeasuresWindow *window,
          Condition       condition)
{
  gint64 deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!condition (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  return condition (window);
}

static gboolean
shows_measures (MeasuresWindow *window)
{
  return !measures_window_get_loading (window) &&
         g_list_model_get_n_items (measures_window_get_model (window)) > 0;
}

static gboolean
not_loading (MeasuresWindow *window)
{
  return !measures_window_get_loading (window);
}

static gboolean
painted (MeasuresWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "painted") != NULL;
}

static void
painted_cb (GdkFrameClock  *clock,
            MeasuresWindow *window)
{
  g_object_set_data (G_OBJECT (window), "painted", GINT_TO_POINTER (TRUE));
}

static void
watch_paint (MeasuresWindow *window)
{
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                           G_CALLBACK (painted_cb), window, 0);
}

/* A folder of @n_files datasets of @per_file measures each: a load that
 * takes a while, and that can be cancelled between its files. */
static char *
make_large_folder (guint n_files,
                   guint per_file)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("measures-load-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint f = 0; f < n_files; f++)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\":\"measures-1\",\"measures\":[");
      g_autofree char *name = g_strdup_printf ("part-%03u.json", f);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      for (guint i = 0; i < per_file; i++)
        g_string_append_printf (json,
                                "%s{\"id\":\"m-%u-%u\",\"country\":\"Romania\",\"year\":%u,"
                                "\"types\":[\"Laws > Legislation\"],\"forms\":[\"Trafficking\"],"
                                "\"title\":{\"en\":\"Measure %u of part %u against trafficking\"},"
                                "\"description\":{\"en\":\"A long enough description of measure %u, "
                                "so that reading and indexing the words takes a while.\"}}",
                                i > 0 ? "," : "", f, i, 1990 + i % 35, i, f, i);
      g_string_append (json, "]}");
      g_file_set_contents (path, json->str, json->len, &error);
      g_assert_no_error (error);
    }

  return folder;
}

/* Removes all that @folder holds, folders too. */
static void
empty_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          empty_folder (path);
          g_rmdir (path);
        }
      else
        g_unlink (path);
    }
}

static void
remove_folder (const char *folder)
{
  empty_folder (folder);
  g_rmdir (folder);
}

/* A load read from caches would end before it could be cancelled. */
static void
forget_caches (void)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "measures", NULL);

  empty_folder (cache);
}

/* Each test starts as a new user would: no datasets of the last
 * session, no caches. */
static void
new_user (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_settings_reset (settings, "datasets");
  g_settings_reset (settings, "show-bundled");
  forget_caches ();
}

static void
set_done_cb (GdkFrameClock *clock,
             gboolean      *done)
{
  *done = TRUE;
}

static void
warm_up_renderer (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  gboolean done = FALSE;
  gint64 deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_window_set_child (GTK_WINDOW (window), spinner);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (set_done_cb), &done);
  gtk_window_present (GTK_WINDOW (window));
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* W1: the first launch shows the bundled measures, however busy the
 * machine and however slow the renderer; the figure is printed, never
 * asserted beyond the deadline of a hang. */
static void
launch_busy (GFile *file,
             guint  expected)
{
  Hogs hogs;
  MeasuresWindow *window;
  gint64 start;
  gboolean shown;

  new_user ();

  /* The renderer compiles its shaders once per machine; a first window
   * that compiles them would be slower than the 500 ms after which a
   * deferred load starts anyway, and would hide one that waits for the
   * idle. */
  warm_up_renderer ();

  hogs_start (&hogs);
  start = g_get_monotonic_time ();
  window = measures_window_new (NULL);
  measures_window_open (window, file != NULL ? &file : NULL, file != NULL ? 1 : 0);
  gtk_window_present (GTK_WINDOW (window));
  shown = wait_for (window, shows_measures);
  g_test_message ("Renderer %s, two processes beside it: measures shown after %.0f ms",
                  g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default",
                  (g_get_monotonic_time () - start) / 1000.0);
  hogs_stop (&hogs);

  g_assert_true (shown);
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The bundled measures, read before the first frame. */
static void
test_first_launch_busy (void)
{
  launch_busy (NULL, 115);
}

/* A dataset given on the command line, read once the first frame is
 * painted. */
static void
test_first_open_busy (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  launch_busy (file, 21);
}

/* Cancel, at each moment a user can press it. */
static void
test_cancel_at_every_moment (void)
{
  g_autofree char *folder = make_large_folder (60, 1000);
  g_autoptr(GFile) file = g_file_new_for_path (folder);

  for (guint moment = 0; moment < 3; moment++)
    {
      MeasuresWindow *window = measures_window_new (NULL);

      new_user ();
      g_test_message ("Cancel at moment %u", moment);
      measures_window_open (window, NULL, 0);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (wait_for (window, shows_measures));
      watch_paint (window);

      measures_window_add_files (window, &file, 1);
      g_assert_true (measures_window_get_loading (window));

      /* 0: at once; 1: once a frame has been drawn during the load;
       * 2: after it began, the same turn of the loop as a redraw. */
      if (moment >= 1)
        g_assert_true (wait_for (window, painted));
      if (moment == 2)
        g_main_context_iteration (NULL, FALSE);

      g_assert_true (measures_window_get_loading (window));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL));
      g_assert_true (wait_for (window, not_loading));

      /* What was shown before, the bundled measures, stays. */
      g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 115);

      gtk_window_destroy (GTK_WINDOW (window));
    }

  remove_folder (folder);
}

/* B2: the bundled measures switched on and off during a load leave the
 * window with nothing to load, and not loading. */
static void
test_show_bundled_during_load (void)
{
  MeasuresWindow *window;
  MeasuresSession *session;

  new_user ();
  window = measures_window_new (NULL);
  /* The session's load: the window shows its panes a frame later. */
  session = measures_window_get_session (window);
  measures_window_open (window, NULL, 0);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (measures_session_get_loading (session));

  g_object_set (window, "show-bundled", FALSE, NULL);
  g_assert_false (measures_session_get_loading (session));
  g_object_set (window, "show-bundled", TRUE, NULL);
  g_assert_true (measures_session_get_loading (session));
  g_object_set (window, "show-bundled", FALSE, NULL);
  g_assert_false (measures_session_get_loading (session));

  /* And stays so once the cancelled load has ended. */
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (measures_session_get_loading (session));
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 0);

  g_object_set (window, "show-bundled", TRUE, NULL);
  g_assert_true (wait_for (window, shows_measures));
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 115);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* B3 and W25: a window closed during a load stops it at once, the
 * application is no longer busy, and nothing runs on after the window.
 * Any critical (such as a progress bar set after it is gone) fails the
 * test. */
static void
test_close_during_load (void)
{
  g_autofree char *folder = make_large_folder (60, 1000);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresWindow *window;
  GObject *watched;
  gint64 start, deadline;
  double uncancelled;

  app = gtk_application_new ("io.github.measures.Measures.TestLoad", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_application_get_dbus_connection (G_APPLICATION (app)));

  /* How long the whole load takes, for comparison. */
  new_user ();
  window = g_object_new (MEASURES_TYPE_WINDOW, "application", app, NULL);
  start = g_get_monotonic_time ();
  measures_window_open (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (window, shows_measures));
  uncancelled = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_false (g_application_get_is_busy (G_APPLICATION (app)));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Its caches are written now: start again without them. */
  forget_caches ();

  window = g_object_new (MEASURES_TYPE_WINDOW, "application", app, NULL);
  watched = G_OBJECT (window);
  g_object_add_weak_pointer (watched, (gpointer *) &watched);
  measures_window_open (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  watch_paint (window);
  g_assert_true (wait_for (window, painted));
  g_assert_true (measures_window_get_loading (window));
  g_assert_true (g_application_get_is_busy (G_APPLICATION (app)));

  start = g_get_monotonic_time ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (g_application_get_is_busy (G_APPLICATION (app)));

  /* The load lets the window go once it sees it is cancelled. */
  deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
  while (watched != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (watched);
  g_test_message ("The whole load took %.0f ms; a closed window was let go after %.0f ms",
                  uncancelled, (g_get_monotonic_time () - start) / 1000.0);

  remove_folder (folder);
}

static gboolean
not_exporting (MeasuresWindow *window)
{
  return !measures_window_get_exporting (window);
}

/* B4: an export that ends during a load leaves the load's progress
 * going. */
static void
test_export_during_load (void)
{
  g_autofree char *folder = make_large_folder (60, 1000);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *out_path = g_build_filename (g_get_user_cache_dir (), "export.csv", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  MeasuresWindow *window;
  GtkProgressBar *bar;
  double fraction;
  gint64 deadline;

  new_user ();
  window = measures_window_new (NULL);
  measures_window_open (window, NULL, 0);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (window, shows_measures));

  measures_window_add_files (window, &file, 1);
  g_assert_true (measures_window_get_loading (window));
  measures_window_export (window, out, FALSE, MEASURES_FORMAT_CSV, "en");
  g_assert_true (wait_for (window, not_exporting));
  g_assert_true (g_file_query_exists (out, NULL));
  g_assert_true (measures_window_get_loading (window));

  /* The bar still moves while the load goes on. */
  bar = GTK_PROGRESS_BAR (find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR, "load-progress"));
  g_assert_nonnull (bar);
  fraction = gtk_progress_bar_get_fraction (bar);
  deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
  while (measures_window_get_loading (window) && gtk_progress_bar_get_fraction (bar) == fraction &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), !=, fraction);

  g_assert_true (wait_for (window, shows_measures));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (out_path);
  remove_folder (folder);
}

/* B8: a file chooser that answers once its window is gone touches
 * nothing of the window. Under AddressSanitizer, any use after free
 * fails the test. */
static void
test_chooser_after_close (void)
{
  const char *actions[] = { "win.open", "win.open-folder" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      MeasuresWindow *window;
      GObject *watched;
      GtkWindow *chooser = NULL;
      gint64 deadline;

      new_user ();
      window = measures_window_new (NULL);
      watched = G_OBJECT (window);
      g_object_add_weak_pointer (watched, (gpointer *) &watched);
      measures_window_open (window, NULL, 0);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (wait_for (window, shows_measures));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
      deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
      while ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL)) == NULL && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_nonnull (chooser);
      g_object_ref (chooser);

      gtk_window_destroy (GTK_WINDOW (window));
      deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
      while (watched != NULL && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_null (watched);

      /* The user picks the bundled folder after all. */
      {
        g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
        g_autoptr(GFile) folder = g_file_new_for_path (data);

        gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder, NULL);
        gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      }
      for (guint k = 0; k < 50; k++)
        g_main_context_iteration (NULL, FALSE);
      g_object_unref (chooser);
    }
}

/* The status page titled @title under @root. */
static GtkWidget *
status_page (GtkWidget  *root,
             const char *title)
{
  if (ADW_IS_STATUS_PAGE (root) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = status_page (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A load that could read nothing shows why where the list would be; a
 * later load of a dataset with no measures (and no problem) shows that
 * there are none, not the earlier problem. */
static void
test_error_then_empty (void)
{
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "not-json.json", NULL);
  g_autofree char *empty_path = g_test_build_filename (G_TEST_DIST, "data", "empty-list.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  MeasuresWindow *window = measures_window_new (NULL);
  GtkWidget *error_page;
  GtkWidget *empty_page;

  gtk_window_present (GTK_WINDOW (window));
  measures_window_open (window, &bad, 1);
  wait_until_loaded (window);
  /* The panes, these pages among them, are built after the first frame. */
  error_page = status_page (GTK_WIDGET (window), "Could Not Open the Measures");
  empty_page = status_page (GTK_WIDGET (window), "No Measures");
  g_assert_nonnull (error_page);
  g_assert_nonnull (empty_page);
  wait_until (widget_mapped, error_page, "the page of the problems to be shown");

  measures_window_open (window, &empty, 1);
  wait_until_loaded (window);
  wait_until (widget_mapped, empty_page, "the page that says there are no measures to be shown");
  g_assert_false (gtk_widget_get_mapped (error_page));

  close_window (window);
}

static gboolean
session_loaded (gpointer data)
{
  return !measures_session_get_loading (data);
}

/* A load that ends before the window's first frame (on a slow renderer
 * or a busy machine, the session stops waiting for that frame): the
 * panes built after it show what was loaded, the sidebar's counts
 * among it. */
static void
test_loaded_before_first_frame (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = measures_window_new (NULL);
  MeasuresSession *session = measures_window_get_session (window);
  MeasuresFilterSidebar *sidebar;

  measures_window_open (window, &file, 1);
  wait_until (session_loaded, session, "the session to load without a frame");
  g_assert_false (gtk_widget_get_realized (GTK_WIDGET (window)));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_loaded (window);

  sidebar = MEASURES_FILTER_SIDEBAR (find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL));
  g_assert_nonnull (sidebar);
  g_assert_cmpuint (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_COUNTRY, "Romania"), ==, 7);
  g_assert_cmpuint (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_FORM, "Trafficking"), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 11);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *cache = g_dir_make_tmp ("measures-load-cache-XXXXXX", NULL);

  /* Caches of its own: these tests remove them, and run beside others. */
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-load/first-launch-busy", test_first_launch_busy);
  g_test_add_func ("/window-load/first-open-busy", test_first_open_busy);
  g_test_add_func ("/window-load/cancel-at-every-moment", test_cancel_at_every_moment);
  g_test_add_func ("/window-load/show-bundled-during-load", test_show_bundled_during_load);
  g_test_add_func ("/window-load/close-during-load", test_close_during_load);
  g_test_add_func ("/window-load/export-during-load", test_export_during_load);
  g_test_add_func ("/window-load/chooser-after-close", test_chooser_after_close);
  g_test_add_func ("/window-load/error-then-empty", test_error_then_empty);
  g_test_add_func ("/window-load/loaded-before-first-frame", test_loaded_before_first_frame);

  status = g_test_run ();
  remove_folder (cache);

  return status;
}
