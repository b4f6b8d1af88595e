/* test-window.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. g_test_init() makes GTK warnings and criticals fatal,
 * so any of them fails the test.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "measures-cli.h"
#include "measures-detail-pane.h"
#include "measures-filter-sidebar.h"
#include "measures-loader.h"
#include "measures-overview-view.h"
#include "measures-print-operation.h"
#include "measures-text.h"
#include "measures-window.h"
#include "test-ui-utils.h"

#define SEED_ID "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022"

static void
collect_list_items (GtkWidget *root,
                    GPtrArray *items)
{
  if (gtk_widget_has_css_class (root, "list-item"))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      collect_texts (root, text, FALSE);
      g_ptr_array_add (items, g_string_free (g_steal_pointer (&text), FALSE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_list_items (child, items);
}

/* Whether a label under @root that uses markup has @needle in it. */
static gboolean
markup_contains (GtkWidget  *root,
                 const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_label_get_use_markup (GTK_LABEL (root)) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), needle) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (markup_contains (child, needle))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget *root;
  const char *needle;
} WaitMarkup;

static gboolean
shows_markup (gpointer data)
{
  WaitMarkup *wait = data;

  return markup_contains (wait->root, wait->needle);
}

/* Until a label under @root that uses markup has @needle in it: the
 * shown measure follows a search once typing pauses. */
#define wait_for_markup(root_, text_)                                           \
  G_STMT_START {                                                                \
    WaitMarkup wait_markup_ = { (root_), (text_) };                             \
                                                                                \
    wait_until (shows_markup, &wait_markup_, "the detail pane to mark up “%s”", \
                wait_markup_.needle);                                           \
  } G_STMT_END

typedef struct
{
  MeasuresDetailPane *pane;
  const char *id;
} WaitMeasure;

static gboolean
pane_has_measure (gpointer data)
{
  WaitMeasure *wait = data;
  MeasuresMeasure *shown = measures_detail_pane_get_measure (wait->pane);

  return shown != NULL && g_str_equal (measures_measure_get_id (shown), wait->id);
}

/* Until the detail pane's measure (the list's selected item) is @id. */
#define wait_for_pane_measure(pane_, measure_id_)                               \
  G_STMT_START {                                                                \
    WaitMeasure wait_measure_ = { MEASURES_DETAIL_PANE (pane_), (measure_id_) }; \
                                                                                \
    wait_until (pane_has_measure, &wait_measure_, "the detail pane to be given %s", \
                wait_measure_.id);                                              \
  } G_STMT_END

static GtkWidget *
detail_pane (MeasuresWindow *window)
{
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);

  g_assert_nonnull (pane);

  return pane;
}

/* A window on the first eleven bundled records (tests/data/eleven.json):
 * the figures of the tests are theirs. */
static MeasuresWindow *
open_window (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return open_window_on (file);
}

/* A window as a user starts it: the bundled measures and those of the
 * last session. */
static MeasuresWindow *
open_bundled_window (void)
{
  return open_window_on (NULL);
}

