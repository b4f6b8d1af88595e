/* test-window-ro.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window as a Romanian-speaking user meets it: runs with
 * LANGUAGE=ro under Xvfb, with the catalogue of the build tree.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "measures-detail-pane.h"
#include "measures-filter-sidebar.h"
#include "measures-measure-editor.h"
#include "measures-measure-list.h"
#include "measures-overview-view.h"
#include "measures-vocabulary.h"
#include "measures-window.h"
#include "test-ui-utils.h"

static const char *
subtitle (MeasuresWindow *window)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL)));
}

typedef struct
{
  MeasuresWindow *window;
  const char *subtitle;
} WaitSubtitle;

static gboolean
has_subtitle (gpointer data)
{
  WaitSubtitle *wait = data;

  return g_strcmp0 (subtitle (wait->window), wait->subtitle) == 0;
}

/* Until the window's subtitle, the number of measures shown, is @text. */
#define wait_for_subtitle(window_, text_)                                       \
  G_STMT_START {                                                                \
    WaitSubtitle wait_subtitle_ = { (window_), (text_) };                       \
                                                                                \
    wait_until (has_subtitle, &wait_subtitle_, "the subtitle “%s” (it is “%s”)", \
                wait_subtitle_.subtitle, subtitle (wait_subtitle_.window));     \
  } G_STMT_END

/* A window on the first eleven bundled records (tests/data/eleven.json):
 * the figures below are theirs. */
static MeasuresWindow *
open_eleven (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return open_window_on (file);
}

