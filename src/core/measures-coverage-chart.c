/* measures-coverage-chart.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-coverage-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "measures-canvas-shapes.h"
#include "measures-coverage-chart.h"
#include "measures-text.h"

/* The coverage matrix as an image, drawn once through a MeasuresCanvas
 * for PNG (Cairo) and SVG (with its text as text): a row per country
 * under its region's name, a column per category or form with its name
 * turned upwards, each cell its count on a shade of its count, and the
 * country's matching measures at the end of its row. The window's table
 * is made of widgets, for the keyboard and screen readers, but takes its
 * shades from here, so that it looks like the image.
 *
 * Shades: five levels of one hue, light to dark (dark to light in the
 * dark style), each with the text colour that reads best on it; a zero
 * the filters make on a plain grey; "none", no such measure at all, on
 * the background, hatched, with a dash. Every cell carries its number,
 * so the image reads in black and white. */

#define LABEL_WIDTH 170.0
#define CELL_WIDTH 34.0
#define ROW 22.0
#define GROUP 26.0
#define HEAD 124.0
#define TOTAL_WIDTH 58.0
#define OVERFLOW 92.0        /* the last headings, turned, reach past the cells */
#define LEGEND 70.0
#define HEADING_LENGTH 150.0

static const MeasuresColor light_levels[MEASURES_COVERAGE_N_LEVELS] = {
  { 0xd7 / 255.0, 0xe7 / 255.0, 0xfb / 255.0, 1 },
  { 0x99 / 255.0, 0xc1 / 255.0, 0xf1 / 255.0, 1 },   /* blue 1 */
  { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1 },   /* blue 2 */
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 },   /* blue 4 */
  { 0x14 / 255.0, 0x47 / 255.0, 0x88 / 255.0, 1 },   /* darker than blue 5 */
};

static const MeasuresColor dark_levels[MEASURES_COVERAGE_N_LEVELS] = {
  { 0x1b / 255.0, 0x33 / 255.0, 0x55 / 255.0, 1 },
  { 0x1a / 255.0, 0x4f / 255.0, 0x95 / 255.0, 1 },
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 },   /* blue 4 */
  { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1 },   /* blue 2 */
  { 0xb4 / 255.0, 0xd3 / 255.0, 0xf6 / 255.0, 1 },
};

/**
 * measures_coverage_chart_get_level:
 * @count: a count, at least 1
 * @max: the largest count shown
 *
 * Returns: the shade of @count, from 0 (the fewest) to
 *   %MEASURES_COVERAGE_N_LEVELS - 1 (the most): equal steps of @max
 */
guint
measures_coverage_chart_get_level (guint count,
                                   guint max)
{
  if (count == 0 || max == 0)
    return 0;

  return MIN ((guint) ceil ((double) MEASURES_COVERAGE_N_LEVELS * count / max), MEASURES_COVERAGE_N_LEVELS) - 1;
}

/**
 * measures_coverage_chart_get_level_range:
 * @level: a shade
 * @max: the largest count shown
 *
 * Returns: (transfer full) (nullable): the counts @level stands for, such
 *   as "4–6", for a legend; %NULL when no count has it
 */
char *
measures_coverage_chart_get_level_range (guint level,
                                         guint max)
{
  guint low = 0, high = 0;

  for (guint count = 1; count <= max; count++)
    if (measures_coverage_chart_get_level (count, max) == level)
      {
        if (low == 0)
          low = count;
        high = count;
      }
    else if (low != 0)
      break;

  if (low == 0)
    return NULL;
  if (low == high)
    return measures_text_format_count (low);

  {
    g_autofree char *from = measures_text_format_count (low);
    g_autofree char *to = measures_text_format_count (high);

    return g_strdup_printf ("%s–%s", from, to);
  }
}

/* The one of the style's two text colours that reads best on @fill. */
static MeasuresColor
text_on (const MeasuresColor       *fill,
         const MeasuresChartColors *colors)
{
  MeasuresColor black = colors->text, white = colors->background;

  if (measures_color_luminance (&colors->background) < 0.5)
    {
      black = colors->background;
      white = colors->text;
    }

  return measures_color_contrast (&black, fill) >= measures_color_contrast (&white, fill) ? black : white;
}

/**
 * measures_coverage_chart_get_shade:
 * @shade: what the shade says
 * @level: for %MEASURES_COVERAGE_SHADE_LEVEL, which level
 * @style: light or dark
 * @fill: (out): the fill
 * @text: (out): the colour of text on it, 4.5:1 or more against it
 *
 * The shades of the matrix and of the map.
 */