static void
test_window_shows_seed (void)
{
  MeasuresWindow *window = open_window ();
  MeasuresDetailPane *pane;
  MeasuresMeasure *shown;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 11);

  pane = MEASURES_DETAIL_PANE (detail_pane (window));
  g_assert_true (measures_window_select (window, SEED_ID));
  wait_for_text (pane, "National Strategy Against Trafficking in Persons 2018-2022\n");

  shown = measures_detail_pane_get_measure (pane);
  g_assert_nonnull (shown);
  g_assert_cmpstr (measures_measure_get_id (shown), ==, SEED_ID);

  collect_texts (GTK_WIDGET (pane), text, FALSE);
  g_test_message ("Detail pane:\n%s", text->str);

  g_assert_nonnull (strstr (text->str, "Policies  ›  National strategy specific to violence against women\n"));
  g_assert_nonnull (strstr (text->str, "\nTrafficking\n"));
  g_assert_nonnull (strstr (text->str, "\n2019–2022\n"));
  g_assert_nonnull (strstr (text->str, "Romania's submission for National Review"));
  g_assert_nonnull (strstr (text->str, "Access to justice and effective remedies"));

  /* The general objectives are list items, not lines of a paragraph. */
  collect_list_items (GTK_WIDGET (pane), items);
  g_assert_cmpuint (items->len, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (items, 0), ==,
                   "•\nTo strengthen and diversify the measures to prevent trafficking in persons.\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_search (void)
{
  MeasuresWindow *window = open_window ();
  GListModel *model = measures_window_get_model (window);

  measures_query_set_search (measures_window_get_query (window), "moldova");
  wait_for_n_items (model, 4);

  measures_query_set_search (measures_window_get_query (window), "no such words anywhere");
  wait_for_n_items (model, 0);

  measures_query_set_search (measures_window_get_query (window), "");
  wait_for_n_items (model, 11);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_unsafe_link (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "unsafe-link.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = measures_window_new (NULL);
  GtkWidget *pane;
  g_autoptr(GString) text = g_string_new (NULL);

  measures_window_open (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_loaded (window);
  pane = detail_pane (window);
  g_assert_true (measures_window_select (window, "unsafe"));
  wait_for_text (pane, "javascript:alert(1)\n");
  collect_texts (pane, text, FALSE);

  /* Markup in record text is shown as typed, and a javascript: address
   * is shown but is no link. */
  g_assert_nonnull (strstr (text->str, "<b>Bold?</b> & <span foreground=\"red\">red</span>\n"));

  g_assert_false (markup_contains (pane, "javascript"));
  g_assert_false (markup_contains (pane, "<b>"));

  /* Highlighting escapes the record's text before it marks a match. */
  measures_query_set_search (measures_window_get_query (window), "bold red");
  wait_for_markup (pane, "&lt;b&gt;<span");
  g_assert_true (markup_contains (pane, ">Bold</span>?&lt;/b&gt; &amp; &lt;span foreground=&quot;"));
  g_assert_false (markup_contains (pane, "<b>"));

  /* A right-to-left override cannot make "gnp.exe" read "exe.png":
   * directional controls are shown by their names. */
  measures_query_set_search (measures_window_get_query (window), "");
  g_assert_true (measures_window_select (window, "bidi"));
  wait_for_text (pane, "Report [RLO]gnp.exe\n");
  g_string_truncate (text, 0);
  collect_texts (pane, text, FALSE);
  g_assert_nonnull (strstr (text->str, "An [RLI]isolate[PDI] and a mark\u200f kept.\n"));
  g_assert_null (strstr (text->str, "\u202e"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
first_id (MeasuresWindow *window)
{
  g_autoptr(MeasuresMeasure) first = g_list_model_get_item (measures_window_get_model (window), 0);

  return first != NULL ? measures_measure_get_id (first) : NULL;
}

static void
test_window_sidebar (void)
{
  MeasuresWindow *window = open_window ();
  MeasuresFilterSidebar *sidebar =
    MEASURES_FILTER_SIDEBAR (find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL));
  GListModel *model = measures_window_get_model (window);

  g_assert_nonnull (sidebar);
  g_assert_cmpuint (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_COUNTRY, "Romania"), ==, 7);
  g_assert_cmpuint (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_FORM, "Trafficking"), ==, 6);
  g_assert_cmpuint (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_TYPE, "Policies"), ==, 6);

  /* Checking Romania narrows the list and the other facets' counts,
   * but not the counts of the place facet. */
  g_assert_true (measures_filter_sidebar_toggle_value (sidebar, MEASURES_FACET_COUNTRY, "Romania"));
  wait_for_n_items (model, 7);
  g_assert_cmpuint (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_FORM, "Trafficking"), ==, 5);
  g_assert_cmpuint (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_COUNTRY, "Republic of Moldova"), ==, 4);

  /* ORed within a facet, ANDed across. */
  g_assert_true (measures_filter_sidebar_toggle_value (sidebar, MEASURES_FACET_COUNTRY, "Republic of Moldova"));
  g_assert_true (measures_filter_sidebar_toggle_value (sidebar, MEASURES_FACET_FORM, "Trafficking"));
  wait_for_n_items (model, 6);

  /* A category includes its subcategories. */
  g_assert_true (measures_filter_sidebar_toggle_value (sidebar, MEASURES_FACET_TYPE, "Policies"));
  wait_for_n_items (model, 5);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  wait_for_n_items (model, 11);
  g_assert_true (measures_query_is_empty (measures_window_get_query (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_sorting (void)
{
  MeasuresWindow *window = open_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "newest");
  wait_for_string_property (window, "sort-by", "newest");
  g_assert_cmpstr (first_id (window), ==, "romania-2024-national-strategy-against-trafficking-in-persons-2024-2028");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "oldest");
  wait_for_string_property (window, "sort-by", "oldest");
  g_assert_cmpstr (first_id (window), ==, "republic-of-moldova-2009-data-collection-on-domestic-violence");

  /* Titles sort with the locale's collation; in C, by code point. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "title");
  wait_for_string_property (window, "sort-by", "title");
  g_assert_cmpstr (first_id (window), ==, "republic-of-moldova-2009-data-collection-on-domestic-violence");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "none");
  wait_for_string_property (window, "sort-by", "none");
  g_assert_cmpstr (first_id (window), ==, SEED_ID);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* `measures --count` and the window give the same answers. */
static void
test_window_agrees_with_count (void)
{
  const struct {
    const char *countries[3];
    const char *forms[2];
    const char *types[2];
    const char *years;
    const char *search;
  } cases[] = {
    { { "Romania", NULL }, { "Trafficking", NULL }, { NULL }, NULL, NULL },
    { { "Romania", "Republic of Moldova", NULL }, { NULL }, { "Policies", NULL }, "2018-", NULL },
    { { NULL }, { "Domestic violence/Intimate partner violence", NULL }, { NULL }, "-2010", "violence" },
    { { NULL }, { NULL }, { "Policies > National action plan specific to violence against women", NULL }, "2021", NULL },
    { { "Republic of Moldova", NULL }, { NULL }, { NULL }, NULL, "instruire" },
    { { NULL }, { NULL }, { NULL }, "2019-2022", "strategia traficului" },
  };
  /* Both on the bundled measures, as a user has them. */
  MeasuresWindow *window = open_bundled_window ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresQuery) query =
        measures_cli_query_new (cases[i].countries, NULL, cases[i].types, cases[i].forms,
                                cases[i].years, cases[i].search, &error);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      char *end = NULL;
      guint count;

      g_assert_no_error (error);
      g_assert_cmpint (measures_cli_count (NULL, 0, query, out, err), ==, MEASURES_EXIT_OK);

      count = g_ascii_strtoull (out->str, &end, 10);
      g_assert_cmpstr (end, ==, "\n");
      g_test_message ("case %u: %u", i, count);

      /* The list comes to show what --count says. */
      measures_query_assign (measures_window_get_query (window), query);
      wait_for_n_items (measures_window_get_model (window), count);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_highlight (void)
{
  MeasuresWindow *window = open_window ();
  GtkWidget *pane = detail_pane (window);

  measures_query_set_search (measures_window_get_query (window), "trafficking strat");
  wait_for_n_items (measures_window_get_model (window), 5);
  g_assert_true (measures_window_select (window, SEED_ID));
  wait_for_pane_measure (pane, SEED_ID);
  wait_for_markup (pane, ">Trafficking</span>");
  wait_for_markup (pane, ">Strategy</span>");
  g_assert_false (markup_contains (pane, ">Persons</span>"));

  /* While a measure is shown, its text follows the search once the user
   * pauses, not at every key. */
  measures_query_set_search (measures_window_get_query (window), "persons");
  g_assert_true (markup_contains (pane, ">Trafficking</span>"));
  wait_for_markup (pane, ">Persons</span>");
  g_assert_false (markup_contains (pane, ">Trafficking</span>"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for @ms milliseconds, or until @root marks up
 * @needle; returns when it did, or 0. */
static gint64
run_until_markup (GtkWidget  *root,
                  const char *needle,
                  guint       ms)
{
  gboolean over = FALSE;
  guint source = g_timeout_add_once (ms, set_flag, &over);

  while (!over)
    {
      g_main_context_iteration (NULL, TRUE);
      if (markup_contains (root, needle))
        {
          gint64 now = g_get_monotonic_time ();

          if (!over)
            g_source_remove (source);
          return now;
        }
    }

  return 0;
}

/* The pane waits for a pause in the typing, counted from the last key,
 * even when keys leave the search's words as they were ("domestic" and
 * "domestic "): a pane laid out between two keys makes typing stutter. */
static void
test_window_pane_waits_for_pause (void)
{
  MeasuresWindow *window = open_window ();
  MeasuresQuery *query = measures_window_get_query (window);
  GtkWidget *pane = detail_pane (window);
  gint64 last_key, shown = 0;

  g_assert_true (measures_window_select (window, SEED_ID));
  wait_for_pane_measure (pane, SEED_ID);
  g_assert_false (markup_contains (pane, ">Domestic</span>"));

  /* The selected measure does not match: the first that does is
   * selected, and shown when the user pauses. */
  /* Each key's time is taken before the pane's timer is set. */
  last_key = g_get_monotonic_time ();
  measures_query_set_search (query, "domestic");
  g_assert_false (g_str_equal (measures_measure_get_id (measures_detail_pane_get_measure (MEASURES_DETAIL_PANE (pane))), SEED_ID));
  for (guint key = 0; key < 8 && shown == 0; key++)
    {
      shown = run_until_markup (pane, ">Domestic</span>", 100);
      if (shown == 0)
        {
          last_key = g_get_monotonic_time ();
          measures_query_set_search (query, key % 2 == 0 ? "domestic " : "domestic");
        }
    }
  if (shown == 0)
    {
      wait_for_markup (pane, ">Domestic</span>");
      shown = g_get_monotonic_time ();
    }

  /* A timer never fires early: on a busy machine the keys may come
   * slower than typed, but the pane still waits 300 ms after the last. */
  g_assert_cmpint (shown - last_key, >=, 300 * 1000);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Records chosen in quick succession: the pane ends on the last one. */
static void
test_window_rapid_selection (void)
{
  MeasuresWindow *window = open_window ();
  GtkWidget *pane = detail_pane (window);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (measures_window_select (window, SEED_ID));
  g_assert_true (measures_window_select (window, "romania-2018-law-no-174-2018-on-domestic-violence"));
  g_assert_true (measures_window_select (window, "romania-2018-national-strategy-on-promoting-gender-equality-and-preventing-domestic-violence-2018-2021"));

  wait_for_text (pane, "Gender Equality");
  collect_texts (pane, text, FALSE);
  g_assert_null (strstr (text->str, "Law No. 174"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Filters, search and sort are kept across restarts. */
static void
test_window_remembers_state (void)
{
  MeasuresWindow *window = open_window ();
  MeasuresQuery *query = measures_window_get_query (window);
  const char *forms[] = { "Trafficking", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sort_by = NULL;

  measures_query_set_forms (query, forms);
  measures_query_set_years (query, 2019, MEASURES_YEAR_NONE);
  measures_query_set_search (query, "strat");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "newest");
  wait_for_string_property (window, "sort-by", "newest");
  wait_for_n_items (measures_window_get_model (window), 4);
  before = measures_query_describe (query);

  /* Closing, as the user would, saves the state. */
  close_window (window);

  window = open_window ();
  after = measures_query_describe (measures_window_get_query (window));
  g_assert_cmpstr (after, ==, before);
  g_object_get (window, "sort-by", &sort_by, NULL);
  g_assert_cmpstr (sort_by, ==, "newest");
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 4);
  g_assert_cmpstr (first_id (window), ==, "romania-2024-national-strategy-against-trafficking-in-persons-2024-2028");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "none");
  wait_for_string_property (window, "sort-by", "none");
  wait_for_n_items (measures_window_get_model (window), 11);
  close_window (window);
}

static gboolean
not_exporting (gpointer data)
{
  return !measures_window_get_exporting (data);
}

/* The window exports what it shows: the selected measure or the matches,
 * in the order of the list. */
static void
test_window_export (void)
{
  MeasuresWindow *window = open_window ();
  g_autofree char *dir = g_dir_make_tmp ("measures-window-export-XXXXXX", NULL);
  g_autofree char *md_path = g_build_filename (dir, "summary.md", NULL);
  g_autofree char *json_path = g_build_filename (dir, "one.json", NULL);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  const char *forms[] = { "Trafficking", NULL };
  g_autofree char *text = NULL;
  g_autofree char *one = NULL;

  measures_query_set_forms (measures_window_get_query (window), forms);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "newest");
  wait_for_string_property (window, "sort-by", "newest");
  wait_for_n_items (measures_window_get_model (window), 6);

  measures_window_export (window, md, FALSE, MEASURES_FORMAT_MARKDOWN, "en");
  wait_until (not_exporting, window, "the export to Markdown to end");

  g_assert_true (g_file_get_contents (md_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "**Trafficking**"));
  g_assert_nonnull (strstr (text, "6 measures"));
  /* Newest first, as the list shows. */
  g_assert_true (strstr (text, "## National Strategy Against Trafficking in Persons 2024-2028") <
                 strstr (text, "## National Strategy Against Trafficking in Persons 2018-2022"));

  g_assert_true (measures_window_select (window, SEED_ID));
  wait_for_pane_measure (detail_pane (window), SEED_ID);
  measures_window_export (window, json, TRUE, MEASURES_FORMAT_JSON, "en");
  wait_until (not_exporting, window, "the export to JSON to end");
  g_assert_true (g_file_get_contents (json_path, &one, NULL, NULL));
  g_assert_nonnull (strstr (one, SEED_ID));
  g_assert_null (strstr (one, "2024-2028"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "none");
  g_unlink (md_path);
  g_unlink (json_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Printing draws the same pages as the PDF export: print to a file. */
static void
test_print_to_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresCatalog) catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_autofree char *dir = g_dir_make_tmp ("measures-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(MeasuresPrintOperation) operation =
    measures_print_operation_new (measures_summary_new (catalog->measures, NULL, FALSE, "en", NULL));
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  GtkPrintOperationResult result;
  int status;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, &out, NULL, &status, NULL))
    {
      g_assert_nonnull (strstr (out, "Measures against Violence against Women"));
      g_assert_nonnull (strstr (out, "Page 1 of "));
      g_assert_nonnull (strstr (out, "Psychological services for perpetrators"));
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Opening files adds them to the bundled measures; their problems go to
 * a banner; they are reopened at the next start; closing one or hiding
 * the bundled measures takes them away. */
static void
test_window_datasets (void)
{
  g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "data", "seed.txt", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "some-bad.json", NULL);
  g_autofree char *missing_path = g_test_build_filename (G_TEST_DIST, "data", "vanished.json", NULL);
  GFile *files[2] = { g_file_new_for_path (text_path), g_file_new_for_path (bad_path) };
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *bad_uri = g_file_get_uri (files[1]);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  MeasuresWindow *window = open_bundled_window ();
  GListModel *model = measures_window_get_model (window);
  GtkWidget *banner;

  measures_window_add_files (window, files, 2);
  wait_until_loaded (window);
  /* 115 bundled, 1 imported from text, 2 good of 4 in the JSON file. */
  wait_for_n_items (model, 118);
  g_assert_cmpuint (measures_window_get_problems (window)->len, ==, 2);
  banner = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "problem-banner"), GTK_TYPE_REVEALER);
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Reopened at the next start, even one that has vanished since. */
  measures_window_add_files (window, &missing, 1);
  wait_until_loaded (window);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_bundled_window ();
  model = measures_window_get_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 118);
  g_assert_cmpuint (measures_window_get_problems (window)->len, ==, 3);
  {
    GPtrArray *problems = measures_window_get_problems (window);
    g_autofree char *last = measures_problem_to_string (g_ptr_array_index (problems, problems->len - 1));

    g_assert_nonnull (strstr (last, "vanished.json: the file does not exist"));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-dataset", "s", bad_uri);
  wait_until_loaded (window);
  wait_for_n_items (model, 116);

  g_object_set (window, "show-bundled", FALSE, NULL);
  wait_until_loaded (window);
  wait_for_n_items (model, 1);
  g_assert_false (g_settings_get_boolean (settings, "show-bundled"));

  /* Back to the defaults for the other tests. */
  g_settings_reset (settings, "datasets");
  g_settings_reset (settings, "show-bundled");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* Dropping files adds them; cancelling a load keeps what was shown. */
static void
test_window_drop_and_cancel (void)
{
  g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "data", "several.txt", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  MeasuresWindow *window = open_window ();
  GListModel *model = measures_window_get_model (window);
  GtkDropTarget *drop = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GValue value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, text);
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (accepted);
  wait_until_loaded (window);
  wait_for_n_items (model, 14);

  /* A load cancelled at once leaves the list as it was. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-datasets", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL);
  wait_until_loaded (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 14);

  g_settings_reset (settings, "datasets");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether each chart of @view is on screen at the height of its figures
 * for the width it was given. */
static gboolean
charts_laid_out (gpointer data)
{
  MeasuresOverviewView *view = data;
  MeasuresOverview *overview = measures_overview_view_get_overview (view);

  if (overview == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return FALSE;

  for (guint chart = 0; chart < MEASURES_N_CHARTS; chart++)
    {
      GtkWidget *area = measures_overview_view_get_chart (view, chart);
      int width = gtk_widget_get_width (area);
      int height;

      if (!gtk_widget_get_mapped (area) || width == 0)
        return FALSE;
      height = (int) ceil (measures_chart_get_height (overview, chart, width));
      if (gtk_widget_get_height (area) != height)
        return FALSE;
    }

  return TRUE;
}

/* Whether the table under the expander @data is shown, with rows. */
static gboolean
table_has_rows (gpointer data)
{
  GtkWidget *table = find_widget (data, GTK_TYPE_LIST_BOX, NULL);

  return table != NULL && gtk_list_box_get_row_at_index (GTK_LIST_BOX (table), 1) != NULL;
}

/* The overview: four charts of the matches, a table under each, and
 * clicks that filter or select. */
static void
test_window_overview (void)
{
  MeasuresWindow *window = open_window ();
  MeasuresQuery *query = measures_window_get_query (window);
  GListModel *model = measures_window_get_model (window);
  MeasuresOverviewView *view;
  MeasuresOverview *overview;
  MeasuresChartHit hit;
  GtkWidget *area, *expander, *table, *row;
  AdwViewStack *stack;
  g_autofree char *name = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *chosen;
  guint trafficking = G_MAXUINT, strategy = G_MAXUINT, undated;
  int from, to;

  measures_query_clear (query);
  wait_for_n_items (model, 11);
  /* The charts are built when first shown. */
  g_assert_null (find_widget (GTK_WIDGET (window), MEASURES_TYPE_OVERVIEW_VIEW, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  view = MEASURES_OVERVIEW_VIEW (find_widget (GTK_WIDGET (window), MEASURES_TYPE_OVERVIEW_VIEW, NULL));
  g_assert_nonnull (view);
  wait_until (charts_laid_out, view, "the overview's charts to be laid out");

  g_object_get (window, "view", &name, NULL);
  g_assert_cmpstr (name, ==, "overview");
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");

  overview = measures_overview_view_get_overview (view);
  g_assert_nonnull (overview);
  g_assert_cmpint (overview->first_year, ==, 2009);
  for (guint chart = 0; chart < MEASURES_N_CHARTS; chart++)
    {
      area = measures_overview_view_get_chart (view, chart);
      g_assert_true (GTK_IS_DRAWING_AREA (area));
      g_assert_true (gtk_widget_get_mapped (area));
      g_assert_cmpint (gtk_widget_get_width (area), >, 200);
      g_assert_cmpint (gtk_widget_get_height (area), ==,
                       (int) ceil (measures_chart_get_height (overview, chart, gtk_widget_get_width (area))));
    }

  /* The text alternative has the figures: 3 measures in force in 2019,
   * all of them policies. */
  expander = measures_overview_view_get_table (view, MEASURES_CHART_YEARS);
  collect_texts (expander, text, FALSE);
  g_assert_null (strstr (text->str, "2019\n"));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  wait_for_text (expander, "Year\nMeasures in Force\nPolicies\n");
  g_string_truncate (text, 0);
  collect_texts (expander, text, FALSE);
  g_test_message ("Years as a table:\n%s", text->str);
  g_assert_nonnull (strstr (text->str, "\n2019\n3\n3\n0\n"));

  /* Clicking the bar of 2019 filters by that year. */
  area = measures_overview_view_get_chart (view, MEASURES_CHART_YEARS);
  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_YEARS, gtk_widget_get_width (area),
                                        MEASURES_CHART_HIT_YEAR, 2019 - 2009, &hit));
  g_assert_true (measures_overview_view_activate_at (view, MEASURES_CHART_YEARS,
                                                     hit.x + hit.width / 2, hit.height - 30));
  wait_for_text (view, "The figures of the 3 measures that match.");
  measures_query_get_years (query, &from, &to);
  g_assert_cmpint (from, ==, 2019);
  g_assert_cmpint (to, ==, 2019);
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 3);
  /* The charts follow the filter, and the open table too. */
  overview = measures_overview_view_get_overview (view);
  g_assert_cmpint (overview->first_year, ==, 2018);
  g_assert_cmpint (overview->last_year, ==, 2022);
  g_string_truncate (text, 0);
  collect_texts (expander, text, FALSE);
  g_assert_null (strstr (text->str, "\n2009\n"));
  g_assert_nonnull (strstr (text->str, "\n2018\n2\n2\n"));

  /* Clicking a form's bar filters by that form. */
  measures_query_clear (query);
  wait_for_text (view, "The figures of the 11 measures that match.");
  overview = measures_overview_view_get_overview (view);
  for (guint i = 0; i < overview->by_form->len; i++)
    if (g_str_equal (g_array_index (overview->by_form, MeasuresOverviewCount, i).label, "Trafficking"))
      trafficking = i;
  g_assert_cmpuint (trafficking, !=, G_MAXUINT);
  area = measures_overview_view_get_chart (view, MEASURES_CHART_FORMS);
  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_FORMS, gtk_widget_get_width (area),
                                        MEASURES_CHART_HIT_COUNT, trafficking, &hit));
  g_assert_true (measures_overview_view_activate_at (view, MEASURES_CHART_FORMS, 300, hit.y + 10));
  wait_for_text (view, "The figures of the 6 measures that match.");
  chosen = measures_query_get_chosen (query, MEASURES_FACET_FORM);
  g_assert_cmpuint (g_strv_length ((GStrv) chosen), ==, 1);
  g_assert_cmpstr (chosen[0], ==, "Trafficking");
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 6);

  /* Nothing under the point: nothing happens. */
  g_assert_false (measures_overview_view_activate_at (view, MEASURES_CHART_FORMS, 300, 2000));

  /* A row of the types' table, activated from the keyboard, filters as
   * its bar does. */
  measures_query_clear (query);
  wait_for_text (view, "The figures of the 11 measures that match.");
  expander = measures_overview_view_get_table (view, MEASURES_CHART_TYPES);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  wait_until (table_has_rows, expander, "the table of types to be shown");
  table = find_widget (expander, GTK_TYPE_LIST_BOX, NULL);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (table), 1));
  g_assert_true (gtk_widget_get_focusable (row));
  /* The heading row is a Tab stop (the way into the table), read as
   * the columns, but opens nothing. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (table), 0))));
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (GTK_LIST_BOX (table), 0)));
  g_signal_emit_by_name (table, "row-activated", row);
  wait_for_text (view, "The figures of the 6 measures that match.");
  chosen = measures_query_get_chosen (query, MEASURES_FACET_TYPE);
  g_assert_cmpuint (g_strv_length ((GStrv) chosen), ==, 1);
  g_assert_cmpstr (chosen[0], ==, "Policies");
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 6);

  /* A period of the timeline shows its measure, and stays in the overview. */
  measures_query_clear (query);
  wait_for_text (view, "The figures of the 11 measures that match.");
  overview = measures_overview_view_get_overview (view);
  for (guint i = 0; i < overview->timeline->len; i++)
    if (g_str_equal (g_array_index (overview->timeline, MeasuresTimelineRow, i).title,
                     "National Strategy Against Trafficking in Persons 2024-2028"))
      strategy = i;
  g_assert_cmpuint (strategy, !=, G_MAXUINT);
  area = measures_overview_view_get_chart (view, MEASURES_CHART_TIMELINE);
  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_TIMELINE, gtk_widget_get_width (area),
                                        MEASURES_CHART_HIT_TIMELINE, strategy, &hit));
  g_assert_true (measures_overview_view_activate_at (view, MEASURES_CHART_TIMELINE, 20, hit.y + 5));
  wait_for_pane_measure (detail_pane (window),
                         "romania-2024-national-strategy-against-trafficking-in-persons-2024-2028");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");

  /* Back to the list, which shows what matches the filters chosen in
   * the overview. Typing on in a word that matches the same measures
   * leaves the figures as they are. */
  measures_query_set_search (query, "moldov");
  wait_for_text (view, "The figures of the 4 measures that match.");
  overview = measures_overview_view_get_overview (view);
  /* A mark that only figures computed again would lose. */
  undated = overview->n_undated;
  overview->n_undated = 12345;
  measures_query_set_search (query, "moldova");
  wait_for_frame (view);
  g_assert_true (measures_overview_view_get_overview (view) == overview);
  g_assert_cmpuint (overview->n_undated, ==, 12345);
  overview->n_undated = undated;
  g_string_truncate (text, 0);
  collect_texts (GTK_WIDGET (view), text, FALSE);
  g_assert_nonnull (strstr (text->str, "The figures of the 4 measures that match."));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "list");
  wait_for_visible_child (stack, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Export Chart… once a file is chosen: the image is written. */
static void
test_window_export_chart (void)
{
  MeasuresWindow *window = open_window ();
  g_autofree char *dir = g_dir_make_tmp ("measures-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  /* The image is replaced atomically: once it exists it is whole. The
   * notification says so to the user. */
  measures_window_export_chart (window, MEASURES_CHART_TIMELINE, MEASURES_CHART_SVG, file);
  wait_for_file (path);
  wait_for_text (window, "Exported “timeline.svg”");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* The label as text, cut in the middle to fit, so that its years stay;
   * the whole title in the description. */
  g_assert_nonnull (strstr (contents, ">National Strategy"));
  g_assert_nonnull (strstr (contents, "Persons 2024-2028</text>"));
  g_assert_nonnull (strstr (contents, "Romania: National Strategy Against Trafficking in Persons 2024-2028, 2024–2028"));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/shows-seed", test_window_shows_seed);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/unsafe-link", test_window_unsafe_link);
  g_test_add_func ("/window/sidebar", test_window_sidebar);
  g_test_add_func ("/window/sorting", test_window_sorting);
  g_test_add_func ("/window/agrees-with-count", test_window_agrees_with_count);
  g_test_add_func ("/window/highlight", test_window_highlight);
  g_test_add_func ("/window/pane-waits-for-pause", test_window_pane_waits_for_pause);
  g_test_add_func ("/window/rapid-selection", test_window_rapid_selection);
  g_test_add_func ("/window/remembers-state", test_window_remembers_state);
  g_test_add_func ("/window/export", test_window_export);
  g_test_add_func ("/window/print-to-file", test_print_to_file);
  g_test_add_func ("/window/datasets", test_window_datasets);
  g_test_add_func ("/window/drop-and-cancel", test_window_drop_and_cancel);
  g_test_add_func ("/window/overview", test_window_overview);
  g_test_add_func ("/window/export-chart", test_window_export_chart);

  return g_test_run ();
}
