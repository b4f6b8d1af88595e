/* test-session.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session: what it loads, evaluates, holds back, cancels and keeps
 * for the next session. No display: it is part of the data library.
 */

#include "config.h"

#include "measures-dataset.h"
#include "measures-session.h"

typedef struct
{
  guint loaded;
  guint results;
} Counts;

static void
count_loaded_cb (MeasuresSession *session,
                 Counts          *counts)
{
  counts->loaded++;
}

static void
count_result_cb (MeasuresSession *session,
                 Counts          *counts)
{
  counts->results++;
}

static MeasuresSession *
new_counted_session (GSettings *settings,
                     Counts    *counts)
{
  MeasuresSession *session = measures_session_new (settings);

  g_signal_connect (session, "loaded", G_CALLBACK (count_loaded_cb), counts);
  g_signal_connect (session, "result-changed", G_CALLBACK (count_result_cb), counts);

  return session;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

/* Iterates the main context until @counts->loaded reaches @loaded, and
 * fails, saying so, if it does not within 20 seconds. */
static void
wait_for_loads (Counts *counts,
                guint   loaded)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (counts->loaded < loaded && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  if (counts->loaded < loaded)
    g_error ("waited 20 s for load %u; %u were applied", loaded, counts->loaded);
}

static guint
n_matches (MeasuresSession *session)
{
  return measures_session_get_result (session)->n_matches;
}

static void
test_session_load_sync (void)
{
  g_autoptr(GFile) file = data_file ("twenty-one.json");
  g_autoptr(MeasuresSession) session = NULL;
  Counts counts = { 0 };
  const char *moldova[] = { "Republic of Moldova", NULL };

  session = new_counted_session (NULL, &counts);
  g_assert_cmpuint (n_matches (session), ==, 0);
  g_assert_cmpuint (measures_index_get_n_measures (measures_session_get_index (session)), ==, 0);

  g_assert_true (measures_session_load (session, &file, 1, NULL));
  g_assert_cmpuint (counts.loaded, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (measures_session_get_datasets (session)), ==, 1);
  g_assert_cmpuint (measures_index_get_n_measures (measures_session_get_index (session)), ==, 21);
  g_assert_cmpuint (n_matches (session), ==, 21);
  g_assert_cmpuint (measures_session_get_problems (session)->len, ==, 0);

  /* A change of the query is evaluated at once. */
  counts.results = 0;
  measures_query_set_places (measures_session_get_query (session), moldova, NULL);
  g_assert_cmpuint (counts.results, ==, 1);
  g_assert_cmpuint (n_matches (session), ==, 10);
}

static void
test_session_load_cancelled (void)
{
  g_autoptr(GFile) file = data_file ("twenty-one.json");
  g_autoptr(MeasuresSession) session = measures_session_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_false (measures_session_load (session, &file, 1, cancellable));
  g_assert_cmpuint (measures_index_get_n_measures (measures_session_get_index (session)), ==, 0);
}

static void
test_session_problems (void)
{
  g_autoptr(GFile) file = data_file ("some-bad.json");
  g_autoptr(MeasuresSession) session = measures_session_new (NULL);

  measures_session_load (session, &file, 1, NULL);
  g_assert_cmpuint (measures_session_get_problems (session)->len, >, 0);
  g_assert_cmpuint (measures_index_get_n_measures (measures_session_get_index (session)), >, 0);
}

static void
test_session_async (void)
{
  g_autoptr(GFile) first = data_file ("twenty-one.json");
  g_autoptr(GFile) second = data_file ("some-bad.json");
  g_autoptr(MeasuresSession) session = NULL;
  Counts counts = { 0 };

  session = new_counted_session (NULL, &counts);
  measures_session_open (session, &first, 1);
  g_assert_true (measures_session_get_loading (session));
  g_assert_false (measures_session_get_show_bundled (session));
  wait_for_loads (&counts, 1);
  g_assert_false (measures_session_get_loading (session));
  g_assert_cmpuint (n_matches (session), ==, 21);

  /* Adding a file loads both again; the same file twice is once. */
  measures_session_add_files (session, &second, 1);
  measures_session_add_files (session, &second, 1);
  wait_for_loads (&counts, 2);
  g_assert_cmpuint (g_list_model_get_n_items (measures_session_get_datasets (session)), ==, 2);

  /* Removing the first leaves the second. */
  measures_session_remove_file (session, first);
  wait_for_loads (&counts, 3);
  g_assert_cmpuint (g_list_model_get_n_items (measures_session_get_datasets (session)), ==, 1);

  /* Removing the last leaves nothing, at once. */
  measures_session_remove_file (session, second);
  g_assert_cmpuint (counts.loaded, ==, 4);
  g_assert_false (measures_session_get_loading (session));
  g_assert_cmpuint (measures_index_get_n_measures (measures_session_get_index (session)), ==, 0);
}

/* Removing a dataset is undone where it was among the others. */
static void
test_session_undo_remove (void)
{
  g_autoptr(GFile) first = data_file ("twenty-one.json");
  g_autoptr(GFile) second = data_file ("some-bad.json");
  GFile *files[] = { first, second };
  g_autoptr(MeasuresSession) session = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  Counts counts = { 0 };

  session = new_counted_session (NULL, &counts);
  g_assert_false (measures_session_undo_remove (session));
  measures_session_open (session, files, 2);
  wait_for_loads (&counts, 1);

  measures_session_remove_file (session, first);
  wait_for_loads (&counts, 2);
  g_assert_cmpuint (g_list_model_get_n_items (measures_session_get_datasets (session)), ==, 1);

  g_assert_true (measures_session_undo_remove (session));
  wait_for_loads (&counts, 3);
  g_assert_cmpuint (g_list_model_get_n_items (measures_session_get_datasets (session)), ==, 2);
  dataset = g_list_model_get_item (measures_session_get_datasets (session), 0);
  g_assert_true (g_file_equal (measures_dataset_get_file (dataset), first));

  /* Once. */
  g_assert_false (measures_session_undo_remove (session));
}

/* A cancelled load leaves what was loaded before, and is never applied. */
static void
test_session_cancel (void)
{
  g_autoptr(GFile) first = data_file ("twenty-one.json");
  g_autoptr(GFile) second = data_file ("some-bad.json");
  g_autoptr(MeasuresSession) session = NULL;
  Counts counts = { 0 };

  session = new_counted_session (NULL, &counts);
  measures_session_open (session, &first, 1);
  wait_for_loads (&counts, 1);

  measures_session_add_files (session, &second, 1);
  g_assert_true (measures_session_get_loading (session));
  measures_session_cancel_load (session);

  /* Loading ends when the thread sees the cancellation. */
  while (measures_session_get_loading (session))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts.loaded, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (measures_session_get_datasets (session)), ==, 1);
  g_assert_cmpuint (n_matches (session), ==, 21);
}

