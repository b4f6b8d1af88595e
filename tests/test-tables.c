/* test-tables.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widgets that offer formats and languages read them from their
 * tables: the export dialog, its file filters, the preferences and the
 * detail pane's language switch.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "measures-detail-marks.h"
#include "measures-detail-pane.h"
#include "measures-export-dialog.h"
#include "measures-languages.h"
#include "measures-loader.h"
#include "measures-preferences-window.h"
#include "measures-selection-page.h"
#include "test-ui-utils.h"

/* Every widget of @type under @root, in order. */
static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GPtrArray *
combo_rows (GtkWidget *root)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_widgets (root, ADW_TYPE_COMBO_ROW, rows);

  return rows;
}

/* The strings of a combo row, one a line. */
static char *
combo_items (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (items, "%s\n",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));

  return g_string_free (g_steal_pointer (&items), FALSE);
}

static char *
language_names (const char *first)
{
  const char * const *codes = measures_languages_get_codes ();
  g_autoptr(GString) names = g_string_new (first);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *name = measures_languages_dup_name (codes[i]);

      g_string_append_printf (names, "%s\n", name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The dialog offers the summary formats of the table, in its order, and
 * the languages of the table, each named in its own words. */
static void
test_export_dialog (void)
{
  MeasuresExportDialog *dialog = measures_export_dialog_new (NULL, NULL, 11, "ro_RO.UTF-8");
  g_autoptr(GPtrArray) rows = combo_rows (GTK_WIDGET (dialog));
  AdwComboRow *format_row, *language_row;
  g_autofree char *formats = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *names = language_names (NULL);
  const char * const *codes = measures_languages_get_codes ();
  MeasuresExportFormat expected[] = {
    MEASURES_FORMAT_PDF, MEASURES_FORMAT_HTML, MEASURES_FORMAT_MARKDOWN,
    MEASURES_FORMAT_CSV, MEASURES_FORMAT_JSON,
  };

  /* The measures are chosen with two rows of check buttons and a combo
   * row of collections (empty until they are given); the format, the
   * parts of a summary and the language with combo rows. */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (g_ptr_array_index (rows, 0))), ==, 0);
  format_row = g_ptr_array_index (rows, 1);
  language_row = g_ptr_array_index (rows, 4);
  {
    g_autofree char *matrix = combo_items (g_ptr_array_index (rows, 2));
    g_autofree char *map = combo_items (g_ptr_array_index (rows, 3));

    g_assert_cmpstr (matrix, ==, "Not included\nBy category\nBy form of violence\n");
    g_assert_cmpstr (map, ==, "Not included\nThe world\nEurope\n");
  }

  formats = combo_items (format_row);
  g_assert_cmpstr (formats, ==, "PDF document\nWeb page (HTML)\nMarkdown\nSpreadsheet (CSV)\nDataset (JSON)\n"
                   "References (RIS)\nReferences (BibTeX)\nReferences (CSL-JSON)\n");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      adw_combo_row_set_selected (format_row, i);
      g_assert_cmpint (measures_export_dialog_get_format (dialog), ==, expected[i]);
    }

  languages = combo_items (language_row);
  g_assert_cmpstr (languages, ==, names);
  g_assert_true (g_str_has_prefix (languages, "English\nRomână\n"));
  /* The language offered first is the one asked for. */
  g_assert_cmpstr (measures_export_dialog_get_lang (dialog), ==, "ro");
  for (guint i = 0; codes[i] != NULL; i++)
    {
      adw_combo_row_set_selected (language_row, i);
      g_assert_cmpstr (measures_export_dialog_get_lang (dialog), ==, codes[i]);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
filter_matches (GtkFileFilter *filter,
                const char    *name)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);

  return gtk_filter_match (GTK_FILTER (filter), info);
}

/* The file choosers' filters are the table's, with all its extensions. */
static void
test_file_filters (void)
{
  g_autoptr(GtkFileFilter) html = measures_export_dialog_new_filter (MEASURES_FORMAT_HTML);
  g_autoptr(GtkFileFilter) svg = measures_export_dialog_new_filter (MEASURES_FORMAT_SVG);

  g_assert_cmpstr (gtk_file_filter_get_name (html), ==, "Web page (HTML)");
  g_assert_true (filter_matches (html, "summary.html"));
  g_assert_true (filter_matches (html, "summary.HTM"));
  g_assert_false (filter_matches (html, "summary.md"));
  g_assert_cmpstr (gtk_file_filter_get_name (svg), ==, "SVG image, with text");
  g_assert_true (filter_matches (svg, "chart.svg"));
  g_assert_false (filter_matches (svg, "chart.png"));
}

