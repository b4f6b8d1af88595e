/* measures-chart.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "measures-chart-private.h"
#include "measures-text.h"

/* The overview's charts, drawn with Cairo and Pango only, through a
 * MeasuresCanvas: the window, the PDF summary and PNG images draw with
 * Cairo, SVG images get the same shapes and text as SVG elements.
 *
 * Every bar carries its number as text, and the parts of a bar differ by
 * pattern as well as by colour, so that a chart reads in black and white.
 *
 * The same code that draws also says where things are: painting with no
 * canvas only records the areas of bars and rows, for hit-testing and
 * for tests, so the areas always match what is drawn. */

#define ROW 22.0
#define LABEL_WIDTH 0.38
/* Titles need more room than the labels of forms and types, and a
 * period less than a count's bar: 46% of the width, and in a narrow
 * chart up to 60% while that is at most 340 units. */
#define TIMELINE_LABEL_WIDTH 0.46
#define TIMELINE_LABEL_WIDTH_NARROW 0.6
#define TIMELINE_LABEL_ROOM 340.0
#define TIMELINE_TOP 20.0

G_DEFINE_QUARK (measures-chart-error-quark, measures_chart_error)

static const char * const names[] = { "years", "forms", "types", "timeline" };

/**
 * measures_chart_get_name:
 *
 * Returns: the name of @chart on the command line: "years", "forms",
 *   "types" or "timeline"
 */
const char *
measures_chart_get_name (MeasuresChart chart)
{
  g_return_val_if_fail (chart < MEASURES_N_CHARTS, NULL);

  return names[chart];
}

/**
 * measures_chart_from_name:
 *
 * Returns: whether @name is the name of a chart
 */
gboolean
measures_chart_from_name (const char    *name,
                          MeasuresChart *chart)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *chart = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_chart_get_title:
 * @chart: a chart
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer none): the heading of @chart
 */
