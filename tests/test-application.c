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

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>

#include "measures-about.h"
#include "measures-application.h"
#include "measures-dataset.h"
#include "measures-detail-pane.h"
#include "measures-fonts.h"
#include "measures-loader.h"
#include "measures-own-records.h"
#include "measures-vocabulary.h"
#include "test-ui-utils.h"

#define WAIT_SECONDS 30

static MeasuresApplication *app;

/* Where search-provider.ini tells the Shell to find the provider. */
static char *provider_bus_name;
static char *provider_path;

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
/* *INDENT-OFF* */
static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
/* *INDENT-ON* */
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

/* The search provider */

/* Calls a method of the search provider with `gdbus call`, as the Shell
 * would over D-Bus, and returns its reply. */
static GVariant *
call_provider (const char *method,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GVariant *reply;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("gdbus"));
  g_ptr_array_add (argv, g_strdup ("call"));
  g_ptr_array_add (argv, g_strdup ("--session"));
  g_ptr_array_add (argv, g_strdup ("--dest"));
  g_ptr_array_add (argv, g_strdup (provider_bus_name));
  g_ptr_array_add (argv, g_strdup ("--object-path"));
  g_ptr_array_add (argv, g_strdup (provider_path));
  g_ptr_array_add (argv, g_strdup ("--method"));
  g_ptr_array_add (argv, g_strconcat ("org.gnome.Shell.SearchProvider2.", method, NULL));
  va_start (args, method);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  out = run_tool ((const char * const *) argv->pdata);
  reply = g_variant_parse (NULL, out, NULL, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

/* The results, as a string list of ids. */
static GStrv
call_search (const char *method,
             ...)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) results = NULL;
  const char *args[3] = { NULL, };
  va_list ap;

  va_start (ap, method);
  for (guint i = 0; i < 2; i++)
    if ((args[i] = va_arg (ap, const char *)) == NULL)
      break;
  va_end (ap);

  reply = call_provider (method, args[0], args[1], NULL);
  g_assert_true (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(as)")));
  results = g_variant_get_child_value (reply, 0);

  return g_variant_dup_strv (results, NULL);
}

/* What the window would show for @search, in the bundled measures, in
 * their order; only those of @country and @form if given. */
static GStrv
expected_ids (const char *search,
              const char *country,
              const char *form)
{
  g_autoptr(MeasuresSession) session = measures_session_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  MeasuresQuery *query = measures_session_get_query (session);
  const char *countries[] = { country, NULL };
  const char *forms[] = { form, NULL };
  MeasuresIndex *index;
  const MeasuresResult *result;

  g_assert_true (measures_session_load (session, NULL, 0, NULL));
  measures_query_set_search (query, search);
  if (country != NULL)
    measures_query_set_places (query, countries, NULL);
  if (form != NULL)
    measures_query_set_forms (query, forms);

  index = measures_session_get_index (session);
  result = measures_session_get_result (session);
  for (guint i = 0; i < measures_index_get_n_measures (index); i++)
    if (measures_bitset_get (result->matches, i))
      g_strv_builder_add (ids, measures_measure_get_id (measures_index_get_measure (index, i)));

  return g_strv_builder_end (ids);
}

static void
assert_strv_equal (char       **got,
                   char       **expected)
{
  g_autofree char *got_text = g_strjoinv (", ", got);
  g_autofree char *expected_text = g_strjoinv (", ", expected);

  g_assert_cmpstr (got_text, ==, expected_text);
}

/* "trafficking romania" in the Activities overview: the bundled Romanian
 * trafficking measures, as the window's search finds them. */
static void
test_initial_results (void)
{
  g_auto(GStrv) results = call_search ("GetInitialResultSet", "['trafficking', 'romania']", NULL);
  g_auto(GStrv) expected = expected_ids ("trafficking romania", NULL, NULL);
  g_auto(GStrv) romanian_trafficking = expected_ids (NULL, "Romania", "Trafficking");
  g_auto(GStrv) none = call_search ("GetInitialResultSet", "['xyzzy']", NULL);
  g_auto(GStrv) folded = call_search ("GetInitialResultSet", "['TRAFICULUI', 'românia']", NULL);
  g_auto(GStrv) folded_expected = expected_ids ("traficului romania", NULL, NULL);

  g_assert_cmpuint (g_strv_length (romanian_trafficking), ==, 5);
  assert_strv_equal (results, romanian_trafficking);
  assert_strv_equal (results, expected);

  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* Case and diacritics, as in the window. */
  g_assert_cmpuint (g_strv_length (folded), >, 0);
  assert_strv_equal (folded, folded_expected);
}