void
measures_coverage_chart_get_shade (MeasuresCoverageShade     shade,
                                   guint                     level,
                                   const MeasuresChartStyle *style,
                                   MeasuresFill             *fill,
                                   MeasuresColor            *text)
{
  MeasuresChartColors colors;
  gboolean dark = style != NULL && style->dark;

  measures_chart_get_colors (style, &colors);
  *fill = (MeasuresFill) { colors.background, MEASURES_HATCH_NONE, colors.grid, FALSE };

  switch (shade)
    {
    case MEASURES_COVERAGE_SHADE_NONE:
      fill->hatch = MEASURES_HATCH_DIAGONAL;
      *text = colors.dim_text;
      break;
    case MEASURES_COVERAGE_SHADE_ZERO:
      fill->color = dark ? (MeasuresColor) { 0.19, 0.19, 0.19, 1 } : (MeasuresColor) { 0.94, 0.94, 0.94, 1 };
      *text = colors.dim_text;
      break;
    case MEASURES_COVERAGE_SHADE_LEVEL:
    default:
      fill->color = (dark ? dark_levels : light_levels)[MIN (level, MEASURES_COVERAGE_N_LEVELS - 1)];
      *text = text_on (&fill->color, &colors);
      break;
    }
}

/**
 * measures_coverage_chart_get_cell_colors:
 * @coverage: the matrix
 * @row: a row
 * @column: a column
 * @style: light or dark
 * @fill: (out): the cell's fill
 * @text: (out): the colour of its text
 */
void
measures_coverage_chart_get_cell_colors (MeasuresCoverage         *coverage,
                                         guint                     row,
                                         guint                     column,
                                         const MeasuresChartStyle *style,
                                         MeasuresFill             *fill,
                                         MeasuresColor            *text)
{
  const MeasuresCoverageRow *r;

  g_return_if_fail (coverage != NULL);
  g_return_if_fail (row < coverage->rows->len && column < coverage->columns->len);

  r = &g_array_index (coverage->rows, MeasuresCoverageRow, row);
  if (r->possible[column] == 0)
    measures_coverage_chart_get_shade (MEASURES_COVERAGE_SHADE_NONE, 0, style, fill, text);
  else if (r->cells[column] == 0)
    measures_coverage_chart_get_shade (MEASURES_COVERAGE_SHADE_ZERO, 0, style, fill, text);
  else
    measures_coverage_chart_get_shade (MEASURES_COVERAGE_SHADE_LEVEL,
                                       measures_coverage_chart_get_level (r->cells[column], coverage->max),
                                       style, fill, text);
}

/* Drawing */