/* Held: a load waits for release; released, it runs and is applied. */
static void
test_session_hold (void)
{
  g_autoptr(GFile) file = data_file ("twenty-one.json");
  g_autoptr(MeasuresSession) session = NULL;
  Counts counts = { 0 };

  session = new_counted_session (NULL, &counts);
  measures_session_hold (session);
  measures_session_open (session, &file, 1);
  g_assert_true (measures_session_get_loading (session));

  /* Nothing is under way but the timer: without blocking, nothing ends. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (counts.loaded, ==, 0);

  measures_session_release (session);
  wait_for_loads (&counts, 1);
  g_assert_cmpuint (n_matches (session), ==, 21);
}

/* Stopped: nothing is applied any more, whatever the thread does. */
static void
test_session_stop (void)
{
  g_autoptr(GFile) file = data_file ("twenty-one.json");
  g_autoptr(MeasuresSession) session = NULL;
  Counts counts = { 0 };

  session = new_counted_session (NULL, &counts);
  measures_session_open (session, &file, 1);
  measures_session_stop (session);
  g_assert_false (measures_session_get_loading (session));

  /* Reloading a stopped session does nothing either. */
  measures_session_reload (session);
  g_assert_false (measures_session_get_loading (session));
  g_assert_cmpuint (counts.loaded, ==, 0);
}

static void
test_session_sort_names (void)
{
  MeasuresSort sort;
  gboolean descending;

  g_assert_true (measures_sort_from_name ("newest", &sort, &descending));
  g_assert_cmpint (sort, ==, MEASURES_SORT_YEAR);
  g_assert_true (descending);
  g_assert_cmpstr (measures_sort_to_name (MEASURES_SORT_TITLE, TRUE), ==, "title-descending");
  g_assert_false (measures_sort_from_name ("sideways", &sort, &descending));
}

/* What one session saves, the next restores: the datasets opened, the
 * filters, the search and the order. */
static void
test_session_save_restore (void)
{
  /* GSETTINGS_BACKEND=memory: nothing reaches the user's settings. */
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GFile) file = data_file ("twenty-one.json");
  g_autoptr(MeasuresSession) first = NULL;
  g_autoptr(MeasuresSession) second = NULL;
  const char *forms[] = { "Trafficking", NULL };
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) saved = NULL;
  Counts counts = { 0 };
  int from, to;

  first = new_counted_session (settings, &counts);
  measures_session_add_files (first, &file, 1);
  measures_query_set_forms (measures_session_get_query (first), forms);
  measures_query_set_years (measures_session_get_query (first), 2018, 2022);
  measures_query_set_search (measures_session_get_query (first), "strategy");
  measures_session_set_sort_by (first, "newest");
  measures_session_set_sort_by (first, "sideways");
  g_assert_cmpstr (measures_session_get_sort_by (first), ==, "newest");
  measures_session_save (first);
  measures_session_stop (first);

  saved = g_settings_get_strv (settings, "datasets");
  g_assert_cmpuint (g_strv_length (saved), ==, 1);
  g_assert_cmpstr (saved[0], ==, uri);

  counts.loaded = 0;
  second = new_counted_session (settings, &counts);
  g_assert_cmpstr (measures_session_get_sort_by (second), ==, "newest");
  g_assert_cmpstr (measures_query_get_search (measures_session_get_query (second)), ==, "strategy");
  g_assert_cmpstrv (measures_query_get_chosen (measures_session_get_query (second), MEASURES_FACET_FORM), forms);
  measures_query_get_years (measures_session_get_query (second), &from, &to);
  g_assert_cmpint (from, ==, 2018);
  g_assert_cmpint (to, ==, 2022);

  /* Opened with no files: the bundled measures and the saved ones. */
  measures_session_open (second, NULL, 0);
  g_assert_true (measures_session_get_show_bundled (second));
  g_assert_true (measures_session_get_loading (second));
}

