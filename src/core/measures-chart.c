/* measures-chart.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "measures-chart.h"

/* The overview's charts, drawn with Cairo and Pango only. Every bar
 * carries its number as text, and the parts of a bar differ by pattern
 * as well as by colour, so that a chart reads in black and white. */

#define FONT "Cantarell, DejaVu Sans, Sans"
#define ROW 22.0
#define LABEL_WIDTH 0.38

/* Colours picked for contrast on both white and near-black, from the
 * GNOME palette. */
static const double palette[][3] = {
  { 0.11, 0.44, 0.85 },   /* blue 4 */
  { 0.57, 0.25, 0.67 },   /* purple 3 */
  { 0.18, 0.55, 0.34 },   /* green 5 */
  { 0.78, 0.38, 0.00 },   /* orange 5 */
  { 0.65, 0.11, 0.18 },   /* red 4 */
  { 0.39, 0.27, 0.18 },   /* brown 4 */
};

static void
set_foreground (cairo_t                  *cr,
                const MeasuresChartStyle *style,
                double                    alpha)
{
  if (style->dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, alpha);
}

/* A fill for part @i: its colour, with a hatching that tells parts apart
 * without colour. */
static cairo_pattern_t *
part_pattern (guint    i,
              gboolean dark)
{
  const double *rgb = palette[i % G_N_ELEMENTS (palette)];
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, dark ? 0 : 1, dark ? 0 : 1, dark ? 0 : 1, 0.55);
  cairo_set_line_width (cr, 1.5);
  switch (i % 4)
    {
    case 1:   /* diagonal */
      cairo_move_to (cr, 0, 8);
      cairo_line_to (cr, 8, 0);
      cairo_stroke (cr);
      break;
    case 2:   /* dots */
      cairo_arc (cr, 4, 4, 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case 3:   /* horizontal */
      cairo_move_to (cr, 0, 4);
      cairo_line_to (cr, 8, 4);
      cairo_stroke (cr);
      break;
    default:  /* plain */
      break;
    }
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             double        size,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static void
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        size,
           double        x,
           double        y,
           double        width)
{
  PangoLayout *layout = text_layout (context, text, size, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* Year labels need about 36 units each. */
static guint
label_every (double per_year)
{
  return per_year >= 36 ? 1 : (guint) ceil (36 / MAX (per_year, 1));
}

static GArray *
counts_for (MeasuresOverview *overview,
            MeasuresChart     chart)
{
  return chart == MEASURES_CHART_FORMS ? overview->by_form : overview->by_type;
}

/**
 * measures_chart_get_height:
 *
 * Returns: the height @chart needs at @width
 */
double
measures_chart_get_height (MeasuresOverview *overview,
                           MeasuresChart     chart,
                           double            width)
{
  switch (chart)
    {
    case MEASURES_CHART_YEARS:
      return 260 + ROW * ((overview->categories->len + 2) / 3);
    case MEASURES_CHART_FORMS:
    case MEASURES_CHART_TYPES:
      return ROW * MAX (counts_for (overview, chart)->len, 1) + 8;
    case MEASURES_CHART_TIMELINE:
    default:
      return ROW * MAX (overview->timeline->len, 1) + 40;
    }
}

static void
draw_bars (MeasuresOverview         *overview,
           MeasuresChart             chart,
           cairo_t                  *cr,
           PangoContext             *context,
           double                    width,
           const MeasuresChartStyle *style)
{
  GArray *counts = counts_for (overview, chart);
  double label_width = width * LABEL_WIDTH;
  double bar_width = width - label_width - 48;
  guint max = 1;

  for (guint i = 0; i < counts->len; i++)
    max = MAX (max, g_array_index (counts, MeasuresOverviewCount, i).count);

  for (guint i = 0; i < counts->len; i++)
    {
      const MeasuresOverviewCount *count = &g_array_index (counts, MeasuresOverviewCount, i);
      double y = i * ROW;
      double length = bar_width * count->count / max;
      g_autofree char *number = g_strdup_printf ("%'u", count->count);
      cairo_pattern_t *fill = part_pattern (0, style->dark);

      set_foreground (cr, style, 0.85);
      show_text (cr, context, count->label, 9, 0, y + 3, label_width - 8);

      cairo_set_source (cr, fill);
      cairo_rectangle (cr, label_width, y + 4, MAX (length, 1), ROW - 8);
      cairo_fill (cr);
      cairo_pattern_destroy (fill);

      set_foreground (cr, style, 0.85);
      show_text (cr, context, number, 9, label_width + length + 4, y + 3, -1);
    }
}

static void
draw_years (MeasuresOverview         *overview,
            cairo_t                  *cr,
            PangoContext             *context,
            double                    width,
            double                    height,
            const MeasuresChartStyle *style)
{
  guint n = overview->years->len;
  guint legend_rows = (overview->categories->len + 2) / 3;
  double plot_height = height - 40 - ROW * legend_rows;
  double step = n > 0 ? width / n : width;
  guint max = 1;

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (overview->years, MeasuresYearBin, i).total);

  /* The axis. */
  set_foreground (cr, style, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, plot_height + 0.5);
  cairo_line_to (cr, width, plot_height + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, i);
      double x = i * step + step * 0.15;
      double bar = step * 0.7;
      double y = plot_height;

      for (guint c = 0; c < overview->categories->len; c++)
        {
          double h = (plot_height - 20) * bin->by_category[c] / max;
          cairo_pattern_t *fill;

          if (bin->by_category[c] == 0)
            continue;

          fill = part_pattern (c, style->dark);
          cairo_set_source (cr, fill);
          cairo_rectangle (cr, x, y - h, bar, h);
          cairo_fill (cr);
          cairo_pattern_destroy (fill);
          y -= h;
        }

      set_foreground (cr, style, 0.85);
      if (bin->total > 0)
        {
          g_autofree char *number = g_strdup_printf ("%'u", bin->total);

          show_text (cr, context, number, 8, x, y - 14, -1);
        }

      /* Every year when they fit, else every few. */
      if (i % label_every (step) == 0)
        {
          g_autofree char *year = g_strdup_printf ("%d", bin->year);

          show_text (cr, context, year, 8, i * step, plot_height + 4, -1);
        }
    }

  /* The legend: the same pattern and the category's name. */
  for (guint c = 0; c < overview->categories->len; c++)
    {
      double x = (c % 3) * width / 3;
      double y = plot_height + 24 + (c / 3) * ROW;
      cairo_pattern_t *fill = part_pattern (c, style->dark);

      cairo_set_source (cr, fill);
      cairo_rectangle (cr, x, y + 3, 14, 14);
      cairo_fill (cr);
      cairo_pattern_destroy (fill);
      set_foreground (cr, style, 0.85);
      show_text (cr, context, g_ptr_array_index (overview->categories, c), 9, x + 20, y + 2, width / 3 - 24);
    }
}