static const char *
tr (const MeasuresChartStyle *style,
    const char               *context,
    const char               *msgid)
{
  if (style != NULL && style->translations != NULL)
    return measures_translations_get (style->translations, context, msgid);
  if (context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);

  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/**
 * measures_coverage_chart_get_size:
 * @coverage: the matrix
 * @width: (out): the width it needs
 * @height: (out): the height it needs
 *
 * The matrix is drawn at its own size, a cell per count: scale it to
 * fit a page.
 */
void
measures_coverage_chart_get_size (MeasuresCoverage *coverage,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (coverage != NULL);

  *width = LABEL_WIDTH + CELL_WIDTH * coverage->columns->len + TOTAL_WIDTH + OVERFLOW;
  *height = HEAD + GROUP * coverage->groups->len + ROW * MAX (coverage->rows->len, 1) + LEGEND;
}

static void
text (MeasuresCanvas      *canvas,
      const char          *str,
      double               size,
      gboolean             bold,
      double               x,
      double               y,
      double               max_width,
      MeasuresAlign        align,
      const MeasuresColor *color)
{
  MeasuresTextRun run = { str, x, y, size, bold, max_width, align, *color };

  measures_canvas_text (canvas, &run);
}

/* A column's name, turned to read upwards to the right from the foot of
 * its column. */
static void
heading (MeasuresCanvas            *canvas,
         const char                *label,
         double                     x,
         const MeasuresChartColors *colors)
{
  MeasuresTextRun run = { label, x + CELL_WIDTH / 2 - 5, HEAD - 16, 8.5, FALSE, HEADING_LENGTH, MEASURES_ALIGN_START,
                          colors->text };

  measures_canvas_text_rotated (canvas, &run, -45);
}

static void
paint_legend (MeasuresCoverage          *coverage,
              MeasuresCanvas            *canvas,
              const MeasuresChartStyle  *style,
              const MeasuresChartColors *colors,
              double                     y)
{
  double x = 0;
  MeasuresFill fill;
  MeasuresColor ink;

  for (guint level = 0; level < MEASURES_COVERAGE_N_LEVELS; level++)
    {
      g_autofree char *range = measures_coverage_chart_get_level_range (level, coverage->max);

      if (range == NULL)
        continue;
      measures_coverage_chart_get_shade (MEASURES_COVERAGE_SHADE_LEVEL, level, style, &fill, &ink);
      measures_canvas_fill_rect (canvas, x, y, 44, ROW - 4, &fill);
      text (canvas, range, 8, FALSE, x + 22, y + 3, 42, MEASURES_ALIGN_CENTER, &ink);
      x += 46;
    }

  x = 0;
  y += ROW;
  measures_coverage_chart_get_shade (MEASURES_COVERAGE_SHADE_ZERO, 0, style, &fill, &ink);
  measures_canvas_fill_rect (canvas, x, y, 26, ROW - 4, &fill);
  text (canvas, "0", 8, FALSE, x + 13, y + 3, 0, MEASURES_ALIGN_CENTER, &ink);
  /* Translators: the legend of the coverage matrix, by a cell showing 0 */
  text (canvas, tr (style, "coverage", NC_("coverage", "none match the filters")), 8.5, FALSE, x + 32, y + 3,
        180, MEASURES_ALIGN_START, &colors->dim_text);

  x += 220;
  measures_coverage_chart_get_shade (MEASURES_COVERAGE_SHADE_NONE, 0, style, &fill, &ink);
  measures_canvas_fill_rect (canvas, x, y, 26, ROW - 4, &fill);
  text (canvas, tr (style, "coverage", NC_("coverage", "–")), 8, FALSE, x + 13, y + 3, 0, MEASURES_ALIGN_CENTER, &ink);
  /* Translators: the legend of the coverage matrix, by a cell showing – */
  text (canvas, tr (style, "coverage", NC_("coverage", "none in the data")), 8.5, FALSE, x + 32, y + 3,
        180, MEASURES_ALIGN_START, &colors->dim_text);
}

/**
 * measures_coverage_chart_paint:
 * @coverage: the matrix
 * @canvas: where to draw, with the matrix's top left corner at the
 *   origin, at the size measures_coverage_chart_get_size() gives
 * @style: light or dark, and the language of its own words
 *
 * Draws the matrix on its background.
 */
void
measures_coverage_chart_paint (MeasuresCoverage         *coverage,
                               MeasuresCanvas           *canvas,
                               const MeasuresChartStyle *style)
{
  MeasuresChartColors colors;
  MeasuresFill background;
  double width, height, y = HEAD;
  double right;

  g_return_if_fail (coverage != NULL);
  g_return_if_fail (canvas != NULL);

  measures_chart_get_colors (style, &colors);
  measures_coverage_chart_get_size (coverage, &width, &height);
  right = LABEL_WIDTH + CELL_WIDTH * coverage->columns->len;
  background = (MeasuresFill) { colors.background, MEASURES_HATCH_NONE, colors.background, FALSE };
  measures_canvas_fill_rect (canvas, 0, 0, width, height, &background);

  for (guint c = 0; c < coverage->columns->len; c++)
    heading (canvas, g_array_index (coverage->columns, MeasuresCoverageColumn, c).label,
             LABEL_WIDTH + c * CELL_WIDTH, &colors);
  /* Translators: the heading of the last column of the coverage matrix:
   * each country's matching measures, of any category or form */
  heading (canvas, tr (style, "coverage", NC_("coverage", "All Matching")), right + (TOTAL_WIDTH - CELL_WIDTH),
           &colors);
  measures_canvas_line (canvas, LABEL_WIDTH, HEAD - 0.5, right + TOTAL_WIDTH, HEAD - 0.5, 1, &colors.axis);

  for (guint g = 0; g < coverage->groups->len; g++)
    {
      const MeasuresCoverageGroup *group = &g_array_index (coverage->groups, MeasuresCoverageGroup, g);
      g_autofree char *id = g_strdup_printf ("region-%u", g + 1);

      measures_canvas_begin_group (canvas, id, group->label);
      text (canvas, group->label, 9.5, TRUE, 0, y + 8, LABEL_WIDTH + CELL_WIDTH * coverage->columns->len,
            MEASURES_ALIGN_START, &colors.text);
      y += GROUP;

      for (guint r = group->first; r < group->first + group->n_rows; r++, y += ROW)
        {
          const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
          g_autofree char *total = measures_text_format_count (row->matches);
          g_autofree char *description = measures_coverage_describe_row (coverage, r, style != NULL ? style->translations
                                                                                                   : NULL);

          measures_canvas_begin_group (canvas, NULL, description);
          text (canvas, row->label, 9, FALSE, 8, y + 3, LABEL_WIDTH - 14, MEASURES_ALIGN_START, &colors.text);
          for (guint c = 0; c < coverage->columns->len; c++)
            {
              g_autofree char *cell = measures_coverage_format_cell (coverage, r, c, style != NULL ? style->translations
                                                                                                  : NULL);
              double x = LABEL_WIDTH + c * CELL_WIDTH;
              MeasuresFill fill;
              MeasuresColor ink;

              measures_coverage_chart_get_cell_colors (coverage, r, c, style, &fill, &ink);
              measures_canvas_fill_rect (canvas, x + 1, y + 1, CELL_WIDTH - 2, ROW - 2, &fill);
              text (canvas, cell, 8, FALSE, x + CELL_WIDTH / 2, y + 4, CELL_WIDTH - 4, MEASURES_ALIGN_CENTER, &ink);
            }
          text (canvas, total, 9, TRUE, right + TOTAL_WIDTH - 6, y + 3, TOTAL_WIDTH - 8, MEASURES_ALIGN_END,
                &colors.text);
          measures_canvas_end_group (canvas);
        }
      measures_canvas_end_group (canvas);
    }

  if (coverage->rows->len == 0)
    /* Translators: in an empty coverage matrix */
    text (canvas, tr (style, NULL, N_("No measure to count")), 9, FALSE, 0, y + 3, width, MEASURES_ALIGN_START,
          &colors.dim_text);

  paint_legend (coverage, canvas, style, &colors, height - LEGEND + 14);
}

/**
 * measures_coverage_chart_describe:
 * @coverage: the matrix
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full): the matrix in one text, for an image's
 *   description: each country with its counts that are not zero
 */
char *
measures_coverage_chart_describe (MeasuresCoverage     *coverage,
                                  MeasuresTranslations *translations)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (coverage != NULL, NULL);

  for (guint r = 0; r < coverage->rows->len; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
      gboolean any = FALSE;

      g_autofree char *matches = measures_text_format_count (row->matches);

      g_string_append_printf (out, "%s%s: %s", r > 0 ? "; " : "", row->label, matches);
      for (guint c = 0; c < coverage->columns->len; c++)
        if (row->cells[c] > 0)
          {
            g_autofree char *count = measures_text_format_count (row->cells[c]);

            g_string_append_printf (out, "%s%s %s", any ? ", " : " (",
                                    g_array_index (coverage->columns, MeasuresCoverageColumn, c).label, count);
            any = TRUE;
          }
      if (any)
        g_string_append_c (out, ')');
    }

  return g_string_free (out, FALSE);
}

