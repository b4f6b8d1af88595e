/* test-window-records.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * My Measures in the window, as a user has them: a measure made with
 * the form, one pasted from a copied Global Database page, an edited
 * copy of a bundled one, all found again after a restart (a new window
 * on the same data folder, once the last one closed); delete and
 * restore with Undo; and a damaged file set aside and reported.
 *
 * Runs under Xvfb, with a data folder of its own, emptied before each
 * test (gtk_test_init() takes no G_TEST_OPTION_ISOLATE_DIRS). g_test_init()
 * makes GTK warnings and criticals fatal, so any of them fails the test.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "measures-detail-pane.h"
#include "measures-loader.h"
#include "measures-measure-editor.h"
#include "measures-own-records.h"
#include "measures-window.h"
#include "test-ui-utils.h"

#define SEED_ID "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022"
#define N_BUNDLED 115

static MeasuresDetailPane *
detail_pane (MeasuresWindow *window)
{
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);

  g_assert_nonnull (pane);

  return MEASURES_DETAIL_PANE (pane);
}

/* The measure of @id among those the window shows, or NULL. */
static MeasuresMeasure *
shown (MeasuresWindow *window,
       const char     *id)
{
  GListModel *model = measures_window_get_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (model, i);

      if (g_str_equal (measures_measure_get_id (measure), id))
        return measure;
    }

  return NULL;
}

typedef struct
{
  MeasuresWindow *window;
  const char *id;
  const char *title;
} WaitTitle;

static gboolean
shows_title (gpointer data)
{
  WaitTitle *wait = data;
  MeasuresMeasure *measure = window_loaded (wait->window) ? shown (wait->window, wait->id) : NULL;

  return measure != NULL && g_strcmp0 (measures_measure_resolve_title (measure, NULL), wait->title) == 0;
}

/* Until the window shows the measure @id with the title @title. */
#define wait_for_title(window_, id_, title_)                                    \
  G_STMT_START {                                                                \
    WaitTitle wait_title_ = { (window_), (id_), (title_) };                     \
                                                                                \
    wait_until (shows_title, &wait_title_, "%s to be shown as “%s”",            \
                wait_title_.id, wait_title_.title);                             \
  } G_STMT_END

typedef struct
{
  MeasuresDetailPane *pane;
  const char *id;
} PaneMoved;

/* Whether the pane shows a measure other than @id. */
static gboolean
pane_moved (gpointer data)
{
  PaneMoved *wait = data;
  MeasuresMeasure *measure = measures_detail_pane_get_measure (wait->pane);

  return measure != NULL && !g_str_equal (measures_measure_get_id (measure), wait->id);
}

/* The form the window opened last. */
static MeasuresMeasureEditor *
find_editor (void)
{
  return (MeasuresMeasureEditor *) find_toplevel (MEASURES_TYPE_MEASURE_EDITOR, NULL);
}

static gboolean
editor_gone (gpointer data)
{
  return find_editor () == NULL;
}

static void
save (MeasuresMeasureEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  wait_until (editor_gone, NULL, "the form to close once saved");
}

static GFile *
own_file (void)
{
  return measures_own_records_get_default_file ();
}

/* Empties the folder of My Measures, for a test that starts afresh. */
static void
clear_own_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "measures", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* How many records the file of My Measures holds, read by the loader. */
static guint
n_in_file (void)
{
  g_autoptr(GFile) file = own_file ();
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);

  return measures_dataset_get_n_measures (dataset);
}

