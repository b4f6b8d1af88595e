/* test-application.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application as the desktop reaches it: over D-Bus, from the
 * tools the desktop's own parts use (gapplication, gdbus), in a D-Bus
 * session of the test's own (dbus-run-session).
 */

#include "config.h"

#include <gtk/gtk.h>

#include "measures-application.h"
#include "measures-dataset.h"
#include "test-ui-utils.h"

#define WAIT_SECONDS 30

static MeasuresApplication *app;

typedef struct
{
  gboolean done;
  int status;
  char *out;
  char *err;
} Run;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  run->done = TRUE;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop, so that the application answers, until @done is
 * TRUE or WAIT_SECONDS have passed. */
static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  return done (data);
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

/* Runs a command-line tool while the application runs, and returns what
 * it printed; it must succeed. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0, };

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &run);
  g_assert_true (iterate_until (run_done, &run));
  if (run.status != 0)
    g_error ("%s failed with %d: %s", argv[0], run.status, run.err);
  g_free (run.err);

  return run.out;
}

/* The window the application has opened whose session shows @file. */
static MeasuresWindow *
window_on (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      GListModel *datasets;

      if (!MEASURES_IS_WINDOW (l->data))
        continue;

      datasets = measures_session_get_datasets (measures_window_get_session (l->data));
      for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
        {
          g_autoptr(MeasuresDataset) dataset = g_list_model_get_item (datasets, i);

          if (g_file_equal (measures_dataset_get_file (dataset), file))
            return l->data;
        }
    }

  return NULL;
}

static gboolean
shows_file (gpointer data)
{
  MeasuresWindow *window = window_on (data);

  return window != NULL && !measures_window_get_loading (window);
}

static void
close_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

/* `gapplication launch APP FILE`, as the desktop opens a file with a
 * D-Bus activatable application: the running instance opens it in a
 * window. */
static void
test_open_from_desktop (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *argv[] = { "gapplication", "launch", APPLICATION_ID, path, NULL };
  g_autofree char *out = NULL;
  MeasuresWindow *window;

  g_assert_null (window_on (file));

  out = run_tool (argv);
  g_assert_true (iterate_until (shows_file, file));

  window = window_on (file);
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 21);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  close_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The real application, registered on the test's own session bus as
   * the desktop would find it. */
  app = measures_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  g_test_add_func ("/application/open-from-desktop", test_open_from_desktop);

  status = g_test_run ();

  close_windows ();
  g_clear_object (&app);

  return status;
}
