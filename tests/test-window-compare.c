/* test-window-compare.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison of countries in the window: Ctrl+3 shows it, its table
 * has the matrix's figures, a click on a cell or Enter on it filters by
 * its country and column, the arrow keys and Home and End move cell by
 * cell, and the map filters by a country clicked.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "measures-application.h"
#include "measures-atlas.h"
#include "measures-compare-view.h"
#include "measures-coverage-grid.h"
#include "test-ui-utils.h"

static MeasuresWindow *
open_eleven (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = open_window_on (file);

  /* Each test closes its window with a filter the next would find. */
  measures_query_clear (measures_window_get_query (window));
  wait_for_n_items (measures_window_get_model (window), 11);

  return window;
}

static gboolean
has_coverage (gpointer data)
{
  MeasuresCoverage *coverage = measures_compare_view_get_coverage (data);

  return coverage != NULL && coverage->n_matches > 0;
}

static MeasuresCompareView *
show_compare (MeasuresWindow *window)
{
  MeasuresCompareView *view;

  /* Built when first shown, as the user meets it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "compare");
  wait_for_string_property (window, "view", "compare");
  view = MEASURES_COMPARE_VIEW (find_widget (GTK_WIDGET (window), MEASURES_TYPE_COMPARE_VIEW, NULL));
  g_assert_nonnull (view);
  wait_for_mapped (measures_compare_view_get_grid (view));
  wait_until (has_coverage, view, "the comparison's figures");
  wait_for_frame (window);

  return view;
}

static int
row_of (MeasuresCoverage *coverage,
        const char       *label)
{
  for (guint r = 0; r < coverage->rows->len; r++)
    if (g_str_equal (g_array_index (coverage->rows, MeasuresCoverageRow, r).label, label))
      return r;

  g_assert_not_reached ();
}

static int
column_of (MeasuresCoverage *coverage,
           const char       *label)
{
  for (guint c = 0; c < coverage->columns->len; c++)
    if (g_str_equal (g_array_index (coverage->columns, MeasuresCoverageColumn, c).label, label))
      return c;

  g_assert_not_reached ();
}

static GtkGesture *
click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }

  g_assert_not_reached ();
}

typedef struct
{
  MeasuresQuery *query;
  MeasuresFacet facet;
  const char *value;
} WaitChosen;

static gboolean
has_chosen (gpointer data)
{
  WaitChosen *wait = data;
  const char * const *chosen = measures_query_get_chosen (wait->query, wait->facet);

  return chosen[0] != NULL && g_str_equal (chosen[0], wait->value) && chosen[1] == NULL;
}

#define wait_for_chosen(query_, facet_, value_)                                 \
  G_STMT_START {                                                                \
    WaitChosen wait_chosen_ = { (query_), (facet_), (value_) };                 \
                                                                                \
    wait_until (has_chosen, &wait_chosen_, "the query to choose “%s”", wait_chosen_.value); \
  } G_STMT_END

/* Where the focus is in the grid, as "row,column". */
static char *
focus_position (MeasuresWindow       *window,
                MeasuresCoverageGrid *grid)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  int row, column;

  if (!measures_coverage_grid_get_position (grid, focus, &row, &column))
    return g_strdup ("elsewhere");

  return g_strdup_printf ("%d,%d", row, column);
}

static void
assert_focus (MeasuresWindow       *window,
              MeasuresCoverageGrid *grid,
              const char           *expected)
{
  g_autofree char *position = focus_position (window, grid);

  g_assert_cmpstr (position, ==, expected);
}