static void
draw_timeline (MeasuresOverview         *overview,
               cairo_t                  *cr,
               PangoContext             *context,
               double                    width,
               const MeasuresChartStyle *style)
{
  double label_width = width * LABEL_WIDTH;
  double plot_width = width - label_width;
  int first = overview->first_year, last = overview->last_year;
  double per_year = (last >= first) ? plot_width / (last - first + 1) : plot_width;
  const char *country = NULL;

  for (guint i = 0; i < overview->timeline->len; i++)
    {
      const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, i);
      double y = 20 + i * ROW;
      double x = label_width + (row->from - first) * per_year;
      int to = row->to != MEASURES_YEAR_NONE ? row->to : last;
      double length = (to - row->from + 1) * per_year;
      g_autofree char *label = NULL;

      /* A country's name heads its group. */
      label = g_strcmp0 (country, row->country) != 0 ? g_strdup_printf ("%s — %s", row->country, row->title)
                                                     : g_strdup (row->title);
      country = row->country;

      set_foreground (cr, style, 0.85);
      show_text (cr, context, label, 9, 0, y + 3, label_width - 8);

      if (row->to == MEASURES_YEAR_NONE)
        {
          /* An open-ended period fades out. */
          cairo_pattern_t *fade = cairo_pattern_create_linear (x, 0, x + length, 0);

          cairo_pattern_add_color_stop_rgba (fade, 0, palette[1][0], palette[1][1], palette[1][2], 1);
          cairo_pattern_add_color_stop_rgba (fade, 1, palette[1][0], palette[1][1], palette[1][2], 0);
          cairo_set_source (cr, fade);
          cairo_rectangle (cr, x, y + 4, length, ROW - 8);
          cairo_fill (cr);
          cairo_pattern_destroy (fade);
        }
      else
        {
          cairo_pattern_t *fill = part_pattern (0, style->dark);

          cairo_set_source (cr, fill);
          cairo_rectangle (cr, x, y + 4, length, ROW - 8);
          cairo_fill (cr);
          cairo_pattern_destroy (fill);
        }
    }

  /* Years along the top. */
  set_foreground (cr, style, 0.6);
  for (int year = first; last >= first && year <= last; year++)
    if ((year - first) % label_every (per_year) == 0)
      {
        g_autofree char *text = g_strdup_printf ("%d", year);

        show_text (cr, context, text, 8, label_width + (year - first) * per_year, 0, -1);
      }
}

/**
 * measures_chart_draw:
 * @overview: the figures
 * @chart: which chart
 * @cr: where to draw, with the chart's top left corner at the origin
 * @context: the Pango context of @cr's surface
 * @width: the width to fill
 * @height: the height, from measures_chart_get_height()
 * @style: light or dark
 */
void
measures_chart_draw (MeasuresOverview         *overview,
                     MeasuresChart             chart,
                     cairo_t                  *cr,
                     PangoContext             *context,
                     double                    width,
                     double                    height,
                     const MeasuresChartStyle *style)
{
  g_return_if_fail (overview != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  switch (chart)
    {
    case MEASURES_CHART_YEARS:
      draw_years (overview, cr, context, width, height, style);
      break;
    case MEASURES_CHART_FORMS:
    case MEASURES_CHART_TYPES:
      draw_bars (overview, chart, cr, context, width, style);
      break;
    case MEASURES_CHART_TIMELINE:
    default:
      draw_timeline (overview, cr, context, width, style);
      break;
    }

  cairo_restore (cr);
}