/* Typing one more word narrows the results the Shell already has. */
static void
test_subsearch (void)
{
  g_auto(GStrv) results = call_search ("GetInitialResultSet", "['trafficking', 'romania']", NULL);
  g_auto(GStrv) wider = expected_ids ("trafficking romania strategy", NULL, NULL);
  g_autoptr(GString) previous = g_string_new ("[");
  g_autoptr(GStrvBuilder) narrowed = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_auto(GStrv) got = NULL;

  /* The previous results without the first: a subsearch keeps to them. */
  g_assert_cmpuint (g_strv_length (results), >, 2);
  for (guint i = 1; results[i] != NULL; i++)
    g_string_append_printf (previous, "%s'%s'", i > 1 ? ", " : "", results[i]);
  g_string_append (previous, "]");

  for (guint i = 0; wider[i] != NULL; i++)
    if (!g_str_equal (wider[i], results[0]))
      g_strv_builder_add (narrowed, wider[i]);
  expected = g_strv_builder_end (narrowed);

  got = call_search ("GetSubsearchResultSet", previous->str, "['trafficking', 'romania', 'strat']");
  g_assert_cmpuint (g_strv_length (expected), >, 0);
  assert_strv_equal (got, expected);
}

static void
test_result_metas (void)
{
  g_auto(GStrv) results = call_search ("GetInitialResultSet", "['trafficking', 'romania']", NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) serialized_icon = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(MeasuresSession) session = measures_session_new (NULL);
  MeasuresIndex *index;
  const char *id, *name, *description;

  g_string_printf (ids, "['%s', 'no-such-measure', '%s']", results[0], results[1]);
  reply = call_provider ("GetResultMetas", ids->str, NULL);
  g_assert_true (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(aa{sv})")));
  metas = g_variant_get_child_value (reply, 0);

  /* An id the Shell has from an earlier search but that is gone gets no
   * meta; the others come in order. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);

  g_assert_true (measures_session_load (session, NULL, 0, NULL));
  index = measures_session_get_index (session);
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (metas, k);
      g_autofree char *country = NULL;
      g_autofree char *years = NULL;
      g_autofree char *expected_description = NULL;
      MeasuresMeasure *measure = NULL;

      g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
      g_assert_cmpstr (id, ==, results[k]);
      for (guint i = 0; i < measures_index_get_n_measures (index); i++)
        if (g_str_equal (measures_measure_get_id (measures_index_get_measure (index, i)), id))
          measure = measures_index_get_measure (index, i);
      g_assert_nonnull (measure);

      g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
      g_assert_cmpstr (name, ==, measures_localized_get_exact (measures_measure_get_title (measure), "en"));

      country = measures_vocabulary_label (MEASURES_FACET_COUNTRY, measures_measure_get_country (measure));
      years = measures_measure_dup_years_label (measure);
      expected_description = g_strdup_printf ("%s · %s", country, years);
      g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
      g_assert_cmpstr (description, ==, expected_description);
      g_assert_true (g_str_has_prefix (description, "Romania · 20"));

      serialized_icon = g_variant_lookup_value (meta, "icon", NULL);
      g_assert_nonnull (serialized_icon);
      icon = g_icon_deserialize (serialized_icon);
      g_assert_true (G_IS_THEMED_ICON (icon));
      g_assert_cmpstr (g_themed_icon_get_names (G_THEMED_ICON (icon))[0], ==, APPLICATION_ID);
      g_clear_object (&icon);
      g_clear_pointer (&serialized_icon, g_variant_unref);
    }
}

static MeasuresWindow *
first_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (MEASURES_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static MeasuresMeasure *
shown_measure (MeasuresWindow *window)
{
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);

  return measures_detail_pane_get_measure (MEASURES_DETAIL_PANE (pane));
}

static gboolean
shows_measure (gpointer data)
{
  MeasuresWindow *window = first_window ();
  MeasuresMeasure *measure;

  if (window == NULL || measures_window_get_loading (window))
    return FALSE;

  measure = shown_measure (window);

  return measure != NULL && g_str_equal (measures_measure_get_id (measure), data);
}

/* Choosing a result opens the window on that measure: a new window when
 * none is open; the open one otherwise, its filters cleared when they
 * hide it. */
static void
test_activate_result (void)
{
  g_auto(GStrv) results = call_search ("GetInitialResultSet", "['trafficking', 'romania']", NULL);
  g_autofree char *activate = NULL;
  g_autofree char *second = NULL;
  const char *moldova[] = { "Republic of Moldova", NULL };
  MeasuresWindow *window;
  MeasuresQuery *query;

  close_windows ();

  activate = g_strdup_printf ("'%s'", results[1]);
  g_variant_unref (call_provider ("ActivateResult", activate, "['trafficking', 'romania']", "0", NULL));
  g_assert_true (iterate_until (shows_measure, results[1]));
  window = first_window ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Filtered to Moldova, the window does not show the next result: the
   * Shell's search replaces its filters. */
  query = measures_window_get_query (window);
  measures_query_set_places (query, moldova, NULL);
  g_assert_false (measures_window_select (window, results[2]));

  second = g_strdup_printf ("'%s'", results[2]);
  g_variant_unref (call_provider ("ActivateResult", second, "['trafficking', 'romania']", "0", NULL));
  g_assert_true (iterate_until (shows_measure, results[2]));
  g_assert_true (first_window () == window);
  g_assert_cmpstr (measures_query_get_search (query), ==, "trafficking romania");
  g_assert_null (measures_query_get_chosen (query, MEASURES_FACET_COUNTRY)[0]);

  close_windows ();
}

static gboolean
searches (gpointer data)
{
  MeasuresWindow *window = first_window ();

  return window != NULL && !measures_window_get_loading (window) &&
         g_str_equal (measures_query_get_search (measures_window_get_query (window)), data);
}

/* "More results" opens the window with the search typed. */
static void
test_launch_search (void)
{
  g_auto(GStrv) expected = expected_ids ("trafficking", NULL, NULL);
  MeasuresWindow *window;

  close_windows ();

  g_variant_unref (call_provider ("LaunchSearch", "['trafficking']", "0", NULL));
  g_assert_true (iterate_until (searches, (gpointer) "trafficking"));
  window = first_window ();
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==,
                    g_strv_length (expected));

  close_windows ();
}

/* The provider searches the user's library: the datasets they opened,
 * without the bundled measures once hidden; it follows the settings. */
static void
test_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  const char *datasets[] = { uri, NULL };
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_auto(GStrv) own = NULL;
  g_auto(GStrv) romanian = NULL;
  g_auto(GStrv) both = NULL;

  close_windows ();

  g_settings_set_strv (settings, "datasets", datasets);
  g_settings_set_boolean (settings, "show-bundled", FALSE);
  own = call_search ("GetInitialResultSet", "['test', 'measure', '20']", NULL);
  g_assert_cmpuint (g_strv_length (own), ==, 1);
  g_assert_cmpstr (own[0], ==, "test-20");
  /* Of the test dataset's, one is Romanian and about trafficking. */
  romanian = call_search ("GetInitialResultSet", "['trafficking', 'romania']", NULL);
  g_assert_cmpuint (g_strv_length (romanian), ==, 1);
  g_assert_cmpstr (romanian[0], ==, "english-only");

  /* The bundled measures first, as the window shows them. */
  g_settings_set_boolean (settings, "show-bundled", TRUE);
  both = call_search ("GetInitialResultSet", "['trafficking', 'romania']", NULL);
  g_assert_cmpuint (g_strv_length (both), ==, 6);
  g_assert_cmpstr (both[5], ==, "english-only");

  g_settings_reset (settings, "datasets");
  g_settings_reset (settings, "show-bundled");
}

