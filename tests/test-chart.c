/* test-chart.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws every chart of the bundled measures, in light and dark, on an
 * image with no display. MEASURES_CHART_OUTPUT=folder keeps the images.
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "measures-chart.h"
#include "measures-loader.h"

static MeasuresOverview *
bundled_overview (MeasuresCatalog **catalog)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresBitset) all = NULL;

  *catalog = measures_loader_load_catalog (&file, 1, NULL);
  all = measures_bitset_new (measures_index_get_n_measures ((*catalog)->index));
  measures_bitset_fill (all);

  return measures_overview_new ((*catalog)->index, all, 2026);
}

/* How many pixels differ from the background. */
static guint
painted (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint count = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      count += ((const guint32 *) (data + y * stride))[x] != ((const guint32 *) data)[0];

  return count;
}

static void
test_draw_all (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog);
  const char *names[] = { "years", "forms", "types", "timeline" };
  const char *output = g_getenv ("MEASURES_CHART_OUTPUT");

  for (guint dark = 0; dark < 2; dark++)
    for (guint chart = MEASURES_CHART_YEARS; chart <= MEASURES_CHART_TIMELINE; chart++)
      {
        MeasuresChartStyle style = { dark };
        double width = 800;
        double height = measures_chart_get_height (overview, chart, width);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
        cairo_t *cr = cairo_create (surface);
        PangoContext *context = pango_cairo_create_context (cr);

        g_assert_cmpfloat (height, >, 40);
        pango_cairo_context_set_resolution (context, 96);
        cairo_set_source_rgb (cr, dark ? 0.14 : 1, dark ? 0.14 : 1, dark ? 0.14 : 1);
        cairo_paint (cr);
        measures_chart_draw (overview, chart, cr, context, width, height, &style);

        /* Something was drawn: bars, numbers and labels. */
        g_assert_cmpuint (painted (surface), >, 2000);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

        if (output != NULL)
          {
            g_autofree char *name = g_strdup_printf ("%s/%s%s.png", output, names[chart], dark ? "-dark" : "");

            cairo_surface_write_to_png (surface, name);
          }

        g_object_unref (context);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/draw-all", test_draw_all);

  return g_test_run ();
}
