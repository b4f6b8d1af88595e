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
#include <locale.h>

#include "measures-detail-pane.h"
#include "measures-filter-sidebar.h"
#include "measures-overview-view.h"
#include "measures-window.h"
#include "test-ui-utils.h"

static const char *
subtitle (MeasuresWindow *window)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL)));
}

static void
test_labels_and_plurals (void)
{
  MeasuresWindow *window = open_window_on (NULL);
  MeasuresFilterSidebar *sidebar =
    MEASURES_FILTER_SIDEBAR (find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL));
  g_autoptr(GString) sidebar_text = g_string_new (NULL);
  g_autoptr(GString) detail_text = g_string_new (NULL);

  /* 11: the "few" form */
  g_assert_cmpstr (subtitle (window), ==, "11 măsuri");

  collect_texts (GTK_WIDGET (sidebar), sidebar_text, TRUE);
  g_test_message ("Sidebar:\n%s", sidebar_text->str);
  g_assert_nonnull (strstr (sidebar_text->str, "\nLoc\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "\nEuropa\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "\nTrafic de persoane\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "\nPolitici\n"));
  g_assert_nonnull (strstr (sidebar_text->str, "[Golește toate filtrele]"));

  g_assert_true (measures_filter_sidebar_toggle_value (sidebar, MEASURES_FACET_COUNTRY, "Romania"));
  settle ();
  g_assert_cmpstr (subtitle (window), ==, "7 din 11 măsuri");

  collect_texts (find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL), detail_text, TRUE);
  g_test_message ("Detail:\n%s", detail_text->str);
  g_assert_nonnull (strstr (detail_text->str, "Strategia națională împotriva traficului de persoane 2018–2022\n"));
  g_assert_nonnull (strstr (detail_text->str, "\nTipul măsurii\n"));
  g_assert_nonnull (strstr (detail_text->str, "Politici  ›  Strategie națională dedicată violenței împotriva femeilor\n"));
  g_assert_nonnull (strstr (detail_text->str, "\nRomânia · 2019–2022\n"));
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
  settle ();
  g_assert_cmpstr (subtitle (window), ==, "0 din 21 de măsuri");
  measures_query_set_search (measures_window_get_query (window), "english");
  settle ();
  g_assert_cmpstr (subtitle (window), ==, "1 din 21 de măsuri");

  /* A record with English text only says so. */
  g_assert_true (measures_window_select (window, "english-only"));
  settle ();
  collect_texts (pane, english_only, TRUE);
  g_test_message ("English only:\n%s", english_only->str);
  g_assert_nonnull (strstr (english_only->str, "A test record in English only\nRomânia · din 2021\nAfișat în engleză\n"));
  g_assert_null (strstr (english_only->str, "[English]"));

  /* A record in both languages reads in English in one click. */
  measures_query_set_search (measures_window_get_query (window), "");
  settle ();
  g_assert_true (measures_window_select (window, "test-3"));
  settle ();
  /* The first toggle button of the pane is "English". */
  english_button = find_widget (pane, GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (english_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (english_button)), ==, "English");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (english_button), TRUE);
  settle ();
  collect_texts (pane, switched, TRUE);
  g_assert_nonnull (strstr (switched->str, "\nTest measure 3\n"));
  g_assert_nonnull (strstr (switched->str, "A made-up test record number 3.\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
timeline_has (MeasuresWindow *window,
              const char     *title)
{
  MeasuresOverviewView *view =
    MEASURES_OVERVIEW_VIEW (find_widget (GTK_WIDGET (window), MEASURES_TYPE_OVERVIEW_VIEW, NULL));
  MeasuresOverview *overview = measures_overview_view_get_overview (view);

  for (guint i = 0; overview != NULL && i < overview->timeline->len; i++)
    if (g_str_equal (g_array_index (overview->timeline, MeasuresTimelineRow, i).title, title))
      return TRUE;

  return FALSE;
}

/* The content language chosen in Preferences applies to every record,
 * while the interface stays Romanian. */
static void
test_content_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  MeasuresWindow *window = open_window_on (NULL);
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  g_autoptr(GString) english = g_string_new (NULL);
  g_autoptr(GString) romanian = g_string_new (NULL);

  g_settings_set_string (settings, "content-language", "en");
  settle ();
  collect_texts (pane, english, TRUE);
  g_assert_nonnull (strstr (english->str, "\nNational Strategy Against Trafficking in Persons 2018-2022\n"));
  g_assert_nonnull (strstr (english->str, "\nTipul măsurii\n"));
  g_assert_cmpstr (subtitle (window), ==, "11 măsuri");

  g_settings_set_string (settings, "content-language", "auto");
  settle ();
  collect_texts (pane, romanian, TRUE);
  g_assert_nonnull (strstr (romanian->str, "\nStrategia națională împotriva traficului de persoane 2018–2022\n"));

  /* The timeline's titles follow too: changed while the list is shown,
   * and while the overview is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  settle ();
  g_assert_true (timeline_has (window, "Strategia națională împotriva traficului de persoane 2018–2022"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "list");
  settle ();
  g_settings_set_string (settings, "content-language", "en");
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  settle ();
  g_assert_true (timeline_has (window, "National Strategy Against Trafficking in Persons 2018-2022"));
  g_settings_set_string (settings, "content-language", "auto");
  settle ();
  g_assert_true (timeline_has (window, "Strategia națională împotriva traficului de persoane 2018–2022"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "list");
  settle ();

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
  g_test_add_func ("/window-ro/twenty-and-fallback", test_twenty_and_fallback);
  g_test_add_func ("/window-ro/content-language", test_content_language);

  return g_test_run ();
}