static void
test_shortcut (void)
{
  g_autoptr(MeasuresApplication) app = measures_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  MeasuresWindow *window;
  MeasuresCompareView *view;

  /* Ctrl+3 is the accelerator of the comparison... */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.view::compare");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>3");

  /* ...and what it does shows it, with the figures of the matches. */
  window = open_eleven ();
  view = show_compare (window);
  g_assert_cmpuint (measures_compare_view_get_coverage (view)->rows->len, ==, 2);
  g_assert_cmpuint (measures_compare_view_get_coverage (view)->n_matches, ==, 11);

  /* Back to the list, which the views share the window with. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "list");
  wait_for_string_property (window, "view", "list");

  close_window (window);
}

static void
test_cell_click_filters (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresCompareView *view = show_compare (window);
  MeasuresCoverageGrid *grid = measures_compare_view_get_grid (view);
  MeasuresCoverage *coverage = measures_compare_view_get_coverage (view);
  MeasuresQuery *query = measures_window_get_query (window);
  int romania = row_of (coverage, "Romania");
  int policies = column_of (coverage, "Policies");
  graphene_rect_t area;

  /* The cell shows the matrix's figure. */
  g_assert_cmpuint (g_array_index (coverage->rows, MeasuresCoverageRow, romania).cells[policies], ==, 5);

  /* A click in the middle of Romania's cell of Policies. */
  g_assert_true (measures_coverage_grid_locate (grid, romania, policies, &area));
  g_signal_emit_by_name (click_gesture (measures_coverage_grid_get_body (grid)), "released", 1,
                         area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2);
  wait_for_chosen (query, MEASURES_FACET_COUNTRY, "Romania");
  wait_for_chosen (query, MEASURES_FACET_TYPE, "Policies");
  wait_for_n_items (measures_window_get_model (window), 5);
  {
    g_autofree char *clicked = g_strdup_printf ("%d,%d", romania, policies);

    assert_focus (window, grid, clicked);
  }

  /* The view follows: only Romania's policies match now. */
  wait_until (has_coverage, view, "the new figures");
  coverage = measures_compare_view_get_coverage (view);
  g_assert_cmpuint (coverage->n_matches, ==, 5);
  g_assert_cmpuint (g_array_index (coverage->rows, MeasuresCoverageRow, row_of (coverage, "Republic of Moldova")).matches,
                    ==, 0);

  /* Enter on Moldova's row heading filters by Moldova alone. */
  measures_query_clear (query);
  wait_for_n_items (measures_window_get_model (window), 11);
  coverage = measures_compare_view_get_coverage (view);
  gtk_widget_activate (measures_coverage_grid_get_cell (grid, row_of (coverage, "Republic of Moldova"), -1));
  wait_for_chosen (query, MEASURES_FACET_COUNTRY, "Republic of Moldova");
  wait_for_n_items (measures_window_get_model (window), 4);
  g_assert_null (measures_query_get_chosen (query, MEASURES_FACET_TYPE)[0]);

  close_window (window);
}

static void
test_arrow_keys (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresCompareView *view = show_compare (window);
  MeasuresCoverageGrid *grid = measures_compare_view_get_grid (view);
  guint n_columns = measures_compare_view_get_coverage (view)->columns->len;
  g_autofree char *last = g_strdup_printf ("1,%u", n_columns);
  g_autofree char *last_of_first = g_strdup_printf ("0,%u", n_columns);
  gboolean handled = FALSE;

  /* Coming in, the focus goes to the first cell... */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (grid), GTK_DIR_TAB_FORWARD));
  assert_focus (window, grid, "0,0");

  /* ...and the arrow keys, which the window turns into these, move it
   * cell by cell, to the headings and no further. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_RIGHT));
  assert_focus (window, grid, "0,1");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  assert_focus (window, grid, "1,1");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  assert_focus (window, grid, "1,1");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_LEFT));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_LEFT));
  assert_focus (window, grid, "1,-1");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_LEFT));
  assert_focus (window, grid, "1,-1");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_UP));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_UP));
  assert_focus (window, grid, "0,-1");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_RIGHT));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_UP));
  assert_focus (window, grid, "-1,0");

  /* End and Home go along a row; Control+End to the last row. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  g_signal_emit_by_name (key_controller (GTK_WIDGET (grid)), "key-pressed", GDK_KEY_End, 0, 0, &handled);
  g_assert_true (handled);
  assert_focus (window, grid, last_of_first);
  g_signal_emit_by_name (key_controller (GTK_WIDGET (grid)), "key-pressed", GDK_KEY_Home, 0, 0, &handled);
  assert_focus (window, grid, "0,-1");
  g_signal_emit_by_name (key_controller (GTK_WIDGET (grid)), "key-pressed", GDK_KEY_End, 0, GDK_CONTROL_MASK,
                         &handled);
  assert_focus (window, grid, last);

  /* Tab leaves the table, and coming back finds the cell it left. */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (grid), GTK_DIR_TAB_FORWARD));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (grid), GTK_DIR_TAB_BACKWARD));
  assert_focus (window, grid, last);

  /* Every cell has its accessible name once the idle moments are over. */
  measures_coverage_grid_flush_labels (grid);

  close_window (window);
}