const char *
measures_chart_get_title (MeasuresChart         chart,
                          MeasuresTranslations *translations)
{
  MeasuresChartStyle style = { FALSE, 0, translations };

  switch (chart)
    {
    case MEASURES_CHART_YEARS:
      /* Translators: the heading of a bar chart of how many measures
       * were in force each year */
      return tr (&style, NULL, N_("Measures in Force per Year"));
    case MEASURES_CHART_FORMS:
      return tr (&style, NULL, N_("Measures by Form of Violence"));
    case MEASURES_CHART_TYPES:
      return tr (&style, NULL, N_("Measures by Type of Measure"));
    case MEASURES_CHART_TIMELINE:
      /* Translators: the heading of a chart of strategies and plans,
       * each drawn from its first year to its last */
      return tr (&style, NULL, N_("Timeline of Measures over Several Years"));
    case MEASURES_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Painting and finding */

typedef struct
{
  MeasuresCanvas *canvas;          /* NULL when only finding */
  const MeasuresChartStyle *style;
  MeasuresChartColors colors;
  guint *swatches;                 /* of each category, while painting */

  /* Finding: what is at a point, or where a thing is. */
  MeasuresChartHit *found;
  gboolean by_point;
  double x;
  double y;
  MeasuresChartHitKind kind;
  guint index;
  gboolean any;
} Painter;

static void
area (Painter              *p,
      MeasuresChartHitKind  kind,
      guint                 index,
      guint                 part,
      double                x,
      double                y,
      double                width,
      double                height)
{
  gboolean match;

  if (p->found == NULL)
    return;

  /* By point, what comes later is on top; by thing, its first, whole area. */
  if (p->by_point)
    match = p->x >= x && p->x < x + width && p->y >= y && p->y < y + height;
  else
    match = !p->any && kind == p->kind && index == p->index;

  if (match)
    {
      *p->found = (MeasuresChartHit) { kind, index, part, x, y, width, height };
      p->any = TRUE;
    }
}

/* The fill of a bar that stands for no category. */
static void
plain_fill (Painter      *p,
            guint         color,
            MeasuresFill *fill)
{
  _measures_chart_swatch_fill (&p->colors, MEASURES_CHART_SWATCH (color, MEASURES_HATCH_NONE), fill);
}

static void
category_fill (Painter      *p,
               guint         category,
               MeasuresFill *fill)
{
  if (p->swatches == NULL || category == G_MAXUINT)
    plain_fill (p, MEASURES_CHART_BLUE, fill);
  else
    _measures_chart_swatch_fill (&p->colors, p->swatches[category], fill);
}

static void
rect (Painter            *p,
      double              x,
      double              y,
      double              width,
      double              height,
      const MeasuresFill *fill)
{
  if (p->canvas != NULL)
    measures_canvas_fill_rect (p->canvas, x, y, width, height, fill);
}

static void
line (Painter             *p,
      double               x0,
      double               y0,
      double               x1,
      double               y1,
      const MeasuresColor *color)
{
  if (p->canvas != NULL)
    measures_canvas_line (p->canvas, x0, y0, x1, y1, 1, color);
}

static void
bold_text (Painter             *p,
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

  if (p->canvas != NULL)
    measures_canvas_text (p->canvas, &run);
}

static void
text (Painter             *p,
      const char          *str,
      double               size,
      double               x,
      double               y,
      double               max_width,
      MeasuresAlign        align,
      const MeasuresColor *color)
{
  bold_text (p, str, size, FALSE, x, y, max_width, align, color);
}

/* What the filters leave out stays, faded, beside what they chose: the
 * parts of bars keep their pattern at a third of their strength. */
static void
fade (MeasuresFill *fill)
{
  fill->color.alpha *= 0.3;
  fill->hatch_color.alpha *= 0.3;
}

/* Wide enough for the digits, separators and letters of labels in the
 * fonts we draw with (at 96 dots per inch): the room kept for figures,
 * which must be the same whether drawing or finding. */
static double
estimated_width (const char *str,
                 double      size)
{
  return g_utf8_strlen (str, -1) * size * 96 / 72 * 0.62;
}

/* The width of @str at @size points, as the canvas draws it; with no
 * canvas (when only finding), as estimated from its length. */
static double
text_width (Painter    *p,
            const char *str,
            double      size,
            gboolean    bold)
{
  MeasuresTextRun run = { str, 0, 0, size, bold, 0, MEASURES_ALIGN_START, p->colors.text };
  double width;

  if (p->canvas == NULL)
    return estimated_width (str, size);

  g_free (measures_canvas_fit_text (p->canvas, &run, &width));

  return width;
}

/* The height of a line of text at @size points. */
static double
line_height (double size)
{
  return size * 96 / 72 * 1.25;
}

static void
free_ticks (MeasuresChartTick *ticks,
            guint              n)
{
  for (guint i = 0; ticks != NULL && i < n; i++)
    g_free (ticks[i].text);
  g_free (ticks);
}

/* Draws the labels shown: those of what the filters chose in @color and
 * bold, the others, when the filters chose some, in @dim. */
static void
draw_ticks (Painter             *p,
            MeasuresChartTick   *ticks,
            guint                n,
            double               size,
            const MeasuresColor *color,
            const MeasuresColor *dim)
{
  for (guint i = 0; i < n; i++)
    if (ticks[i].shown)
      bold_text (p, ticks[i].text, size, ticks[i].bold, ticks[i].x, ticks[i].y, 0, MEASURES_ALIGN_START,
                 ticks[i].faded ? dim : color);
}

static guint
legend_rows (MeasuresOverview *overview)
{
  return (overview->categories->len + 2) / 3 + (overview->n_undated > 0 ? 1 : 0);
}

/**
 * measures_chart_get_height_for_style:
 * @overview: the figures
 * @chart: which chart
 * @width: the width it is drawn at
 * @style: (nullable): how it is drawn
 *
 * Returns: the height @chart needs
 */
double
measures_chart_get_height_for_style (MeasuresOverview         *overview,
                                     MeasuresChart             chart,
                                     double                    width,
                                     const MeasuresChartStyle *style)
{
  g_return_val_if_fail (overview != NULL, 0);

  switch (chart)
    {
    case MEASURES_CHART_YEARS:
      return 260 + ROW * legend_rows (overview);
    case MEASURES_CHART_FORMS:
    case MEASURES_CHART_TYPES:
      return ROW * MAX (_measures_chart_counts (overview, chart)->len, 1) + 8;
    case MEASURES_CHART_TIMELINE:
      {
        guint rows = _measures_chart_timeline_rows (overview, style);

        return TIMELINE_TOP + ROW * (MAX (rows, 1) + (rows < overview->n_timeline ? 1 : 0)) + 8;
      }
    case MEASURES_N_CHARTS:
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * measures_chart_get_height:
 *
 * Returns: the height @chart needs at @width, in the default style
 */
double
measures_chart_get_height (MeasuresOverview *overview,
                           MeasuresChart     chart,
                           double            width)
{
  return measures_chart_get_height_for_style (overview, chart, width, NULL);
}

static void
paint_bars (Painter          *p,
            MeasuresOverview *overview,
            MeasuresChart     chart,
            double            width)
{
  GArray *counts = _measures_chart_counts (overview, chart);
  double label_width = width * LABEL_WIDTH;
  double bar_width;
  MeasuresFill fill;
  gboolean any_chosen = FALSE;
  guint max = 1;

  if (counts->len == 0)
    {
      /* Translators: in an empty chart of forms or types */
      text (p, tr (p->style, NULL, N_("No measure to count")), 9, 0, 3, width, MEASURES_ALIGN_START,
            &p->colors.dim_text);
      return;
    }

  for (guint i = 0; i < counts->len; i++)
    {
      max = MAX (max, g_array_index (counts, MeasuresOverviewCount, i).count);
      any_chosen |= g_array_index (counts, MeasuresOverviewCount, i).chosen;
    }

  /* The longest bar leaves room for its figure after it. */
  {
    g_autofree char *widest = measures_text_format_count (max);

    bar_width = MAX (width - label_width - estimated_width (widest, MEASURES_CHART_LABEL_SIZE) - 8, 1);
  }

  for (guint i = 0; i < counts->len; i++)
    {
      const MeasuresOverviewCount *count = &g_array_index (counts, MeasuresOverviewCount, i);
      double y = i * ROW;
      double length = MAX (bar_width * count->count / max, 1);
      g_autofree char *number = measures_text_format_count (count->count);
      gboolean faded = any_chosen && !count->chosen;
      const MeasuresColor *color = faded ? &p->colors.dim_text : &p->colors.text;

      /* A type in the colour of its category, as in the chart per year;
       * forms in one colour, which would mean nothing more. What the
       * filters chose is in bold, the rest faded. */
      category_fill (p, count->category, &fill);
      if (faded)
        fade (&fill);
      area (p, MEASURES_CHART_HIT_COUNT, i, chart, 0, y, width, ROW);
      bold_text (p, count->label, 9, count->chosen, 0, y + 3, label_width - 8, MEASURES_ALIGN_START, color);
      rect (p, label_width, y + 4, length, ROW - 8, &fill);
      text (p, number, 9, label_width + length + 4, y + 3, 0, MEASURES_ALIGN_START, color);
    }
}

static void
paint_years (Painter          *p,
             MeasuresOverview *overview,
             double            width,
             double            height)
{
  guint n = overview->years->len;
  double plot_height = height - 40 - ROW * legend_rows (overview);
  double step = n > 0 ? width / n : width;
  g_autofree int *years = g_new0 (int, MAX (n, 1));
  MeasuresChartTick *figures = NULL, *labels = NULL;
  gboolean some_faded = FALSE;
  guint max = 1, highest = 0;

  for (guint i = 0; i < n; i++)
    {
      const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, i);

      years[i] = bin->year;
      some_faded |= !measures_overview_year_chosen (overview, bin->year);
      if (bin->total > max)
        {
          max = bin->total;
          highest = i;
        }
    }
  if (p->canvas != NULL)
    {
      figures = g_new0 (MeasuresChartTick, MAX (n, 1));
      labels = g_new0 (MeasuresChartTick, MAX (n, 1));
    }

  line (p, 0, plot_height + 0.5, width, plot_height + 0.5, &p->colors.axis);

  if (n == 0)
    /* Translators: in an empty chart of measures per year */
    text (p, tr (p->style, NULL, N_("No measure with a year")), 9, width / 2, plot_height / 2,
          width, MEASURES_ALIGN_CENTER, &p->colors.dim_text);

  for (guint i = 0; i < n; i++)
    {
      const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, i);
      double bar = MAX (step * 0.7, 1);
      double x = i * step + (step - bar) / 2;
      double y = plot_height;
      /* A year the filters leave out is faded: after a click on 2021,
       * its bar stands out among the other years of the same measures. */
      gboolean chosen = measures_overview_year_chosen (overview, bin->year) || !some_faded;

      /* The whole column, label included, so that thin bars are easy
       * to point at; its parts on top. */
      area (p, MEASURES_CHART_HIT_YEAR, i, G_MAXUINT, i * step, 0, step, plot_height + 20);

      for (guint c = 0; c < overview->categories->len; c++)
        {
          double h = (plot_height - 20) * bin->by_category[c] / max;
          MeasuresFill fill;

          if (bin->by_category[c] == 0)
            continue;

          category_fill (p, c, &fill);
          if (!chosen)
            fade (&fill);
          rect (p, x, y - h, bar, h, &fill);
          area (p, MEASURES_CHART_HIT_YEAR, i, c, i * step, y - h, step, h);
          y -= h;
        }

      /* Its figure over it and its year under it, if they fit. */
      if (figures != NULL)
        {
          if (bin->total > 0)
            {
              figures[i].text = measures_text_format_count (bin->total);
              figures[i].width = text_width (p, figures[i].text, 8, FALSE);
              figures[i].x = x + bar / 2 - figures[i].width / 2;
              figures[i].y = y - 15;
              figures[i].height = line_height (8);
              figures[i].faded = !chosen;
            }
          labels[i].text = g_strdup_printf ("%d", bin->year);
          labels[i].bold = chosen && some_faded;
          labels[i].faded = !chosen;
          labels[i].width = text_width (p, labels[i].text, 8, labels[i].bold);
          labels[i].x = i * step + step / 2 - labels[i].width / 2;
          labels[i].y = plot_height + 4;
          labels[i].height = line_height (8);
        }
    }

  /* The highest figure gives the scale, the first and last years the
   * span: they come first. */
  if (figures != NULL)
    {
      guint ends[] = { 0, n - 1 };

      _measures_chart_thin_labels (figures, n, step, years, &highest, 1, width);
      _measures_chart_thin_labels (labels, n, step, years, ends, n > 1 ? 2 : 1, width);
      draw_ticks (p, figures, n, 8, &p->colors.text, &p->colors.dim_text);
      draw_ticks (p, labels, n, 8, some_faded ? &p->colors.text : &p->colors.dim_text, &p->colors.dim_text);
      free_ticks (figures, n);
      free_ticks (labels, n);
    }

  /* The legend: the same pattern and the category's name. */
  for (guint c = 0; c < overview->categories->len; c++)
    {
      double x = (c % 3) * width / 3;
      double y = plot_height + 24 + (c / 3) * ROW;
      MeasuresFill fill;

      category_fill (p, c, &fill);
      area (p, MEASURES_CHART_HIT_CATEGORY, c, c, x, y, width / 3, ROW);
      rect (p, x, y + 3, 14, 14, &fill);
      text (p, g_ptr_array_index (overview->categories, c), 9, x + 20, y + 2, width / 3 - 24,
            MEASURES_ALIGN_START, &p->colors.text);
    }

  if (overview->n_undated > 0)
    {
      double y = plot_height + 24 + ((overview->categories->len + 2) / 3) * ROW;
      g_autofree char *undated = NULL;
      g_autofree char *count = measures_text_format_count (overview->n_undated);

      /* Translators: under the chart of measures per year; %s is a
       * number, with the locale's digit grouping */
      if (p->style->translations != NULL)
        undated = g_strdup_printf (measures_translations_nget (p->style->translations,
                                                               "%s measure without a year is not shown",
                                                               "%s measures without a year are not shown",
                                                               overview->n_undated),
                                   count);
      else
        undated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s measure without a year is not shown",
                                                "%s measures without a year are not shown",
                                                overview->n_undated),
                                   count);
      text (p, undated, 9, 0, y + 2, width, MEASURES_ALIGN_START, &p->colors.dim_text);
    }
}

