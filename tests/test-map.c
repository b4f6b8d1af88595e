/* test-map.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coverage matrix and the world map as images: the canvas's shapes
 * in both backends, the map's countries
 * in SVG with their names and counts as text, what it cannot show, its
 * hit-testing, and PNG images that render.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "measures-atlas.h"
#include "measures-canvas-shapes.h"
#include "measures-coverage-chart.h"
#include "measures-loader.h"
#include "measures-map.h"
#include "measures-palette.h"
#include "synthetic-dataset.h"

typedef struct
{
  MeasuresIndex *index;
  MeasuresCoverage *coverage;
} Figures;

static void
figures_clear (Figures *figures)
{
  g_clear_pointer (&figures->coverage, measures_coverage_free);
  g_clear_object (&figures->index);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Figures, figures_clear)

static void
figures_init (Figures    *figures,
              GBytes     *bytes,
              const char *search)
{
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "map.json");
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;

  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  figures->index = measures_index_new (measures_dataset_get_measures (dataset));
  measures_query_set_search (query, search);
  result = measures_index_evaluate (figures->index, query);
  figures->coverage = measures_coverage_new (figures->index, result->matches, MEASURES_COVERAGE_BY_CATEGORY,
                                             MEASURES_COVERAGE_SORT_NAME, NULL);
}

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (contents, length);
}

/* An SVG document as text, checked to be well-formed by GMarkup. */
static char *
svg_text (GBytes *bytes)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { NULL };
  g_autoptr(GError) error = NULL;
  char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  return text;
}

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GInputStream *stream = closure;
  gsize read;

  if (!g_input_stream_read_all (stream, data, length, &read, NULL, NULL) || read != length)
    return CAIRO_STATUS_READ_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface_from_png (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return cairo_image_surface_create_from_png_stream (read_bytes, stream);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);

  return *(guint32 *) (void *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4)
         & 0xffffff;
}

static guint32
rgb (const MeasuresColor *color)
{
  return ((guint32) (color->red * 255 + 0.5) << 16) | ((guint32) (color->green * 255 + 0.5) << 8) |
         (guint32) (color->blue * 255 + 0.5);
}

/* Shapes */

