/* test-pages.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary's pages, laid out one at a time: any page drawn on its own
 * (as printing and its preview ask for them) is the page drawn in order;
 * the summary's parts are the same each time they are made; and the
 * JSON written as it is made is what the whole tree gives.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "measures-loader.h"
#include "measures-pages.h"
#include "measures-summary.h"
#include "measures-writer.h"

static GPtrArray *bundled;

/* Pages small enough that descriptions run over several of them, fields
 * and list items fall on page breaks, and the contents take pages. */
#define PAGE_WIDTH 300.0
#define PAGE_HEIGHT 260.0
#define SCALE 0.5

/* Page @page of @pages drawn into an image of its own. */
static GBytes *
draw (MeasuresPages *pages,
      guint          page)
{
  int width = (int) (PAGE_WIDTH * SCALE);
  int height = (int) (PAGE_HEIGHT * SCALE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GBytes *pixels;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  measures_pages_draw (pages, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * height);
  cairo_surface_destroy (surface);

  return pixels;
}

static MeasuresPages *
lay_out (MeasuresSummary *summary)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  MeasuresPages *pages;

  /* As for PDF: points, and no hinting of metrics, so that the layout
   * does not depend on the image it is first drawn into. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (context, options);
    cairo_font_options_destroy (options);
  }
  pango_cairo_context_set_resolution (context, 72);
  pages = measures_pages_new (summary, context, PAGE_WIDTH, PAGE_HEIGHT);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return pages;
}

/* Every page drawn backwards, skipping about, twice, and each by a
 * layout of its own that drew nothing before, is the page drawn in
 * order. */
static void
test_any_order (void)
{
  g_autoptr(GPtrArray) some = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MeasuresSummary) summary = NULL;
  MeasuresPages *pages;
  guint n_pages;
  g_autoptr(GPtrArray) in_order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint distinct = 0;

  /* Measures with long descriptions and lists among them. */
  for (guint i = 0; i < 16; i++)
    g_ptr_array_add (some, g_object_ref (g_ptr_array_index (bundled, i)));
  summary = measures_summary_new (some, NULL, FALSE, "en", NULL);
  pages = lay_out (summary);
  n_pages = measures_pages_get_n_pages (pages);
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >, 20);
  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (in_order, draw (pages, i));
  for (guint i = 1; i < n_pages; i++)
    if (!g_bytes_equal (g_ptr_array_index (in_order, i), g_ptr_array_index (in_order, i - 1)))
      distinct++;
  g_assert_cmpuint (distinct, ==, n_pages - 1);

  for (guint i = n_pages; i-- > 0;)
    {
      g_autoptr(GBytes) again = draw (pages, i);

      g_assert_true (g_bytes_equal (again, g_ptr_array_index (in_order, i)));
    }
  for (guint i = 0; i < n_pages; i += 7)
    {
      g_autoptr(GBytes) again = draw (pages, (i * 31) % n_pages);
      g_autoptr(GBytes) twice = draw (pages, (i * 31) % n_pages);

      g_assert_true (g_bytes_equal (again, g_ptr_array_index (in_order, (i * 31) % n_pages)));
      g_assert_true (g_bytes_equal (twice, again));
    }
  measures_pages_free (pages);

  for (guint i = 0; i < n_pages; i += n_pages / 3)
    {
      MeasuresPages *fresh = lay_out (summary);
      g_autoptr(GBytes) alone = draw (fresh, i);

      g_assert_cmpuint (measures_pages_get_n_pages (fresh), ==, n_pages);
      g_assert_true (g_bytes_equal (alone, g_ptr_array_index (in_order, i)));
      measures_pages_free (fresh);
    }
}

/* A measure's blocks are made anew each time, the same; the cover is the
 * summary's own. */
static void
test_parts (void)
{
  g_autoptr(MeasuresSummary) summary = measures_summary_new (bundled, NULL, FALSE, "ro", NULL);
  g_autoptr(GPtrArray) cover = measures_summary_dup_part (summary, 0);
  guint n_parts = measures_summary_get_n_parts (summary);

  g_assert_cmpuint (n_parts, ==, bundled->len + 1);
  g_assert_true (cover == summary->blocks);

  for (guint p = 1; p < n_parts; p++)
    {
      g_autoptr(GPtrArray) first = measures_summary_dup_part (summary, p);
      g_autoptr(GPtrArray) second = measures_summary_dup_part (summary, p);
      const MeasuresSummaryBlock *start = g_ptr_array_index (first, 0);

      g_assert_cmpint (start->kind, ==, MEASURES_SUMMARY_PAGE_BREAK);
      g_assert_cmpuint (start->measure, ==, p);
      g_assert_cmpuint (first->len, ==, second->len);
      for (guint i = 0; i < first->len; i++)
        {
          const MeasuresSummaryBlock *a = g_ptr_array_index (first, i);
          const MeasuresSummaryBlock *b = g_ptr_array_index (second, i);

          g_assert_true (a != b);
          g_assert_cmpint (a->kind, ==, b->kind);
          g_assert_cmpstr (a->text, ==, b->text);
          g_assert_cmpstr (a->label, ==, b->label);
          g_assert_cmpuint (a->group, ==, b->group);
        }
    }
}

/* The JSON of the bundled measures, written record after record, is
 * byte for byte what the tree of all of them gives. */
static void
test_json_as_tree (void)
{
  g_autoptr(GBytes) streamed = measures_writer_json (bundled);
  gsize length;
  g_autofree char *reference = measures_measure_list_to_json (bundled, &length);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GBytes) empty = measures_writer_json (none);
  g_autofree char *empty_reference = measures_measure_list_to_json (none, &length);

  g_assert_cmpmem (g_bytes_get_data (streamed, NULL), g_bytes_get_size (streamed), reference, strlen (reference));
  g_assert_cmpmem (g_bytes_get_data (empty, NULL), g_bytes_get_size (empty), empty_reference, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
  file = g_file_new_for_path (path);
  dataset = measures_loader_load_file (file, NULL);
  bundled = g_ptr_array_ref (measures_dataset_get_measures (dataset));

  g_test_add_func ("/pages/any-order", test_any_order);
  g_test_add_func ("/pages/parts", test_parts);
  g_test_add_func ("/pages/json-as-tree", test_json_as_tree);

  return g_test_run ();
}