static void
paint_timeline (Painter          *p,
                MeasuresOverview *overview,
                double            width)
{
  double label_width = MAX (width * TIMELINE_LABEL_WIDTH,
                            MIN (width * TIMELINE_LABEL_WIDTH_NARROW, TIMELINE_LABEL_ROOM));
  double plot_width = width - label_width;
  int first = overview->first_year, last = overview->last_year;
  double per_year = (last >= first) ? plot_width / (last - first + 1) : plot_width;
  guint rows = _measures_chart_timeline_rows (overview, p->style);
  double bottom = TIMELINE_TOP + ROW * rows;
  MeasuresChartLabel *labels = NULL;

  if (rows == 0)
    {
      /* Translators: in an empty timeline */
      text (p, tr (p->style, NULL, N_("No measure runs over several years")), 9, 0, TIMELINE_TOP + 3, width,
            MEASURES_ALIGN_START, &p->colors.dim_text);
      return;
    }

  /* Years along the top, those that fit, with a light line down each. */
  if (p->canvas != NULL)
    {
      guint n = last - first + 1, ends[] = { 0, n - 1 };
      g_autofree int *years = g_new0 (int, n);
      MeasuresChartTick *ticks = g_new0 (MeasuresChartTick, n);

      for (guint i = 0; i < n; i++)
        {
          years[i] = first + (int) i;
          ticks[i].text = g_strdup_printf ("%d", years[i]);
          ticks[i].bold = overview->years_chosen && measures_overview_year_chosen (overview, years[i]);
          ticks[i].width = text_width (p, ticks[i].text, 8, ticks[i].bold);
          ticks[i].x = label_width + i * per_year + 2;
          ticks[i].height = line_height (8);
        }
      /* The years the filters chose, as a band behind the periods. */
      if (overview->years_chosen)
        {
          int from = overview->chosen_from != MEASURES_YEAR_NONE ? MAX (overview->chosen_from, first) : first;
          int to = overview->chosen_to != MEASURES_YEAR_NONE ? MIN (overview->chosen_to, last) : last;
          MeasuresFill band;

          plain_fill (p, MEASURES_CHART_BLUE, &band);
          band.color.alpha = 0.14;
          if (from <= to && (from > first || to < last))
            rect (p, label_width + (from - first) * per_year, TIMELINE_TOP - 2, (to - from + 1) * per_year,
                  bottom - TIMELINE_TOP + 2, &band);
        }

      _measures_chart_thin_labels (ticks, n, per_year, years, ends, n > 1 ? 2 : 1, width);
      for (guint i = 0; i < n; i++)
        if (ticks[i].shown)
          {
            double x = label_width + i * per_year;

            line (p, x + 0.5, TIMELINE_TOP - 2, x + 0.5, bottom, &p->colors.grid);
          }
      draw_ticks (p, ticks, n, 8, &p->colors.dim_text, &p->colors.dim_text);
      free_ticks (ticks, n);
    }

  if (p->canvas != NULL)
    labels = _measures_chart_timeline_labels (p->canvas, overview, rows, label_width - 8);

  for (guint i = 0; i < rows; i++)
    {
      const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, i);
      double y = TIMELINE_TOP + i * ROW;
      double x = label_width + (row->from - first) * per_year;
      int to = row->to != MEASURES_YEAR_NONE ? row->to : last;
      double length = (to - row->from + 1) * per_year;
      MeasuresFill fill;

      area (p, MEASURES_CHART_HIT_TIMELINE, i, 0, 0, y, width, ROW);
      if (labels != NULL)
        {
          /* Titles of plans often differ only in their years: they lose
           * words of their middle, never their start, years or end. */
          MeasuresTextRun run = { labels[i].text, 0, y + 3, MEASURES_CHART_LABEL_SIZE, FALSE, label_width - 8,
                                  MEASURES_ALIGN_START, p->colors.text, TRUE,
                                  (const guint *) (void *) labels[i].keep->data, labels[i].keep->len };

          measures_canvas_text (p->canvas, &run);
        }

      /* An open-ended period fades out, in a colour of its own. */
      plain_fill (p, row->to == MEASURES_YEAR_NONE ? MEASURES_CHART_PURPLE : MEASURES_CHART_BLUE, &fill);
      fill.fade = row->to == MEASURES_YEAR_NONE;
      rect (p, x, y + 4, length, ROW - 8, &fill);
    }

  _measures_chart_timeline_labels_free (labels, rows);

  if (rows < overview->n_timeline)
    {
      guint more = overview->n_timeline - rows;
      g_autofree char *label = NULL;
      g_autofree char *count = measures_text_format_count (more);

      /* Translators: under a timeline cut short; %s is a number, with
       * the locale's digit grouping */
      if (p->style->translations != NULL)
        label = g_strdup_printf (measures_translations_nget (p->style->translations,
                                                             "and %s more; narrow the filters to see it",
                                                             "and %s more; narrow the filters to see them",
                                                             more),
                                 count);
      else
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "and %s more; narrow the filters to see it",
                                              "and %s more; narrow the filters to see them",
                                              more),
                                 count);
      text (p, label, 9, 0, bottom + 3, width, MEASURES_ALIGN_START, &p->colors.dim_text);
    }
}