static void
test_shapes_svg (void)
{
  static const double points[] = { 0, 0, 10, 0, 10, 10, 0, 10, 3, 3, 6, 3, 6, 6 };
  static const guint sizes[] = { 4, 3 };
  MeasuresShape shape = { points, sizes, 2 };
  MeasuresFill plain = { { 1, 0, 0, 1 }, MEASURES_HATCH_NONE };
  MeasuresFill hatched = { { 0, 0, 1, 1 }, MEASURES_HATCH_DIAGONAL, { 1, 1, 1, 1 } };
  MeasuresColor black = { 0, 0, 0, 1 };
  MeasuresTextRun run = { "Turned & <up>", 20, 30, 9, FALSE, 0, MEASURES_ALIGN_START, black };
  g_autoptr(MeasuresCanvas) canvas = measures_canvas_new_svg (100, 50, "Shapes", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  measures_canvas_begin_group (canvas, "RO", "Romania: 7 matching measures & more");
  measures_canvas_shape (canvas, &shape, &plain, &black, 0.5);
  measures_canvas_end_group (canvas);
  measures_canvas_begin_clip (canvas, 0, 0, 50, 25);
  measures_canvas_shape (canvas, &shape, &hatched, NULL, 0);
  measures_canvas_circle (canvas, 40.25, 20, 3.5, &plain, &black, 1);
  measures_canvas_end_clip (canvas);
  measures_canvas_text_rotated (canvas, &run, -45);
  bytes = measures_canvas_svg_finish (canvas);
  text = svg_text (bytes);

  g_assert_nonnull (strstr (text, "<g id=\"RO\">\n<title>Romania: 7 matching measures &amp; more</title>"));
  /* Two rings, the second a hole; steps relative, each from where the
   * reader is. */
  g_assert_nonnull (strstr (text, "<path d=\"M0 0l10 0 0 10 -10 0zM3 3l3 0 0 3z\" fill-rule=\"evenodd\""));
  g_assert_nonnull (strstr (text, "stroke-width=\"0.5\""));
  g_assert_nonnull (strstr (text, "fill=\"url(#hatch"));
  g_assert_nonnull (strstr (text, "<circle cx=\"40.2\" cy=\"20\" r=\"3.5\""));
  g_assert_nonnull (strstr (text, "<svg x=\"0\" y=\"0\" width=\"50\" height=\"25\" viewBox=\"0 0 50 25\""));
  g_assert_nonnull (strstr (text, "transform=\"rotate(-45 20 30)\""));
  g_assert_nonnull (strstr (text, ">Turned &amp; &lt;up&gt;</text>"));
}

static void
test_shapes_cairo (void)
{
  static const double points[] = { 10, 10, 90, 10, 90, 90, 10, 90, 40, 40, 60, 40, 60, 60, 40, 60 };
  static const guint sizes[] = { 4, 4 };
  MeasuresShape shape = { points, sizes, 2 };
  MeasuresFill red = { { 1, 0, 0, 1 }, MEASURES_HATCH_NONE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = measures_canvas_create_context (96);
  MeasuresCanvas *canvas;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  canvas = measures_canvas_new_cairo (cr, context);
  measures_canvas_begin_clip (canvas, 0, 0, 100, 80);
  measures_canvas_shape (canvas, &shape, &red, NULL, 0);
  measures_canvas_end_clip (canvas);
  measures_canvas_circle (canvas, 95, 95, 3, &red, NULL, 0);
  measures_canvas_free (canvas);

  /* Filled, but not in the hole, nor past the clip. */
  g_assert_cmphex (pixel_at (surface, 20, 20), ==, 0xff0000);
  g_assert_cmphex (pixel_at (surface, 50, 50), ==, 0xffffff);
  g_assert_cmphex (pixel_at (surface, 20, 85), ==, 0xffffff);
  g_assert_cmphex (pixel_at (surface, 95, 95), ==, 0xff0000);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The matrix */

static void
test_matrix_images (void)
{
  g_auto(Figures) figures = { NULL };
  g_autoptr(GBytes) bytes = fixture ("eleven.json");
  MeasuresChartStyle style = { FALSE };
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  double width, height;

  figures_init (&figures, bytes, NULL);
  measures_coverage_chart_get_size (figures.coverage, &width, &height);

  svg = measures_coverage_chart_to_svg (figures.coverage, &style);
  text = svg_text (svg);
  g_assert_nonnull (strstr (text, "<title id=\"title\">Measures per Country and Category</title>"));
  g_assert_nonnull (strstr (text, "<title>Romania: Matching measures: 7 of 7</title>"));
  g_assert_nonnull (strstr (text, ">Republic of Moldova</text>"));
  g_assert_nonnull (strstr (text, ">Administrative data</text>"));
  g_assert_nonnull (strstr (text, ">–</text>"));
  g_assert_nonnull (strstr (text, "<desc>Republic of Moldova: 4 (Administrative data 1"));

  png = measures_coverage_chart_to_png (figures.coverage, 1, &style, &error);
  g_assert_no_error (error);
  surface = surface_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height));
  cairo_surface_destroy (surface);

  g_assert_null (measures_coverage_chart_to_png (figures.coverage, 9, &style, &error));
  g_assert_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_BAD_SIZE);
}

/* The map */

static int
row_of (MeasuresCoverage *coverage,
        const char       *label)
{
  for (guint r = 0; r < coverage->rows->len; r++)
    if (g_str_equal (g_array_index (coverage->rows, MeasuresCoverageRow, r).label, label))
      return r;

  return -1;
}

/* What an SVG image says, read by GMarkup: each group's id with the text
 * of its title, and the text of every <text>. */
typedef struct
{
  GHashTable *titles;       /* id → title */
  GPtrArray *texts;
  char *group;              /* the id of the group whose title comes */
  GString *text;            /* of the element being read, or NULL */
  gboolean in_title;
} SvgReading;

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  SvgReading *reading = data;

  if (g_str_equal (element, "g"))
    {
      g_clear_pointer (&reading->group, g_free);
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "id"))
          reading->group = g_strdup (values[i]);
    }
  else if (g_str_equal (element, "text") || (g_str_equal (element, "title") && reading->group != NULL))
    {
      reading->in_title = g_str_equal (element, "title");
      reading->text = g_string_new (NULL);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  SvgReading *reading = data;

  if (reading->text == NULL)
    return;

  if (reading->in_title)
    {
      g_hash_table_insert (reading->titles, g_steal_pointer (&reading->group), g_strdup (reading->text->str));
      reading->in_title = FALSE;
    }
  else
    g_ptr_array_add (reading->texts, g_strdup (reading->text->str));
  g_string_free (g_steal_pointer (&reading->text), TRUE);
}

