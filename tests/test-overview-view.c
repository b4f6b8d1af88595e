/* test-overview-view.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview's charts in a window of their own, under Xvfb, in the
 * interface's language (run in English and in Romanian): a click on a
 * bar shows what it filtered to, a category keeps its colours across
 * filters, and the tables under the charts are aligned and whole.
 * g_test_init() makes GTK warnings fatal.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

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
  /* The first eleven bundled measures: the figures below are theirs. */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
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

/* The caption under the heading of @chart, or NULL when it is hidden. */
static const char *
filter_caption (Fixture       *fixture,
                MeasuresChart  chart)
{
  GtkWidget *area = measures_overview_view_get_chart (fixture->view, chart);
  /* The section: heading, caption, frame (with the chart), table. */
  GtkWidget *section = gtk_widget_get_parent (gtk_widget_get_parent (area));
  GtkWidget *box = gtk_widget_get_next_sibling (gtk_widget_get_first_child (section));

  g_assert_true (GTK_IS_BOX (box));
  if (!gtk_widget_get_visible (box))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static GtkWidget *
show_all_button (Fixture       *fixture,
                 MeasuresChart  chart)
{
  GtkWidget *area = measures_overview_view_get_chart (fixture->view, chart);
  GtkWidget *section = gtk_widget_get_parent (gtk_widget_get_parent (area));
  GtkWidget *box = gtk_widget_get_next_sibling (gtk_widget_get_first_child (section));

  return gtk_widget_get_last_child (box);
}

/* Clicks thing @index of @chart where it is drawn: a year's column just
 * above the axis, in its bar; a row in its middle. */
static void
click (Fixture              *fixture,
       MeasuresChart         chart,
       MeasuresChartHitKind  kind,
       guint                 index)
{
  MeasuresOverview *overview = measures_overview_view_get_overview (fixture->view);
  GtkWidget *area = measures_overview_view_get_chart (fixture->view, chart);
  MeasuresChartHit hit;
  double y;

  g_assert_true (measures_chart_locate (overview, chart, gtk_widget_get_width (area), kind, index, &hit));
  y = kind == MEASURES_CHART_HIT_YEAR ? hit.y + hit.height - 25 : hit.y + hit.height / 2;
  g_assert_true (measures_overview_view_activate_at (fixture->view, chart, hit.x + hit.width / 2, y));
  wait_painted (fixture);
}

static guint
category_of (MeasuresOverview *overview,
             const char       *key)
{
  for (guint c = 0; c < overview->categories->len; c++)
    if (g_strcmp0 (g_ptr_array_index (overview->category_keys, c), key) == 0)
      return c;

  g_assert_not_reached ();
}

/* After a click on a bar the chart shows what it filtered to: the
 * chosen year or form in full and the rest faded, with a caption that
 * names it and a button that shows all again; a second click on the
 * same bar does that too. Meanwhile each category keeps its colours. */
static void
test_click_shows_filter (Fixture       *fixture,
                         gconstpointer  data)
{
  MeasuresOverview *overview = measures_overview_view_get_overview (fixture->view);
  MeasuresChartStyle style = { FALSE };
  MeasuresFill policies, prevention, again;
  g_autofree char *trafficking = measures_vocabulary_label (MEASURES_FACET_FORM, "Trafficking");
  const char *caption;
  int from, to;
  guint form = G_MAXUINT;

  g_assert_null (filter_caption (fixture, MEASURES_CHART_YEARS));
  g_assert_null (filter_caption (fixture, MEASURES_CHART_FORMS));
  g_assert_false (overview->years_chosen);
  measures_chart_get_category_fill (overview, category_of (overview, "Policies"), &style, &policies);
  measures_chart_get_category_fill (overview, category_of (overview, "Prevention"), &style, &prevention);

  /* The bar of 2021. */
  click (fixture, MEASURES_CHART_YEARS, MEASURES_CHART_HIT_YEAR, 2021 - 2009);
  measures_query_get_years (fixture->query, &from, &to);
  g_assert_cmpint (from, ==, 2021);
  g_assert_cmpint (to, ==, 2021);
  overview = measures_overview_view_get_overview (fixture->view);
  g_assert_cmpint (overview->first_year, ==, 2018);
  g_assert_true (overview->years_chosen);
  g_assert_true (measures_overview_year_chosen (overview, 2021));
  g_assert_false (measures_overview_year_chosen (overview, 2019));
  caption = filter_caption (fixture, MEASURES_CHART_YEARS);
  g_test_message ("%s", caption);
  g_assert_nonnull (caption);
  g_assert_nonnull (strstr (caption, "2021"));
  g_assert_null (filter_caption (fixture, MEASURES_CHART_FORMS));

  /* Policies and Prevention, ranked otherwise now, look the same. */
  measures_chart_get_category_fill (overview, category_of (overview, "Policies"), &style, &again);
  g_assert_true (memcmp (&again.color, &policies.color, sizeof again.color) == 0 && again.hatch == policies.hatch);
  measures_chart_get_category_fill (overview, category_of (overview, "Prevention"), &style, &again);
  g_assert_true (memcmp (&again.color, &prevention.color, sizeof again.color) == 0 &&
                 again.hatch == prevention.hatch);

  /* The same bar again: all years. */
  click (fixture, MEASURES_CHART_YEARS, MEASURES_CHART_HIT_YEAR, 2021 - 2018);
  g_assert_false (measures_query_has_years (fixture->query));
  g_assert_null (filter_caption (fixture, MEASURES_CHART_YEARS));
  overview = measures_overview_view_get_overview (fixture->view);
  g_assert_cmpint (overview->first_year, ==, 2009);

  /* A form: chosen in full, its caption names it; Show All Forms. */
  for (guint i = 0; i < overview->by_form->len; i++)
    if (g_str_equal (measures_index_get_value (fixture->catalog->index, MEASURES_FACET_FORM,
                                               g_array_index (overview->by_form, MeasuresOverviewCount, i).value),
                     "Trafficking"))
      form = i;
  g_assert_cmpuint (form, !=, G_MAXUINT);
  click (fixture, MEASURES_CHART_FORMS, MEASURES_CHART_HIT_COUNT, form);
  g_assert_cmpuint (g_strv_length ((GStrv) measures_query_get_chosen (fixture->query, MEASURES_FACET_FORM)), ==, 1);
  overview = measures_overview_view_get_overview (fixture->view);
  for (guint i = 0; i < overview->by_form->len; i++)
    {
      const MeasuresOverviewCount *count = &g_array_index (overview->by_form, MeasuresOverviewCount, i);

      g_assert_true (count->chosen == g_str_equal (count->label, trafficking));
    }
  caption = filter_caption (fixture, MEASURES_CHART_FORMS);
  g_test_message ("%s", caption);
  g_assert_nonnull (caption);
  g_assert_nonnull (strstr (caption, trafficking));
  g_assert_null (filter_caption (fixture, MEASURES_CHART_YEARS));

  g_assert_true (GTK_IS_BUTTON (show_all_button (fixture, MEASURES_CHART_FORMS)));
  g_signal_emit_by_name (show_all_button (fixture, MEASURES_CHART_FORMS), "clicked");
  wait_painted (fixture);
  g_assert_null (measures_query_get_chosen (fixture->query, MEASURES_FACET_FORM)[0]);
  g_assert_null (filter_caption (fixture, MEASURES_CHART_FORMS));
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
  g_test_add ("/overview-view/click-shows-filter", Fixture, NULL, fixture_set_up, test_click_shows_filter,
              fixture_tear_down);

  return g_test_run ();
}