static void
paint (Painter          *p,
       MeasuresOverview *overview,
       MeasuresChart     chart,
       double            width,
       double            height)
{
  MeasuresFill background = { p->colors.background, MEASURES_HATCH_NONE, p->colors.background, FALSE };
  g_autofree guint *swatches = _measures_chart_category_swatches (overview);

  p->swatches = swatches;
  rect (p, 0, 0, width, height, &background);

  switch (chart)
    {
    case MEASURES_CHART_YEARS:
      paint_years (p, overview, width, height);
      break;
    case MEASURES_CHART_FORMS:
    case MEASURES_CHART_TYPES:
      paint_bars (p, overview, chart, width);
      break;
    case MEASURES_CHART_TIMELINE:
      paint_timeline (p, overview, width);
      break;
    case MEASURES_N_CHARTS:
    default:
      g_warn_if_reached ();
    }

  p->swatches = NULL;
}

/**
 * measures_chart_paint:
 * @overview: the figures
 * @chart: which chart
 * @canvas: where to draw, with the chart's top left corner at the origin
 * @width: the width to fill
 * @height: the height, from measures_chart_get_height_for_style()
 * @style: light or dark
 *
 * Draws @chart on its background.
 */
void
measures_chart_paint (MeasuresOverview         *overview,
                      MeasuresChart             chart,
                      MeasuresCanvas           *canvas,
                      double                    width,
                      double                    height,
                      const MeasuresChartStyle *style)
{
  Painter p = { canvas, style };

  g_return_if_fail (overview != NULL);
  g_return_if_fail (canvas != NULL);
  g_return_if_fail (style != NULL);

  measures_chart_get_colors (style, &p.colors);
  paint (&p, overview, chart, width, height);
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
  g_autoptr(MeasuresCanvas) canvas = NULL;

  g_return_if_fail (overview != NULL);
  g_return_if_fail (cr != NULL);

  canvas = measures_canvas_new_cairo (cr, context);
  if (style != NULL && style->text_cache != NULL)
    measures_canvas_use_text_cache (canvas, style->text_cache);
  measures_chart_paint (overview, chart, canvas, width, height, style);
}