static void
element_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              data,
              GError              **error)
{
  SvgReading *reading = data;

  if (reading->text != NULL)
    g_string_append_len (reading->text, text, length);
}

static void
read_svg (const char *svg,
          GHashTable *titles,
          GPtrArray  *texts)
{
  GMarkupParser parser = { start_element, end_element, element_text };
  SvgReading reading = { titles, texts };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reading, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_no_error (error);
  g_free (reading.group);
}

/* Every country of the data is on the map, as a group of its own with
 * its name and count as text, or listed under it. */
static void
check_every_country (MeasuresCoverage *coverage,
                     const char       *svg)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  read_svg (svg, titles, texts);

  for (guint r = 0; r < coverage->rows->len; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);

      if (row->on_map)
        {
          const char *title = g_hash_table_lookup (titles, row->code);
          g_autofree char *expected = g_strdup_printf ("%s: %u matching measure", row->label, row->matches);

          g_assert_nonnull (title);
          g_assert_true (g_str_has_prefix (title, expected));
        }
      else
        {
          g_assert_true (g_ptr_array_find_with_equal_func (texts, "Not on the map:", g_str_equal, NULL));
          g_assert_true (g_ptr_array_find_with_equal_func (texts, row->label, g_str_equal, NULL));
        }
    }
}

static void
test_map_eleven (void)
{
  g_auto(Figures) figures = { NULL };
  g_autoptr(GBytes) bytes = fixture ("eleven.json");
  MeasuresAtlas *atlas = measures_atlas_get_default ();

  figures_init (&figures, bytes, NULL);

  for (MeasuresMapZoom zoom = 0; zoom < MEASURES_N_MAP_ZOOMS; zoom++)
    for (guint dark = 0; dark < 2; dark++)
      {
        MeasuresChartStyle style = { dark };
        g_autoptr(GBytes) svg = measures_map_to_svg (figures.coverage, zoom, MEASURES_MAP_IMAGE_WIDTH, &style);
        g_autofree char *text = svg_text (svg);
        g_autoptr(GBytes) png = NULL;
        g_autoptr(GError) error = NULL;
        const MeasuresAtlasCountry *romania = measures_atlas_get_country (atlas, measures_atlas_find (atlas, "RO"));
        const MeasuresAtlasCountry *france = measures_atlas_get_country (atlas, measures_atlas_find (atlas, "FR"));
        MeasuresAtlasView view;
        cairo_surface_t *surface;
        MeasuresFill fill;
        MeasuresColor ink;
        double scale, x, y;
        MeasuresMapHit hit;

        check_every_country (figures.coverage, text);
        g_assert_nonnull (strstr (text, "<g id=\"RO\">\n<title>Romania: 7 matching measures</title>"));
        g_assert_nonnull (strstr (text, "<g id=\"FR\">\n<title>France: no measures in the data</title>"));
        g_assert_null (strstr (text, ">Not on the map:</text>"));

        /* The PNG renders, Romania at its centre in the shade of the
         * most; and the point there is Romania. */
        png = measures_map_to_png (figures.coverage, zoom, MEASURES_MAP_IMAGE_WIDTH, 1, &style, &error);
        g_assert_no_error (error);
        surface = surface_from_png (png);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpfloat (cairo_image_surface_get_height (surface), ==,
                           ceil (measures_map_get_height (figures.coverage, zoom, MEASURES_MAP_IMAGE_WIDTH)));

        g_assert_true (measures_atlas_get_view (atlas, measures_map_zoom_get_name (zoom), &view));
        scale = MEASURES_MAP_IMAGE_WIDTH / view.width;
        x = (romania->x - view.x) * scale;
        y = (romania->y - view.y) * scale;
        /* Beside the number written at the centre, where Romania is
         * large enough. */
        if (zoom == MEASURES_MAP_EUROPE)
          {
            measures_palette_get_shade (MEASURES_SHADE_LEVEL, MEASURES_PALETTE_N_LEVELS - 1, &style,
                                        &fill, &ink);
            g_assert_cmphex (pixel_at (surface, (int) x - 20, (int) y + 8), ==, rgb (&fill.color));
          }
        cairo_surface_destroy (surface);

        g_assert_true (measures_map_hit (figures.coverage, zoom, MEASURES_MAP_IMAGE_WIDTH, x, y, &hit));
        g_assert_cmpint (hit.country, ==, measures_atlas_find (atlas, "RO"));
        g_assert_cmpint (hit.row, ==, row_of (figures.coverage, "Romania"));
        g_assert_true (measures_map_hit (figures.coverage, zoom, MEASURES_MAP_IMAGE_WIDTH, (france->x - view.x) * scale,
                                         (france->y - view.y) * scale, &hit));
        g_assert_cmpint (hit.country, ==, measures_atlas_find (atlas, "FR"));
        g_assert_cmpint (hit.row, ==, -1);
        g_assert_false (measures_map_hit (figures.coverage, zoom, MEASURES_MAP_IMAGE_WIDTH, -1, 10, &hit));
        g_assert_cmpint (hit.country, ==, -1);
      }

  /* Tooltips and the table. */
  {
    MeasuresMapHit romania = { measures_atlas_find (atlas, "RO"), row_of (figures.coverage, "Romania") };
    MeasuresMapHit france = { measures_atlas_find (atlas, "FR"), -1 };
    g_autofree char *on_romania = measures_map_describe_hit (figures.coverage, &romania, NULL);
    g_autofree char *on_france = measures_map_describe_hit (figures.coverage, &france, NULL);
    g_autoptr(GPtrArray) table = measures_map_get_table (figures.coverage, NULL);
    g_autofree char *description = measures_map_describe (figures.coverage, NULL);

    g_assert_cmpstr (on_romania, ==, "Romania\nMatching measures: 7 of 7");
    g_assert_cmpstr (on_france, ==, "France: no measures in the data");
    g_assert_cmpuint (table->len, ==, 3);
    g_assert_cmpstr (((GStrv) g_ptr_array_index (table, 2))[0], ==, "Romania");
    g_assert_cmpstr (((GStrv) g_ptr_array_index (table, 2))[2], ==, "7");
    g_assert_cmpstr (((GStrv) g_ptr_array_index (table, 2))[3], ==, "");
    g_assert_cmpstr (description, ==, "Republic of Moldova: 4; Romania: 7");
  }
}