static void
test_labels_and_plurals (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresFilterSidebar *sidebar =
    MEASURES_FILTER_SIDEBAR (find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL));
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  g_autoptr(GString) sidebar_text = g_string_new (NULL);
  g_autoptr(GString) detail_text = g_string_new (NULL);

  /* 11: the "few" form */
  g_assert_cmpstr (subtitle (window), ==, "11 măsuri");

  collect_texts (GTK_WIDGET (sidebar), sidebar_text, TRUE);
  g_test_message ("Sidebar:\n%s", sidebar_text->str);
  g_assert_nonnull (strstr (sidebar_text->str, "\nȚară sau regiune\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "\nEuropa\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "\nTrafic de persoane\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "\nPolitici\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "[Golește toate filtrele]"));

  g_assert_true (measures_filter_sidebar_toggle_value (sidebar, MEASURES_FACET_COUNTRY, "Romania"));
  wait_for_subtitle (window, "7 din 11 măsuri");

  /* The first of Romania's measures is shown. */
  wait_for_text (pane, "Strategia națională împotriva traficului de persoane 2018–2022\n");
  collect_texts (pane, detail_text, TRUE);
  g_test_message ("Detail:\n%s", detail_text->str);
  g_assert_nonnull (strstr (detail_text->str, "\nTip de măsură\n"));
  g_assert_nonnull (strstr (detail_text->str, "Politici  ›  Strategie națională dedicată violenței împotriva femeilor\n"));
  g_assert_nonnull (strstr (detail_text->str, "\nRomânia · 2019\u2060–\u20602022\n"));
  /* Both languages: the switch is there, and no fallback note. */
  g_assert_nonnull (strstr (detail_text->str, "[English]\nEnglish\n[Română]\nRomână\n"));
  g_assert_null (strstr (detail_text->str, "Afișat în"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_twenty_and_fallback (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = open_window_on (file);
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  g_autoptr(GString) english_only = g_string_new (NULL);
  g_autoptr(GString) switched = g_string_new (NULL);
  GtkWidget *english_button;

  /* 21: the "many" form takes "de" */
  g_assert_cmpstr (subtitle (window), ==, "21 de măsuri");
  measures_query_set_search (measures_window_get_query (window), "engleza");
  wait_for_subtitle (window, "0 din 21 de măsuri");
  measures_query_set_search (measures_window_get_query (window), "english");
  wait_for_subtitle (window, "1 din 21 de măsuri");

  /* A record with English text only says so. */
  g_assert_true (measures_window_select (window, "english-only"));
  wait_for_text (pane, "A test record in English only\n");
  collect_texts (pane, english_only, TRUE);
  g_test_message ("English only:\n%s", english_only->str);
  g_assert_nonnull (strstr (english_only->str, "A test record in English only\nRomânia · din 2021\nAfișat în engleză\n"));
  g_assert_null (strstr (english_only->str, "[English]"));

  /* A record in both languages reads in English in one click. */
  measures_query_set_search (measures_window_get_query (window), "");
  wait_for_subtitle (window, "21 de măsuri");
  g_assert_true (measures_window_select (window, "test-3"));
  wait_for_text (pane, "\nMăsură de test 3\n");
  /* The first toggle button of the pane is "English". */
  english_button = find_widget (pane, GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (english_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (english_button)), ==, "English");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (english_button), TRUE);
  wait_for_text (pane, "\nTest measure 3\n");
  collect_texts (pane, switched, TRUE);
  g_assert_nonnull (strstr (switched->str, "A made-up test record number 3.\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  MeasuresWindow *window;
  const char *title;
} WaitTimeline;

static gboolean
timeline_has (gpointer data)
{
  WaitTimeline *wait = data;
  MeasuresOverviewView *view =
    MEASURES_OVERVIEW_VIEW (find_widget (GTK_WIDGET (wait->window),
                                         MEASURES_TYPE_OVERVIEW_VIEW, NULL));
  MeasuresOverview *overview = measures_overview_view_get_overview (view);

  for (guint i = 0; overview != NULL && i < overview->timeline->len; i++)
    if (g_str_equal (g_array_index (overview->timeline, MeasuresTimelineRow, i).title, wait->title))
      return TRUE;

  return FALSE;
}

/* Until the overview's timeline has a row titled @text. */
#define wait_for_timeline(window_, text_)                                       \
  G_STMT_START {                                                                \
    WaitTimeline wait_timeline_ = { (window_), (text_) };                       \
                                                                                \
    wait_until (timeline_has, &wait_timeline_, "the timeline to have “%s”",   \
                wait_timeline_.title);                                          \
  } G_STMT_END
/* Where @needle is in @text, or fails. */
static gsize
position (const char *text,
          const char *needle)
{
  const char *found = strstr (text, needle);

  if (found == NULL)
    g_error ("“%s” is not in:\n%s", needle, text);

  return found - text;
}

/* Every country the table knows is named in Romanian under its region,
 * whatever name its records give it; one no table knows stands after the
 * regions, as given. */
static void
test_countries_under_regions (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "countries.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = open_window_on (file);
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL);
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize africa, americas, asia, europe, oceania;

  collect_texts (sidebar, text, FALSE);
  g_test_message ("Sidebar:\n%s", text->str);
  africa = position (text->str, "\nAfrica\n");
  americas = position (text->str, "\nAmericile\n");
  asia = position (text->str, "\nAsia\n");
  europe = position (text->str, "\nEuropa\n");
  oceania = position (text->str, "\nOceania\n");
  g_assert_cmpuint (africa, <, americas);
  g_assert_cmpuint (americas, <, asia);
  g_assert_cmpuint (asia, <, europe);
  g_assert_cmpuint (europe, <, oceania);

  g_assert_cmpuint (position (text->str, "\nCoasta de Fildeș\n"), >, africa);
  g_assert_cmpuint (position (text->str, "\nCoasta de Fildeș\n"), <, americas);
  g_assert_cmpuint (position (text->str, "\nBolivia\n"), <, asia);
  g_assert_cmpuint (position (text->str, "\nBolivia\n"), >, americas);
  for (guint i = 0; i < 4; i++)
    {
      const char *in_asia[] = { "\nCipru\n", "\nGeorgia\n", "\nTurcia\n", "\nVietnam\n" };

      g_assert_cmpuint (position (text->str, in_asia[i]), >, asia);
      g_assert_cmpuint (position (text->str, in_asia[i]), <, europe);
    }
  g_assert_cmpuint (position (text->str, "\nFranța\n"), >, europe);
  g_assert_cmpuint (position (text->str, "\nMacedonia de Nord\n"), >, europe);
  g_assert_cmpuint (position (text->str, "\nRomânia\n"), <, oceania);
  g_assert_cmpuint (position (text->str, "\nSamoa\n"), >, oceania);
  g_assert_cmpuint (position (text->str, "\nAtlantis\n"), >, position (text->str, "\nSamoa\n"));

  /* The list and the detail pane name them so too. */
  g_assert_true (measures_window_select (window, "c0"));
  wait_for_text (pane, "\nȚară\nTurcia\nRegiune\nAsia\n");
  wait_for_text (GTK_WIDGET (window), "\nCoasta de Fildeș\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

#define KOSOVO_ADDRESS "https://evaw-global-database.unwomen.org/en/countries/europe/kosovo/2012/" \
  "law-on-protection-against-domestic-violence"

/* A record copied with its page's address and no heading: the address
 * gives its title, region and year, and the pane says where the title
 * comes from. */
static void
test_title_from_address (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "address-title.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = open_window_on (file);
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);

  g_assert_true (measures_window_select (window, KOSOVO_ADDRESS));
  wait_for_text (pane, "Law on protection against domestic violence\n");
  wait_for_text (pane, "Titlu alcătuit din adresa paginii");
  wait_for_text (pane, "\nKosovo · 2012\n");
  wait_for_text (pane, "\nEuropa\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every country of the bundled measures is named in Romanian in the
 * sidebar, under the heading of its region. */
static void
test_bundled_countries (void)
{
  static const char * const regions[] = { "Africa", "Americas", "Asia", "Europe", "Oceania" };
  MeasuresWindow *window = open_window_on (NULL);
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL);
  GListModel *model = measures_window_get_model (window);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  gsize starts[G_N_ELEMENTS (regions) + 1];

  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 100);
  collect_texts (sidebar, text, FALSE);
  g_test_message ("Sidebar:\n%s", text->str);
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      g_autofree char *label = measures_vocabulary_label (MEASURES_FACET_REGION, regions[r]);
      g_autofree char *line = g_strdup_printf ("\n%s\n", label);

      starts[r] = position (text->str, line);
      if (r > 0)
        g_assert_cmpuint (starts[r], >, starts[r - 1]);
    }
  starts[G_N_ELEMENTS (regions)] = text->len;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (model, i);
      const char *country = measures_measure_get_country (measure);
      const char *region = measures_vocabulary_region_of (country);
      g_autofree char *label = measures_vocabulary_label (MEASURES_FACET_COUNTRY, country);
      g_autofree char *line = g_strdup_printf ("\n%s\n", label);
      guint r = 0;
      const char *found;

      if (!g_hash_table_add (countries, (gpointer) country))
        continue;
      g_assert_nonnull (region);
      while (!g_str_equal (regions[r], region))
        r++;
      found = strstr (text->str + starts[r], line);
      g_test_message ("%s: %s, under %s", country, label, region);
      g_assert_nonnull (found);
      g_assert_cmpuint (found - text->str, <, starts[r + 1]);
    }
  g_assert_cmpuint (g_hash_table_size (countries), >=, 50);
  /* Named in Romanian, not as the records write them. */
  g_assert_nonnull (strstr (text->str, "\nAlgeria\n"));
  g_assert_nonnull (strstr (text->str, "\nCapul Verde\n"));
  g_assert_null (strstr (text->str, "\nCabo Verde\n"));
  g_assert_nonnull (strstr (text->str, "\nCoreea de Sud\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A record that is no Global Database record says who classified it,
 * under its forms of violence; a Global Database record does not. */
static void
test_classification (void)
{
  MeasuresWindow *window = open_window_on (NULL);
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);

  g_assert_true (measures_window_select (window, "romania-2024-national-strategy-against-trafficking-in-persons-2024-2028"));
  wait_for_text (pane, "Strategia națională împotriva traficului de persoane pentru perioada 2024–2028\n");
  wait_for_text (pane, "\nTrafic de persoane\nClasificare\nNu este o înregistrare a Bazei de date globale UN Women.");

  g_assert_true (measures_window_select (window, "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022"));
  wait_for_text (pane, "Strategia națională împotriva traficului de persoane 2018–2022\n");
  {
    g_autoptr(GString) text = g_string_new (NULL);

    collect_texts (pane, text, FALSE);
    g_assert_null (strstr (text->str, "\nClasificare\n"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The content language chosen in Preferences applies to every record,
 * while the interface stays Romanian. */
static void
test_content_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  MeasuresWindow *window = open_eleven ();
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  GtkWidget *list = find_widget (GTK_WIDGET (window), MEASURES_TYPE_MEASURE_LIST, NULL);
  g_autoptr(GString) english = g_string_new (NULL);

  wait_for_text (list, "\nStrategia națională împotriva traficului de persoane 2018–2022\n");
  g_settings_set_string (settings, "content-language", "en");
  wait_for_text (pane, "\nNational Strategy Against Trafficking in Persons 2018-2022\n");
  /* The list's row shows the same measure in the other language. */
  wait_for_text (list, "\nNational Strategy Against Trafficking in Persons 2018-2022\n");
  collect_texts (pane, english, TRUE);
  g_assert_nonnull (strstr (english->str, "\nTip de măsură\n"));
  g_assert_cmpstr (subtitle (window), ==, "11 măsuri");

  g_settings_set_string (settings, "content-language", "auto");
  wait_for_text (pane, "\nStrategia națională împotriva traficului de persoane 2018–2022\n");

  /* The timeline's titles follow too: changed while the list is shown,
   * and while the overview is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  wait_for_timeline (window, "Strategia națională împotriva traficului de persoane 2018–2022");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "list");
  wait_for_string_property (window, "view", "list");
  g_settings_set_string (settings, "content-language", "en");
  wait_for_text (pane, "\nNational Strategy Against Trafficking in Persons 2018-2022\n");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  wait_for_timeline (window, "National Strategy Against Trafficking in Persons 2018-2022");
  g_settings_set_string (settings, "content-language", "auto");
  wait_for_timeline (window, "Strategia națională împotriva traficului de persoane 2018–2022");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "list");
  wait_for_string_property (window, "view", "list");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_editable_text (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_EDITABLE (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_editable_text (child, text))
      return TRUE;

  return FALSE;
}

static MeasuresMeasureEditor *
find_editor (void)
{
  return (MeasuresMeasureEditor *) find_toplevel (MEASURES_TYPE_MEASURE_EDITOR, NULL);
}

/* The form shows a measure's country as the interface names it, and
 * writes it back as records name it. */
static void
test_editor_country (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresMeasureEditor *editor;
  g_autoptr(MeasuresMeasure) built = NULL;
  guint n_problems = 0;

  g_assert_true (measures_window_select (window, "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-measure", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (has_editable_text (GTK_WIDGET (editor), "România"));
  g_assert_false (has_editable_text (GTK_WIDGET (editor), "Romania"));

  built = measures_measure_editor_build (editor, &n_problems);
  g_assert_nonnull (built);
  g_assert_cmpuint (n_problems, ==, 0);
  g_assert_cmpstr (measures_measure_get_country (built), ==, "Romania");

  /* Typed as the interface names another country. */
  measures_measure_editor_set_field (editor, "country", "Republica Moldova");
  g_clear_object (&built);
  built = measures_measure_editor_build (editor, &n_problems);
  g_assert_nonnull (built);
  g_assert_cmpstr (measures_measure_get_country (built), ==, "Republic of Moldova");

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A build run without its catalogue (outside `meson devenv`) says so in
 * the window's banner, rather than showing English without a word; with
 * its catalogue it says nothing of the kind. */
static void
test_missing_catalogue (void)
{
  static const char *missing = "Measures cannot find its catalogue for “ro”";
  g_autofree char *bound = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autofree char *empty = g_dir_make_tmp ("measures-no-catalogue-XXXXXX", NULL);
  g_autoptr(GString) texts = g_string_new (NULL);
  MeasuresWindow *window;

  g_assert_nonnull (empty);
  bindtextdomain (GETTEXT_PACKAGE, empty);
  window = open_eleven ();
  wait_for_text (window, missing);
  wait_for_subtitle (window, "11 measures");
  gtk_window_destroy (GTK_WINDOW (window));

  bindtextdomain (GETTEXT_PACKAGE, bound);
  g_assert_cmpint (g_rmdir (empty), ==, 0);
  window = open_eleven ();
  wait_for_subtitle (window, "11 măsuri");
  collect_texts (GTK_WIDGET (window), texts, TRUE);
  g_assert_null (strstr (texts->str, "catalog"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The widest of @widget's descendants whose least width exceeds @limit,
 * for the message of a window too wide. */
static void
describe_too_wide (GtkWidget *widget,
                   int        limit,
                   GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > limit)
        {
          g_string_append_printf (out, " > %s %d", G_OBJECT_TYPE_NAME (child), min);
          describe_too_wide (child, limit, out);
          return;
        }
    }
}

/* In Romanian, whose words are longer, the window is still usable at
 * 360 px, in the list and in a measure. */
static void
test_narrow (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = measures_window_new (NULL);
  g_autoptr(GString) wide = g_string_new (NULL);
  int min;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  measures_window_open (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_loaded (window);

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  describe_too_wide (GTK_WIDGET (window), 360, wide);
  g_assert_cmpstr (wide->str, ==, "");
  g_assert_cmpint (min, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-ro/labels-and-plurals", test_labels_and_plurals);
  g_test_add_func ("/window-ro/narrow", test_narrow);
  g_test_add_func ("/window-ro/twenty-and-fallback", test_twenty_and_fallback);
  g_test_add_func ("/window-ro/content-language", test_content_language);
  g_test_add_func ("/window-ro/title-from-address", test_title_from_address);
  g_test_add_func ("/window-ro/classification", test_classification);
  g_test_add_func ("/window-ro/countries-under-regions", test_countries_under_regions);
  g_test_add_func ("/window-ro/bundled-countries", test_bundled_countries);
  g_test_add_func ("/window-ro/editor-country", test_editor_country);
  g_test_add_func ("/window-ro/missing-catalogue", test_missing_catalogue);

  return g_test_run ();
}