/* How many calls the provider answered from the caches, as its debug
 * messages say. */
static guint answered_from_caches;

static void
provider_log_cb (const char     *domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        data)
{
  if (strstr (message, "answered from the cache") != NULL)
    answered_from_caches++;
}

/* Calls @method until the loaded library answers it, not the caches. */
static GStrv
call_search_loaded (const char *terms)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      guint before = answered_from_caches;
      g_auto(GStrv) results = call_search ("GetInitialResultSet", terms, NULL);

      if (answered_from_caches == before)
        return g_steal_pointer (&results);
    }
  g_assert_not_reached ();
}

/* The default library: the bundled measures, a dataset the user opened
 * (with a cache) and My Measures, with an edited copy of a bundled
 * measure and a record of one's own. The Shell's first search, answered
 * from the caches while the library loads, is what the loaded library
 * answers, in the window's order. */
static void
test_default_library (void)
{
  static const char own_records[] =
    "{\"format\": \"measures-1\", \"measures\": ["
    "{\"id\": \"romania-2018-national-strategy-against-trafficking-in-persons-2018-2022\","
    " \"country\": \"Romania\", \"region\": \"Europe\", \"year\": {\"from\": 2018, \"to\": 2022},"
    " \"types\": [\"National action plan/Strategy\"], \"forms\": [\"Trafficking\"],"
    " \"title\": {\"en\": \"Annotated trafficking strategy of Romania\"},"
    " \"description\": {\"en\": \"An edited copy, made in a test.\"},"
    " \"edited_from\": {\"dataset\": \"resource:///io/github/measures/Measures/measures.json\"}},"
    "{\"id\": \"my-own-record\", \"country\": \"Romania\", \"region\": \"Europe\","
    " \"types\": [\"Violence against women > Legislation\"], \"forms\": [\"Trafficking\"],"
    " \"title\": {\"en\": \"A record of my own about trafficking\"},"
    " \"description\": {\"en\": \"Made up in a test.\"}}"
    "]}";
  const char *edited_id = "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022";
  const char *rounds[][2] = {
    { "none", "['trafficking', 'romania']" },
    { "title", "['trafficking', 'romania']" },
    { "newest", "['trafficking']" },
    { "none", "['annotated']" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autofree char *eleven = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) eleven_file = g_file_new_for_path (eleven);
  g_autoptr(GFile) own = measures_own_records_get_default_file ();
  g_autofree char *own_dir = g_path_get_dirname (g_file_peek_path (own));
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *eleven_uri = g_file_get_uri (eleven_file);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  guint handler;

  close_windows ();

  /* The opened datasets have caches, as after a first load. */
  g_object_unref (measures_loader_load_file (file, NULL));
  g_object_unref (measures_loader_load_file (eleven_file, NULL));
  g_assert_cmpint (g_mkdir_with_parents (own_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (g_file_peek_path (own), own_records, -1, NULL));

  handler = g_log_set_handler ("measures-search-provider", G_LOG_LEVEL_DEBUG, provider_log_cb, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (rounds); r++)
    {
      /* Another library each round, which the provider loads anew. */
      const char *one[] = { uri, NULL };
      const char *two[] = { uri, eleven_uri, NULL };
      guint before = answered_from_caches;
      g_auto(GStrv) quick = NULL;
      g_auto(GStrv) loaded = NULL;

      g_settings_set_string (settings, "sort-by", rounds[r][0]);
      g_settings_set_strv (settings, "datasets", r % 2 == 0 ? one : two);

      quick = call_search ("GetInitialResultSet", rounds[r][1], NULL);
      g_assert_cmpuint (answered_from_caches, ==, before + 1);
      loaded = call_search_loaded (rounds[r][1]);
      assert_strv_equal (quick, loaded);
      g_assert_true (g_strv_contains ((const char * const *) loaded, edited_id));
      if (r < 3)
        {
          g_assert_true (g_strv_contains ((const char * const *) loaded, "my-own-record"));
          g_assert_true (g_strv_contains ((const char * const *) loaded, "english-only"));
        }
    }

  /* The metas of the edited copy are its own. */
  {
    g_autofree char *ids = g_strdup_printf ("['%s', 'my-own-record']", edited_id);
    g_autoptr(GVariant) reply = call_provider ("GetResultMetas", ids, NULL);
    g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);
    g_autoptr(GVariant) meta = g_variant_get_child_value (metas, 0);
    g_autoptr(GVariant) own_meta = g_variant_get_child_value (metas, 1);
    const char *name;

    g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
    g_assert_cmpstr (name, ==, "Annotated trafficking strategy of Romania");
    g_assert_true (g_variant_lookup (own_meta, "name", "&s", &name));
    g_assert_cmpstr (name, ==, "A record of my own about trafficking");
  }

  g_log_remove_handler ("measures-search-provider", handler);
  g_assert_cmpint (g_remove (g_file_peek_path (own)), ==, 0);
  g_settings_reset (settings, "datasets");
  g_settings_reset (settings, "sort-by");
}

/* Charts and pages follow the interface font GTK has from the desktop,
 * as it changes. */
static void
test_interface_font (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font_name = NULL;
  g_autofree char *family = NULL;
  g_autofree char *expected = NULL;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  family = measures_fonts_family_from_name (font_name);
  expected = family != NULL && g_ascii_strcasecmp (family, "Sans") != 0 ?
             g_strdup_printf ("%s, Sans", family) : g_strdup ("Sans");
  g_assert_cmpstr (measures_fonts_get_family (), ==, expected);

  g_object_set (settings, "gtk-font-name", "Adwaita Sans 11", NULL);
  g_assert_cmpstr (measures_fonts_get_family (), ==, "Adwaita Sans, Sans");
  g_object_set (settings, "gtk-font-name", "Cantarell 11", NULL);
  g_assert_cmpstr (measures_fonts_get_family (), ==, "Cantarell, Sans");
  g_object_set (settings, "gtk-font-name", font_name, NULL);
  g_assert_cmpstr (measures_fonts_get_family (), ==, expected);
}

/* The About window */

static AdwAboutWindow *
about_window (void)
{
  return (AdwAboutWindow *) find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
}

static gboolean
has_about (gpointer data)
{
  return about_window () != NULL;
}

/* The notes of the newest release come from the metainfo, in the
 * interface's language. */
static void
test_about (void)
{
  const char *english[] = { "en_US", "en", "C", NULL };
  const char *romanian[] = { "ro_RO", "ro", "C", NULL };
  g_autofree char *notes = NULL;
  g_autofree char *notes_ro = NULL;
  g_autofree char *version = NULL;
  AdwAboutWindow *about;

  notes = measures_about_release_notes (english, &version);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (notes, "<p>The first release of Measures.</p><ul><li>Browse, filter"));
  g_assert_true (g_str_has_suffix (notes, "from a cache after the first time</li></ul>"));
  g_assert_null (strstr (notes, "Prima"));

  notes_ro = measures_about_release_notes (romanian, NULL);
  g_assert_true (g_str_has_prefix (notes_ro, "<p>Prima versiune a aplicației Măsuri.</p><ul><li>Răsfoiți"));
  g_assert_null (strstr (notes_ro, "first release"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (iterate_until (has_about, NULL));
  about = about_window ();
  g_assert_cmpstr (adw_about_window_get_release_notes (about), ==, notes);
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_nonnull (adw_about_window_get_developers (about));
  g_assert_nonnull (adw_about_window_get_translator_credits (about));
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  /* My Measures of the test's own, which the window tests never see. */
  g_autofree char *data_home = g_dir_make_tmp ("measures-application-XXXXXX", NULL);
  int status;

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The real application, registered on the test's own session bus as
   * the desktop would find it. */
  app = measures_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  /* The provider as search-provider.ini names it. */
  {
    g_autofree char *ini = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                  APPLICATION_ID ".search-provider.ini", NULL);
    g_autoptr(GKeyFile) keys = g_key_file_new ();

    g_assert_true (g_key_file_load_from_file (keys, ini, G_KEY_FILE_NONE, &error));
    g_assert_no_error (error);
    provider_bus_name = g_key_file_get_string (keys, "Shell Search Provider", "BusName", &error);
    g_assert_no_error (error);
    provider_path = g_key_file_get_string (keys, "Shell Search Provider", "ObjectPath", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (provider_bus_name, ==, APPLICATION_ID);
  }

  g_test_add_func ("/application/open-from-desktop", test_open_from_desktop);
  g_test_add_func ("/application/about", test_about);
  g_test_add_func ("/application/interface-font", test_interface_font);
  g_test_add_func ("/search-provider/initial-results", test_initial_results);
  g_test_add_func ("/search-provider/subsearch", test_subsearch);
  g_test_add_func ("/search-provider/result-metas", test_result_metas);
  g_test_add_func ("/search-provider/activate-result", test_activate_result);
  g_test_add_func ("/search-provider/launch-search", test_launch_search);
  g_test_add_func ("/search-provider/library", test_library);
  g_test_add_func ("/search-provider/default-library", test_default_library);

  status = g_test_run ();

  close_windows ();
  g_clear_object (&app);
  g_free (provider_bus_name);
  g_free (provider_path);

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", data_home);

    if (system (command) != 0)
      g_printerr ("could not remove %s\n", data_home);
  }

  return status;
}