static void
test_records_restart (void)
{
  g_autofree char *seed_path = g_test_build_filename (G_TEST_DIST, "data", "seed.txt", NULL);
  g_autofree char *seed = NULL;
  MeasuresWindow *window;
  MeasuresMeasureEditor *editor;
  MeasuresMeasure *own;
  MeasuresOwnRecords *records;
  gpointer alive;
  guint n_problems;
  const char *original_title;
  g_autofree char *own_id = NULL;
  g_autofree char *saved_original = NULL;
  g_autofree char *pasted_id = NULL;
  PaneMoved moved;

  clear_own_folder ();
  window = open_window_on (NULL);
  wait_for_n_items (measures_window_get_model (window), N_BUNDLED);

  /* New Measure: the loader's checks, each under its field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-measure", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  wait_for_mapped (editor);
  measures_measure_editor_set_field (editor, "year", "soon");
  g_assert_null (measures_measure_editor_build (editor, &n_problems));
  g_assert_cmpuint (n_problems, ==, 2);
  g_assert_cmpstr (measures_measure_editor_get_problem (editor, "year"), ==,
                   "“year” must look like “2018” or “2019 - 2022”");
  g_assert_nonnull (measures_measure_editor_get_problem (editor, "country"));
  wait_for_text (editor, "“year” must look like “2018” or “2019 - 2022”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (find_editor () == editor);

  measures_measure_editor_set_field (editor, "country", "Romania");
  measures_measure_editor_set_field (editor, "year", "2021-");
  measures_measure_editor_set_field (editor, "title", "A shelter of our own");
  measures_measure_editor_set_field (editor, "title-ro", "Un adăpost al nostru");
  measures_measure_editor_set_field (editor, "description", "A shelter we run.\n\n- Open all night\n- Free");
  measures_measure_editor_set_field (editor, "source", "Our own visit, 2024");
  measures_measure_editor_set_field (editor, "url", "https://example.org/shelter");
  measures_measure_editor_add_value (editor, "types", "Social services > Shelter/Safe accommodation");
  measures_measure_editor_add_value (editor, "forms", "Domestic violence/Intimate partner violence");
  measures_measure_editor_add_value (editor, "forms", "Economic violence");
  save (editor);

  wait_for_n_items (measures_window_get_model (window), N_BUNDLED + 1);
  {
    MeasuresMeasure *selected;

    wait_for_text (window, "A shelter of our own");
    selected = measures_detail_pane_get_measure (detail_pane (window));
    g_assert_nonnull (selected);
    g_assert_cmpstr (measures_measure_resolve_title (selected, NULL), ==, "A shelter of our own");
    g_assert_cmpint (measures_measure_get_year_from (selected), ==, 2021);
    g_assert_cmpint (measures_measure_get_year_to (selected), ==, MEASURES_YEAR_NONE);
    g_assert_cmpstr (measures_measure_get_forms (selected)[1], ==, "Economic violence");
    own_id = g_strdup (measures_measure_get_id (selected));
  }
  g_assert_cmpuint (n_in_file (), ==, 1);
  wait_for_text (window, "My Measures");

  /* Pasted from the seed's copied page: the importer's record, reviewed
   * in the form, kept under an id of its own beside the bundled one. */
  g_assert_true (g_file_get_contents (seed_path, &seed, NULL, NULL));
  g_assert_cmpuint (measures_window_paste_text (window, seed), ==, 1);
  editor = find_editor ();
  g_assert_nonnull (editor);
  wait_for_text (editor, "Pasted from the clipboard");
  save (editor);
  wait_for_n_items (measures_window_get_model (window), N_BUNDLED + 2);
  moved.pane = detail_pane (window);
  moved.id = own_id;
  wait_until (pane_moved, &moved, "the pasted measure to be shown");
  pasted_id = g_strdup (measures_measure_get_id (measures_detail_pane_get_measure (detail_pane (window))));
  g_assert_cmpstr (pasted_id, !=, SEED_ID);
  g_assert_cmpstr (measures_measure_get_country (shown (window, pasted_id)), ==, "Romania");
  g_assert_cmpint (measures_measure_get_year_from (shown (window, pasted_id)), ==, 2019);
  g_assert_cmpuint (n_in_file (), ==, 2);

  /* A bundled measure edited: an edited copy, with its id, shown
   * instead of it, which says so; the bundled data is as it was. */
  g_assert_true (measures_window_select (window, SEED_ID));
  original_title = measures_measure_resolve_title (shown (window, SEED_ID), NULL);
  saved_original = g_strdup (original_title);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-measure", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  wait_for_text (editor, "saving keeps an edited copy in My Measures");
  measures_measure_editor_set_field (editor, "title", "Our reading of the 2018 strategy");
  save (editor);
  wait_for_title (window, SEED_ID, "Our reading of the 2018 strategy");
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, N_BUNDLED + 2);
  wait_for_text (window, "Edited copy of a measure of “Bundled measures”, kept in My Measures");
  g_assert_cmpuint (measures_window_get_problems (window)->len, ==, 0);
  g_assert_cmpuint (n_in_file (), ==, 3);

  /* Restart: the last window closes, My Measures is let go (its
   * changes written), and a new window reads it again. */
  records = measures_own_records_get_default ();
  alive = records;
  g_object_add_weak_pointer (G_OBJECT (records), &alive);
  g_object_unref (records);
  close_window (window);
  g_assert_null (alive);

  window = open_window_on (NULL);
  wait_for_n_items (measures_window_get_model (window), N_BUNDLED + 2);
  g_assert_nonnull (shown (window, own_id));
  g_assert_nonnull (shown (window, pasted_id));
  wait_for_title (window, SEED_ID, "Our reading of the 2018 strategy");

  /* Delete, with Undo. */
  g_assert_true (measures_window_select (window, own_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-measure", NULL));
  wait_for_n_items (measures_window_get_model (window), N_BUNDLED + 1);
  wait_for_text (window, "Measure deleted");
  g_assert_null (shown (window, own_id));
  g_assert_cmpuint (n_in_file (), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-measure", NULL));
  wait_for_n_items (measures_window_get_model (window), N_BUNDLED + 2);
  own = shown (window, own_id);
  g_assert_nonnull (own);
  g_assert_cmpstr (measures_measure_resolve_title (own, NULL), ==, "A shelter of our own");

  /* The original back, and the edited copy again with Undo. */
  g_assert_true (measures_window_select (window, SEED_ID));
  wait_for_text (window, "Edited copy of a measure of “Bundled measures”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-original", NULL));
  wait_for_title (window, SEED_ID, saved_original);
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, N_BUNDLED + 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-measure", NULL));
  wait_for_title (window, SEED_ID, "Our reading of the 2018 strategy");

  close_window (window);
  g_assert_cmpuint (n_in_file (), ==, 3);
}

/* A file of My Measures that cannot be read is set aside, the banner
 * says so, and the window goes on with the bundled measures. */
static void
test_records_damaged (void)
{
  g_autoptr(GFile) file = own_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;
  MeasuresWindow *window;
  const char *name;
  guint aside = 0;

  clear_own_folder ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"measures-1\", \"measures\": [", -1, NULL));

  window = open_window_on (NULL);
  wait_for_n_items (measures_window_get_model (window), N_BUNDLED);
  wait_for_text (window, "My Measures could not be read");
  wait_for_text (window, "it was set aside as “my-measures.damaged-");

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "my-measures.damaged-"))
      aside++;
  g_assert_cmpuint (aside, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("measures-records-XXXXXX", NULL);
  g_autofree char *own_dir = g_build_filename (data_home, "measures", NULL);
  int status;

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-records/restart", test_records_restart);
  g_test_add_func ("/window-records/damaged", test_records_damaged);

  status = g_test_run ();
  clear_own_folder ();
  g_rmdir (own_dir);
  g_rmdir (data_home);

  return status;
}