/* Preferences offers "Automatic" and each language, and keeps the
 * language chosen, by its code. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  GtkWidget *window = measures_preferences_window_new (NULL);
  g_autoptr(GPtrArray) rows = combo_rows (window);
  g_autofree char *expected = language_names ("Automatic\n");
  const char * const *codes = measures_languages_get_codes ();

  g_assert_cmpuint (rows->len, ==, 2);
  for (guint r = 0; r < rows->len; r++)
    {
      AdwComboRow *row = g_ptr_array_index (rows, r);
      const char *key = r == 0 ? "content-language" : "export-language";
      g_autofree char *items = combo_items (row);

      g_assert_cmpstr (items, ==, expected);
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_autofree char *value = NULL;

          adw_combo_row_set_selected (row, i + 1);
          value = g_settings_get_string (settings, key);
          g_assert_cmpstr (value, ==, codes[i]);
        }
      g_settings_set_string (settings, key, "auto");
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
      g_settings_set_string (settings, key, "ro");
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
      g_settings_reset (settings, key);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static MeasuresMeasure *
load_one (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "tables.json");

  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 1);

  return g_object_ref (g_ptr_array_index (measures_dataset_get_measures (dataset), 0));
}

/* The detail pane has a button for each language of the table, named in
 * its own words, shown for a record that carries two of them or more. */
static void
test_language_switch (void)
{
  g_autoptr(MeasuresMeasure) both =
    load_one ("[{\"id\":\"b\",\"country\":\"Romania\",\"title\":{\"en\":\"In English\",\"ro\":\"În română\"},"
              "\"description\":{\"en\":\"English text.\",\"ro\":\"Text în română.\"}}]");
  g_autoptr(MeasuresMeasure) english =
    load_one ("[{\"id\":\"e\",\"country\":\"Romania\",\"title\":{\"en\":\"In English\"}}]");
  GtkWidget *window = gtk_window_new ();
  MeasuresDetailPane *pane = g_object_new (MEASURES_TYPE_DETAIL_PANE, NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char * const *codes = measures_languages_get_codes ();
  GtkWidget *box;
  gint64 deadline;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
  gtk_window_present (GTK_WINDOW (window));
  measures_detail_pane_set_measure (pane, both);

  collect_widgets (GTK_WIDGET (pane), GTK_TYPE_TOGGLE_BUTTON, buttons);
  /* Not the star and the collections of the user's marks, nor the
   * page of several selected. */
  for (guint i = buttons->len; i-- > 0;)
    if (gtk_widget_get_ancestor (g_ptr_array_index (buttons, i), MEASURES_TYPE_DETAIL_MARKS) != NULL ||
        gtk_widget_get_ancestor (g_ptr_array_index (buttons, i), MEASURES_TYPE_SELECTION_PAGE) != NULL)
      g_ptr_array_remove_index (buttons, i);
  g_assert_cmpuint (buttons->len, ==, g_strv_length ((char **) codes));
  box = gtk_widget_get_parent (g_ptr_array_index (buttons, 0));
  g_assert_true (gtk_widget_get_visible (box));
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      g_autofree char *name = measures_languages_dup_name (codes[i]);
      g_autofree char *tooltip = measures_languages_dup_read_in (codes[i]);

      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, name);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, tooltip);
      g_assert_cmpint (gtk_widget_get_visible (button), ==,
                       g_str_equal (codes[i], "en") || g_str_equal (codes[i], "ro"));
    }
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 1)), ==,
                   "Read this measure in Romanian");
  /* The interface is English: the English button is down. */
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 0)));

  /* One language: no switch. */
  measures_detail_pane_set_measure (pane, english);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_visible (box) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (box));

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

  g_test_add_func ("/tables/export-dialog", test_export_dialog);
  g_test_add_func ("/tables/file-filters", test_file_filters);
  g_test_add_func ("/tables/preferences", test_preferences);
  g_test_add_func ("/tables/language-switch", test_language_switch);

  return g_test_run ();
}
