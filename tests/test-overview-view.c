/* test-overview-view.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview's charts in a window of their own, under Xvfb, in the
 * interface's language (run in English and in Romanian): a category
 * keeps its colours across filters, and the tables under the charts
 * are aligned and whole. g_test_init() makes GTK warnings fatal.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "measures-loader.h"
#include "measures-overview-view.h"

typedef struct
{
  GtkWindow *window;
  MeasuresOverviewView *view;
  MeasuresCatalog *catalog;
  MeasuresQuery *query;
  guint n_painted;
} Fixture;

/* As the window does: each change of the query gives the view new
 * matches. */
static void
query_changed_cb (MeasuresQuery *query,
                  Fixture       *fixture)
{
  g_autoptr(MeasuresResult) result = measures_index_evaluate (fixture->catalog->index, query);

  measures_overview_view_update (fixture->view, fixture->catalog->index, result->matches);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Fixture       *fixture)
{
  fixture->n_painted++;
}

/* Until the window has painted twice more: what changed before is laid
 * out and drawn. */
static void
wait_painted (Fixture *fixture)
{
  guint until = fixture->n_painted + 2;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  while (fixture->n_painted < until && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->n_painted, >=, until);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fixture->catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (measures_index_get_n_measures (fixture->catalog->index), ==, 11);
  fixture->query = measures_query_new ();
  g_signal_connect (fixture->query, "changed", G_CALLBACK (query_changed_cb), fixture);

  fixture->view = g_object_new (MEASURES_TYPE_OVERVIEW_VIEW, NULL);
  measures_overview_view_set_query (fixture->view, fixture->query);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, GPOINTER_TO_INT (data) > 0 ? GPOINTER_TO_INT (data) : 900, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), "after-paint",
                    G_CALLBACK (after_paint_cb), fixture);

  query_changed_cb (fixture->query, fixture);
  wait_painted (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), fixture);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->query);
  g_clear_pointer (&fixture->catalog, measures_catalog_free);
}

/* The labels of each row of the table of @chart, opened. */
static GPtrArray *
open_table (Fixture       *fixture,
            MeasuresChart  chart)
{
  GtkExpander *expander = GTK_EXPANDER (measures_overview_view_get_table (fixture->view, chart));
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GtkWidget *list;

  gtk_expander_set_expanded (expander, TRUE);
  wait_painted (fixture);

  list = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_expander_get_child (expander)));
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GPtrArray *labels = g_ptr_array_new ();
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      for (GtkWidget *label = gtk_widget_get_first_child (box); label != NULL;
           label = gtk_widget_get_next_sibling (label))
        g_ptr_array_add (labels, label);
      g_ptr_array_add (rows, labels);
    }

  return rows;
}

/* Every table is aligned: in each row, the label of each column has the
 * left edge and the width of its heading, holds a value, and a number
 * sits at the right of its column; every row has every column. The
 * table of the chart per year is as wide as the chart, whatever its
 * columns: it never widens the window. */
static void
test_tables_aligned (Fixture       *fixture,
                     gconstpointer  data)
{
  MeasuresOverview *overview = measures_overview_view_get_overview (fixture->view);

  for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
    {
      g_autoptr(GPtrArray) rows = open_table (fixture, chart);
      g_autoptr(GPtrArray) table = measures_chart_get_table (overview, chart, NULL);
      GPtrArray *head = g_ptr_array_index (rows, 0);
      GtkWidget *list = gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (head->pdata[0])));

      g_assert_cmpuint (rows->len, ==, table->len);
      for (guint r = 0; r < rows->len; r++)
        {
          GPtrArray *labels = g_ptr_array_index (rows, r);
          GStrv cells = g_ptr_array_index (table, r);

          g_assert_cmpuint (labels->len, ==, g_strv_length (cells));
          for (guint c = 0; c < labels->len; c++)
            {
              graphene_rect_t cell, heading;

              g_assert_true (gtk_widget_compute_bounds (labels->pdata[c], list, &cell));
              g_assert_true (gtk_widget_compute_bounds (head->pdata[c], list, &heading));
              if (fabs (cell.origin.x - heading.origin.x) > 0.5 || fabs (cell.size.width - heading.size.width) > 0.5)
                g_error ("%s, row %u, column %u (%s): at %g, %g wide; its heading (%s) at %g, %g wide",
                         measures_chart_get_name (chart), r, c, cells[c], cell.origin.x, cell.size.width,
                         gtk_label_get_text (head->pdata[c]), heading.origin.x, heading.size.width);
              g_assert_cmpstr (gtk_label_get_text (labels->pdata[c]), ==, cells[c]);
              g_assert_cmpstr (gtk_label_get_text (labels->pdata[c]), !=, "");
              g_assert_cmpfloat (cell.size.width, >, 0);
            }
        }

      /* Numbers under their heading, at its right. */
      if (chart == MEASURES_CHART_YEARS)
        for (guint c = 1; c < head->len; c++)
          g_assert_cmpfloat (gtk_label_get_xalign (head->pdata[c]), ==, 1);

      g_assert_cmpint (gtk_widget_get_width (measures_overview_view_get_table (fixture->view, chart)), <=,
                       gtk_widget_get_width (measures_overview_view_get_chart (fixture->view, chart)) + 1);
    }
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

  g_test_add ("/overview-view/tables-aligned", Fixture, NULL, fixture_set_up, test_tables_aligned,
              fixture_tear_down);
  g_test_add ("/overview-view/tables-aligned-narrow", Fixture, GINT_TO_POINTER (420), fixture_set_up,
              test_tables_aligned, fixture_tear_down);

  return g_test_run ();
}