/**
 * measures_coverage_chart_to_png:
 * @coverage: the matrix
 * @scale: how many pixels per unit, from 0.25 to 8
 * @style: light or dark
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the PNG image, at its own size
 *   times @scale
 */
GBytes *
measures_coverage_chart_to_png (MeasuresCoverage          *coverage,
                                double                     scale,
                                const MeasuresChartStyle  *style,
                                GError                   **error)
{
  double width, height;
  int pixel_width, pixel_height;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(MeasuresCanvas) canvas = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (coverage != NULL, NULL);

  measures_coverage_chart_get_size (coverage, &width, &height);
  pixel_width = (int) ceil (width * scale);
  pixel_height = (int) ceil (height * scale);
  if (!(scale >= 0.25 && scale <= 8) || pixel_width > 32767 || pixel_height > 32767)
    {
      g_set_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_BAD_SIZE,
                   _("The scale must be from 0.25 to 8 and the image at most 32,767 pixels wide and high, "
                     "not a scale of %g"), scale);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  context = measures_canvas_create_context (96);
  pango_cairo_update_context (cr, context);
  canvas = measures_canvas_new_cairo (cr, context);
  measures_coverage_chart_paint (coverage, canvas, style);
  g_clear_pointer (&canvas, measures_canvas_free);
  g_object_unref (context);
  cairo_destroy (cr);

  data = g_byte_array_new ();
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, measures_canvas_append_to_array, data);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_DRAWING,
                   _("Could not draw the image: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * measures_coverage_chart_to_svg:
 * @coverage: the matrix
 * @style: light or dark
 *
 * Returns: (transfer full): the SVG image, its text as text: a group per
 *   region and per country, titled with its name and figures
 */
GBytes *
measures_coverage_chart_to_svg (MeasuresCoverage         *coverage,
                                const MeasuresChartStyle *style)
{
  MeasuresTranslations *translations = style != NULL ? style->translations : NULL;
  g_autofree char *description = NULL;
  g_autoptr(MeasuresCanvas) canvas = NULL;
  double width, height;

  g_return_val_if_fail (coverage != NULL, NULL);

  description = measures_coverage_chart_describe (coverage, translations);
  measures_coverage_chart_get_size (coverage, &width, &height);
  canvas = measures_canvas_new_svg (width, height, measures_coverage_get_title (coverage->by, translations),
                                    description);
  measures_coverage_chart_paint (coverage, canvas, style);

  return measures_canvas_svg_finish (canvas);
}