static gboolean
map_laid_out (gpointer data)
{
  GtkWidget *map = measures_compare_view_get_map (data);

  return gtk_widget_get_mapped (map) && gtk_widget_get_height (map) > 100;
}

static void
test_map_click_filters (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresCompareView *view = show_compare (window);
  MeasuresQuery *query = measures_window_get_query (window);
  MeasuresAtlas *atlas = measures_atlas_get_default ();
  const MeasuresAtlasCountry *moldova = measures_atlas_get_country (atlas, measures_atlas_find (atlas, "MD"));
  MeasuresAtlasView europe;
  GtkWidget *map;
  double scale;

  gtk_widget_activate_action (GTK_WIDGET (view), "compare.mode", "s", "map");
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.zoom", "s", "europe");
  wait_until (map_laid_out, view, "the map to be laid out");
  map = measures_compare_view_get_map (view);
  g_assert_cmpint (gtk_widget_get_height (map), ==,
                   (int) ceil (measures_map_get_height (measures_compare_view_get_coverage (view), MEASURES_MAP_EUROPE,
                                                        gtk_widget_get_width (map))));

  /* France is not in the data: a click there does nothing. */
  g_assert_false (measures_compare_view_activate_map_at (view, 2, 2));

  g_assert_true (measures_atlas_get_view (atlas, "europe", &europe));
  scale = gtk_widget_get_width (map) / europe.width;
  g_signal_emit_by_name (click_gesture (map), "released", 1, (moldova->x - europe.x) * scale,
                         (moldova->y - europe.y) * scale);
  wait_for_chosen (query, MEASURES_FACET_COUNTRY, "Republic of Moldova");
  wait_for_n_items (measures_window_get_model (window), 4);

  /* Its table lists the same figures. */
  measures_query_clear (query);
  wait_for_n_items (measures_window_get_model (window), 11);
  gtk_expander_set_expanded (GTK_EXPANDER (find_widget (GTK_WIDGET (view), GTK_TYPE_EXPANDER, NULL)), TRUE);
  wait_for_text (view, "Romania\nEurope\n7\n");

  close_window (window);
}

static void
test_export (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresCompareView *view = show_compare (window);
  g_autofree char *dir = g_dir_make_tmp ("measures-compare-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "matrix.csv", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autofree char *contents = NULL;

  measures_compare_view_export (view, "csv", csv_file);
  wait_for_file (csv);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\"country\",\"code\",\"region\",\"Administrative data\""));
  g_clear_pointer (&contents, g_free);

  gtk_widget_activate_action (GTK_WIDGET (view), "compare.mode", "s", "map");
  measures_compare_view_export (view, "svg", svg_file);
  wait_for_file (svg);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<title>Romania: 7 matching measures</title>"));

  g_unlink (csv);
  g_unlink (svg);
  g_rmdir (dir);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/compare/shortcut", test_shortcut);
  g_test_add_func ("/compare/cell-click-filters", test_cell_click_filters);
  g_test_add_func ("/compare/arrow-keys", test_arrow_keys);
  g_test_add_func ("/compare/map-click-filters", test_map_click_filters);
  g_test_add_func ("/compare/export", test_export);

  return g_test_run ();
}
