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
#include "measures-chart-private.h"
#include "measures-coverage-chart.h"
#include "measures-palette.h"
#include "measures-text.h"

/* The coverage matrix as an image, drawn once through a MeasuresCanvas
 * for PNG (Cairo) and SVG (with its text as text): a row per country
 * under its region's name, a column per category or form with its name
 * turned upwards, each cell its count on a shade of its count, and the
 * country's matching measures at the end of its row. The window's table
 * is made of widgets, for the keyboard and screen readers, but takes its
 * shades from here, so that it looks like the image.
 *
 * Shades are measures-palette's: five levels of one hue, a zero the
 * filters make on a plain grey, and "none", no such measure at all, on
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
    measures_palette_get_shade (MEASURES_SHADE_NONE, 0, style, fill, text);
  else if (r->cells[column] == 0)
    measures_palette_get_shade (MEASURES_SHADE_ZERO, 0, style, fill, text);
  else
    measures_palette_get_shade (MEASURES_SHADE_LEVEL, measures_palette_get_level (r->cells[column], coverage->max),
                                style, fill, text);
}

/* Drawing */

/* How many regions have rows among @n_rows rows from @first. */
static guint
count_groups (MeasuresCoverage *coverage,
              guint             first,
              guint             n_rows)
{
  guint n = 0;

  for (guint g = 0; g < coverage->groups->len; g++)
    {
      const MeasuresCoverageGroup *group = &g_array_index (coverage->groups, MeasuresCoverageGroup, g);

      if (group->first < first + n_rows && group->first + group->n_rows > first)
        n++;
    }

  return n;
}

static double
part_height (MeasuresCoverage *coverage,
             guint             first,
             guint             n_rows,
             gboolean          legend)
{
  return HEAD + GROUP * count_groups (coverage, first, n_rows) + ROW * MAX (n_rows, 1) + (legend ? LEGEND : 0);
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
  *height = part_height (coverage, 0, coverage->rows->len, TRUE);
}

/**
 * measures_coverage_chart_get_part_height:
 * @coverage: the matrix
 * @first: the first row drawn
 * @n_rows: how many rows from it
 * @legend: whether the legend comes under them
 *
 * Returns: the height of that part of the matrix, as
 *   measures_coverage_chart_paint_part() draws it
 */
double
measures_coverage_chart_get_part_height (MeasuresCoverage *coverage,
                                         guint             first,
                                         guint             n_rows,
                                         gboolean          legend)
{
  g_return_val_if_fail (coverage != NULL, 0);
  g_return_val_if_fail (first + n_rows <= coverage->rows->len, 0);

  return part_height (coverage, first, n_rows, legend);
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
paint_legend (MeasuresCoverage         *coverage,
              MeasuresCanvas           *canvas,
              const MeasuresChartStyle *style,
              double                    y)
{
  double x = 0;
  MeasuresFill fill;
  MeasuresColor ink;

  measures_palette_paint_levels (canvas, coverage->max, &x, y, style);

  x = 0;
  y += MEASURES_PALETTE_KEY_ROW;
  measures_palette_get_shade (MEASURES_SHADE_ZERO, 0, style, &fill, &ink);
  /* Translators: the legend of the coverage matrix, by a cell showing 0 */
  measures_palette_paint_key (canvas, &fill, &ink, "0", 26, tr (style, "coverage", NC_("coverage", "none match the filters")),
                              &x, y, style);
  measures_palette_get_shade (MEASURES_SHADE_NONE, 0, style, &fill, &ink);
  /* Translators: the legend of the coverage matrix, by a cell showing – */
  measures_palette_paint_key (canvas, &fill, &ink, tr (style, "coverage", NC_("coverage", "–")), 26,
                              tr (style, "coverage", NC_("coverage", "none in the data")), &x, y, style);
}

/**
 * measures_coverage_chart_paint_part:
 * @coverage: the matrix
 * @canvas: where to draw, with the part's top left corner at the origin
 * @style: light or dark, and the language of its own words
 * @first: the first row to draw
 * @n_rows: how many rows from it
 * @legend: whether to draw the legend under them
 *
 * Draws some rows of the matrix under the columns' headings, each under
 * its region's name (again at the top when the part starts inside a
 * region), on its background: a page of a summary.
 */
void
measures_coverage_chart_paint_part (MeasuresCoverage         *coverage,
                                    MeasuresCanvas           *canvas,
                                    const MeasuresChartStyle *style,
                                    guint                     first,
                                    guint                     n_rows,
                                    gboolean                  legend)
{
  MeasuresTranslations *translations = style != NULL ? style->translations : NULL;
  MeasuresChartColors colors;
  MeasuresFill background;
  double width, height, y = HEAD;
  double right;

  g_return_if_fail (coverage != NULL);
  g_return_if_fail (canvas != NULL);
  g_return_if_fail (first + n_rows <= coverage->rows->len);

  measures_chart_get_colors (style, &colors);
  measures_coverage_chart_get_size (coverage, &width, &height);
  height = part_height (coverage, first, n_rows, legend);
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
      guint from = MAX (group->first, first);
      guint to = MIN (group->first + group->n_rows, first + n_rows);

      if (from >= to)
        continue;

      measures_canvas_begin_group (canvas, id, group->label);
      text (canvas, group->label, 9.5, TRUE, 0, y + 8, LABEL_WIDTH + CELL_WIDTH * coverage->columns->len,
            MEASURES_ALIGN_START, &colors.text);
      y += GROUP;

      for (guint r = from; r < to; r++, y += ROW)
        {
          const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
          g_autofree char *total = measures_text_format_count (row->matches);
          g_autofree char *description = measures_coverage_describe_row (coverage, r, translations);

          measures_canvas_begin_group (canvas, NULL, description);
          text (canvas, row->label, 9, FALSE, 8, y + 3, LABEL_WIDTH - 14, MEASURES_ALIGN_START, &colors.text);
          for (guint c = 0; c < coverage->columns->len; c++)
            {
              g_autofree char *cell = measures_coverage_format_cell (coverage, r, c, translations);
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

  if (n_rows == 0)
    /* Translators: in an empty coverage matrix */
    text (canvas, tr (style, NULL, N_("No measure to count")), 9, FALSE, 0, y + 3, width, MEASURES_ALIGN_START,
          &colors.dim_text);

  if (legend)
    paint_legend (coverage, canvas, style, height - LEGEND + 14);
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
  g_return_if_fail (coverage != NULL);

  measures_coverage_chart_paint_part (coverage, canvas, style, 0, coverage->rows->len, TRUE);
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

typedef struct
{
  MeasuresCoverage *coverage;
  const MeasuresChartStyle *style;
} MatrixImage;

static void
paint_image (MeasuresCanvas *canvas,
             gpointer        data)
{
  const MatrixImage *image = data;

  measures_coverage_chart_paint (image->coverage, canvas, image->style);
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
  MatrixImage image = { coverage, style };
  double width, height;

  g_return_val_if_fail (coverage != NULL, NULL);

  measures_coverage_chart_get_size (coverage, &width, &height);

  return _measures_chart_render_png (width, height, scale, paint_image, &image, error);
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