/* At world scale: countries not on the map listed, small states as
 * dots that can be pointed at. */
static void
test_map_synthetic (void)
{
  g_auto(Figures) figures = { NULL };
  g_autoptr(GBytes) bytes = synthetic_dataset (20000, 200, 30, 5);
  MeasuresChartStyle style = { FALSE };
  MeasuresAtlas *atlas = measures_atlas_get_default ();
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) table = NULL;
  const MeasuresAtlasCountry *malta = measures_atlas_get_country (atlas, measures_atlas_find (atlas, "MT"));
  MeasuresAtlasView world;
  MeasuresMapHit hit;
  double scale;
  int row;

  figures_init (&figures, bytes, "law");
  svg = measures_map_to_svg (figures.coverage, MEASURES_MAP_WORLD, MEASURES_MAP_IMAGE_WIDTH, &style);
  text = svg_text (svg);
  check_every_country (figures.coverage, text);
  g_assert_nonnull (strstr (text, ">Antarctica</text>"));

  table = measures_map_get_table (figures.coverage, NULL);
  row = row_of (figures.coverage, "Antarctica");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (table, row + 1))[3], ==, "Not on the map");

  g_assert_true (measures_atlas_get_view (atlas, "world", &world));
  scale = MEASURES_MAP_IMAGE_WIDTH / world.width;
  g_assert_true (measures_map_hit (figures.coverage, MEASURES_MAP_WORLD, MEASURES_MAP_IMAGE_WIDTH,
                                   (malta->x - world.x) * scale + 2, (malta->y - world.y) * scale + 2, &hit));
  g_assert_cmpint (hit.country, ==, measures_atlas_find (atlas, "MT"));
  g_assert_cmpint (hit.row, ==, row_of (figures.coverage, "Malta"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/shapes-svg", test_shapes_svg);
  g_test_add_func ("/map/shapes-cairo", test_shapes_cairo);
  g_test_add_func ("/map/matrix-images", test_matrix_images);
  g_test_add_func ("/map/eleven", test_map_eleven);
  g_test_add_func ("/map/synthetic", test_map_synthetic);

  return g_test_run ();
}