/* The session's library: the query reads it, a change of the marks is
 * evaluated at once with its counts, a collection deleted is no longer
 * asked for, and the marks filters are kept for the next session. */
static void
test_session_library (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(MeasuresLibrary) library = measures_library_new (NULL);
  g_autoptr(GFile) file = data_file ("twenty-one.json");
  g_autoptr(MeasuresSession) session = NULL;
  g_autoptr(MeasuresSession) second = NULL;
  g_autofree char *report = NULL;
  const char *ids[4] = { NULL, };
  const char *two[3] = { NULL, };
  const char *chosen[2] = { NULL, };
  MeasuresIndex *index;
  Counts counts = { 0 };

  session = g_object_new (MEASURES_TYPE_SESSION, "library", library, NULL);
  g_signal_connect (session, "result-changed", G_CALLBACK (count_result_cb), &counts);
  g_assert_true (measures_session_get_library (session) == library);
  g_assert_true (measures_query_get_library (measures_session_get_query (session)) == library);
  g_assert_true (measures_session_load (session, &file, 1, NULL));
  index = measures_session_get_index (session);
  for (guint i = 0; i < 3; i++)
    ids[i] = measures_measure_get_id (measures_index_get_measure (index, i));
  two[0] = ids[0];
  two[1] = ids[1];

  counts.results = 0;
  measures_library_set_starred (library, two, TRUE);
  g_assert_cmpuint (counts.results, ==, 1);
  g_assert_cmpuint (measures_session_get_result (session)->n_starred, ==, 2);
  measures_query_set_starred (measures_session_get_query (session), TRUE);
  g_assert_cmpuint (n_matches (session), ==, 2);

  report = measures_library_create_collection (library, "Report", NULL);
  measures_library_add_to_collection (library, report, ids);
  g_assert_cmpuint (measures_session_get_result (session)->n_collections, ==, 1);
  g_assert_cmpuint (measures_session_get_result (session)->collection_counts[0], ==, 2);
  chosen[0] = report;
  measures_query_set_starred (measures_session_get_query (session), FALSE);
  measures_query_set_collections (measures_session_get_query (session), chosen);
  g_assert_cmpuint (n_matches (session), ==, 3);

  /* Saved and restored, with the user's library of the settings'
   * session. */
  {
    g_autoptr(MeasuresSession) first = measures_session_new (settings);
    MeasuresLibrary *own = measures_session_get_library (first);
    g_autofree char *kept = measures_library_create_collection (own, "Kept", NULL);
    const char *one[] = { kept, NULL };

    measures_query_set_starred (measures_session_get_query (first), TRUE);
    measures_query_set_collections (measures_session_get_query (first), one);
    measures_query_set_notes_only (measures_session_get_query (first), TRUE);
    measures_session_save (first);
    measures_session_stop (first);
    g_clear_object (&first);

    second = measures_session_new (settings);
    g_assert_true (measures_query_get_starred (measures_session_get_query (second)));
    g_assert_true (measures_query_get_notes_only (measures_session_get_query (second)));
    g_assert_cmpstrv (measures_query_get_collections (measures_session_get_query (second)), one);
    measures_library_delete_collection (measures_session_get_library (second), kept);
    g_assert_null (measures_query_get_collections (measures_session_get_query (second))[0]);
    measures_library_undo (measures_session_get_library (second));
    measures_library_delete_collection (measures_session_get_library (second), kept);
  }

  /* Deleted: no longer asked for. */
  measures_library_delete_collection (library, report);
  g_assert_null (measures_query_get_collections (measures_session_get_query (session))[0]);
  g_assert_cmpuint (n_matches (session), ==, 21);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/load-sync", test_session_load_sync);
  g_test_add_func ("/session/load-cancelled", test_session_load_cancelled);
  g_test_add_func ("/session/problems", test_session_problems);
  g_test_add_func ("/session/async", test_session_async);
  g_test_add_func ("/session/cancel", test_session_cancel);
  g_test_add_func ("/session/undo-remove", test_session_undo_remove);
  g_test_add_func ("/session/hold", test_session_hold);
  g_test_add_func ("/session/stop", test_session_stop);
  g_test_add_func ("/session/sort-names", test_session_sort_names);
  g_test_add_func ("/session/save-restore", test_session_save_restore);
  g_test_add_func ("/session/library", test_session_library);

  return g_test_run ();
}