/**
 * measures_chart_hit:
 * @overview: the figures
 * @chart: which chart
 * @width: the width the chart is drawn at
 * @x: a point, from the chart's top left corner
 * @y: a point
 * @hit: (out): what is there
 *
 * Needs no surface and no display.
 *
 * Returns: whether there is a bar, a row or a key at (@x, @y)
 */
gboolean
measures_chart_hit (MeasuresOverview *overview,
                    MeasuresChart     chart,
                    double            width,
                    double            x,
                    double            y,
                    MeasuresChartHit *hit)
{
  MeasuresChartStyle style = { FALSE };
  Painter p = { NULL, &style };

  g_return_val_if_fail (overview != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (MeasuresChartHit) { MEASURES_CHART_HIT_NONE };
  p.found = hit;
  p.by_point = TRUE;
  p.x = x;
  p.y = y;
  measures_chart_get_colors (&style, &p.colors);
  paint (&p, overview, chart, width, measures_chart_get_height (overview, chart, width));

  return p.any;
}

/**
 * measures_chart_locate:
 * @overview: the figures
 * @chart: which chart
 * @width: the width the chart is drawn at
 * @kind: what to find
 * @index: which one
 * @hit: (out): where it is
 *
 * Returns: whether @chart shows that thing
 */
gboolean
measures_chart_locate (MeasuresOverview     *overview,
                       MeasuresChart         chart,
                       double                width,
                       MeasuresChartHitKind  kind,
                       guint                 index,
                       MeasuresChartHit     *hit)
{
  MeasuresChartStyle style = { FALSE };
  Painter p = { NULL, &style };

  g_return_val_if_fail (overview != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (MeasuresChartHit) { MEASURES_CHART_HIT_NONE };
  p.found = hit;
  p.kind = kind;
  p.index = index;
  measures_chart_get_colors (&style, &p.colors);
  paint (&p, overview, chart, width, measures_chart_get_height (overview, chart, width));

  return p.any;
}

/* Images */

/**
 * measures_chart_format_from_path:
 *
 * Returns: whether @path ends in .png or .svg, whatever the case
 */
gboolean
measures_chart_format_from_path (const char          *path,
                                 MeasuresChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = MEASURES_CHART_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = MEASURES_CHART_SVG;
  else
    return FALSE;

  return TRUE;
}

/**
 * _measures_chart_render_png:
 * @width: the image's width in units
 * @height: its height
 * @scale: how many pixels per unit, from 0.25 to 8
 * @paint_func: (scope call): draws the image on a canvas, from its top
 *   left
 * @data: for @paint_func
 * @error: return location for an error
 *
 * An image of the charts, the matrix and the map: drawn at 96 dots per
 * inch times @scale, with no hinting, so that the same figures give the
 * same image on the same fonts.
 *
 * Returns: (transfer full) (nullable): the PNG image
 */
GBytes *
_measures_chart_render_png (double                 width,
                            double                 height,
                            double                 scale,
                            MeasuresChartPaintFunc paint_func,
                            gpointer               data,
                            GError               **error)
{
  int pixel_width = (int) ceil (width * scale), pixel_height = (int) ceil (height * scale);
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(MeasuresCanvas) canvas = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!(scale >= 0.25 && scale <= 8) || width < 100 || pixel_width > 32767 || pixel_height > 32767)
    {
      g_set_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_BAD_SIZE,
                   /* Translators: %g is a number */
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
  paint_func (canvas, data);
  g_clear_pointer (&canvas, measures_canvas_free);
  g_object_unref (context);
  cairo_destroy (cr);

  bytes = g_byte_array_new ();
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, measures_canvas_append_to_array, bytes);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_DRAWING,
                   _("Could not draw the image: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

typedef struct
{
  MeasuresOverview *overview;
  MeasuresChart chart;
  double width;
  double height;
  const MeasuresChartStyle *style;
} ChartImage;

static void
paint_image (MeasuresCanvas *canvas,
             gpointer        data)
{
  const ChartImage *image = data;

  measures_chart_paint (image->overview, image->chart, canvas, image->width, image->height, image->style);
}

/**
 * measures_chart_to_png:
 * @overview: the figures
 * @chart: which chart
 * @width: its width in pixels at scale 1
 * @scale: how many pixels per unit, from 0.25 to 8
 * @style: light or dark
 * @error: return location for an error
 *
 * Draws at 96 dots per inch times @scale, with no hinting, so that the
 * same figures give the same image on the same fonts.
 *
 * Returns: (transfer full) (nullable): the PNG image
 */
GBytes *
measures_chart_to_png (MeasuresOverview          *overview,
                       MeasuresChart              chart,
                       double                     width,
                       double                     scale,
                       const MeasuresChartStyle  *style,
                       GError                   **error)
{
  ChartImage image = { overview, chart, width, 0, style };

  g_return_val_if_fail (overview != NULL, NULL);

  image.height = measures_chart_get_height_for_style (overview, chart, width, style);

  return _measures_chart_render_png (width, image.height, scale, paint_image, &image, error);
}

static GBytes *
to_svg (MeasuresOverview         *overview,
        MeasuresChart             chart,
        double                    width,
        const MeasuresChartStyle *style,
        const char               *id_prefix)
{
  double height = measures_chart_get_height_for_style (overview, chart, width, style);
  g_autofree char *description = measures_chart_describe (overview, chart, style->translations);
  g_autoptr(MeasuresCanvas) canvas = NULL;

  canvas = measures_canvas_new_svg (width, height, measures_chart_get_title (chart, style->translations),
                                    description);
  if (id_prefix != NULL)
    measures_canvas_svg_set_id_prefix (canvas, id_prefix);
  measures_chart_paint (overview, chart, canvas, width, height, style);

  return measures_canvas_svg_finish (canvas);
}

/**
 * measures_chart_to_svg:
 * @overview: the figures
 * @chart: which chart
 * @width: its width in pixels
 * @style: light or dark
 *
 * Returns: (transfer full): the SVG image, with its labels as text and
 *   its figures in its description
 */
GBytes *
measures_chart_to_svg (MeasuresOverview         *overview,
                       MeasuresChart             chart,
                       double                    width,
                       const MeasuresChartStyle *style)
{
  g_return_val_if_fail (overview != NULL, NULL);

  return to_svg (overview, chart, width, style, NULL);
}

/**
 * measures_chart_to_svg_element:
 * @overview: the figures
 * @chart: which chart
 * @width: its width in pixels
 * @style: light or dark
 * @id_prefix: what each id in the image starts with: ASCII letters,
 *   digits and hyphens
 *
 * Returns: (transfer full): the same image as measures_chart_to_svg(), as
 *   an <svg> element for a page that holds others: no XML declaration,
 *   and ids of its own
 */
GBytes *
measures_chart_to_svg_element (MeasuresOverview         *overview,
                               MeasuresChart             chart,
                               double                    width,
                               const MeasuresChartStyle *style,
                               const char               *id_prefix)
{
  g_return_val_if_fail (overview != NULL, NULL);
  g_return_val_if_fail (id_prefix != NULL, NULL);

  return to_svg (overview, chart, width, style, id_prefix);
}
