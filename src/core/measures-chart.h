/* measures-chart.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "measures-canvas.h"
#include "measures-overview.h"
#include "measures-translations.h"

G_BEGIN_DECLS

typedef enum
{
  MEASURES_CHART_YEARS,
  MEASURES_CHART_FORMS,
  MEASURES_CHART_TYPES,
  MEASURES_CHART_TIMELINE,
  MEASURES_N_CHARTS,
} MeasuresChart;

/* The rows a timeline shows at most, unless its style says otherwise. */
#define MEASURES_CHART_TIMELINE_ROWS 80

/* The default width of a chart written as an image. */
#define MEASURES_CHART_IMAGE_WIDTH 800.0

/**
 * MeasuresChartStyle:
 * @dark: whether to draw light on dark
 * @timeline_rows: the most rows a timeline shows; 0 for
 *   %MEASURES_CHART_TIMELINE_ROWS
 * @translations: (nullable): the language of the chart's own words;
 *   %NULL for the interface's
 * @text_cache: (nullable): where a chart drawn again and again keeps its
 *   shaped labels from one draw to the next, for the same Pango context
 *
 * How a chart is drawn: the window follows its style; printing and
 * images use the light one.
 */
typedef struct
{
  gboolean dark;
  guint timeline_rows;
  MeasuresTranslations *translations;
  MeasuresTextCache *text_cache;
} MeasuresChartStyle;

/* The colours of the parts of bars; with the hatches, as many
 * swatches as MEASURES_CHART_N_COLORS * MEASURES_N_HATCHES. */
#define MEASURES_CHART_N_COLORS 7

/**
 * MeasuresChartColors:
 *
 * The colours of a style. Each meets WCAG 2 contrast against
 * @background: 4.5:1 for text, 3:1 for the parts of bars and the axis.
 * The last of @parts is a grey, for "Other".
 */
typedef struct
{
  MeasuresColor background;
  MeasuresColor text;
  MeasuresColor dim_text;
  MeasuresColor axis;
  MeasuresColor grid;
  MeasuresColor hatch;
  MeasuresColor parts[MEASURES_CHART_N_COLORS];
} MeasuresChartColors;

/**
 * MeasuresChartHitKind:
 * @MEASURES_CHART_HIT_NONE: nothing
 * @MEASURES_CHART_HIT_YEAR: a year's bar; @index into #MeasuresOverview:years,
 *   @part the category of the part under the point, or %G_MAXUINT
 * @MEASURES_CHART_HIT_COUNT: a bar or label of the forms or types;
 *   @index into #MeasuresOverview:by_form or #MeasuresOverview:by_type,
 *   @part the #MeasuresChart
 * @MEASURES_CHART_HIT_TIMELINE: a measure of the timeline; @index into
 *   #MeasuresOverview:timeline
 * @MEASURES_CHART_HIT_CATEGORY: a key of the legend; @index into
 *   #MeasuresOverview:categories
 */
typedef enum
{
  MEASURES_CHART_HIT_NONE,
  MEASURES_CHART_HIT_YEAR,
  MEASURES_CHART_HIT_COUNT,
  MEASURES_CHART_HIT_TIMELINE,
  MEASURES_CHART_HIT_CATEGORY,
} MeasuresChartHitKind;

/**
 * MeasuresChartHit:
 * @kind: what is there
 * @index: which one
 * @part: which part of it
 * @x: the left of its area
 * @y: the top of its area
 * @width: the width of its area
 * @height: the height of its area
 *
 * What a chart shows at a point.
 */
typedef struct
{
  MeasuresChartHitKind kind;
  guint index;
  guint part;
  double x;
  double y;
  double width;
  double height;
} MeasuresChartHit;

typedef enum
{
  MEASURES_CHART_PNG,
  MEASURES_CHART_SVG,
} MeasuresChartFormat;

typedef enum
{
  MEASURES_CHART_ERROR_BAD_SIZE,
  MEASURES_CHART_ERROR_DRAWING,
} MeasuresChartError;

#define MEASURES_CHART_ERROR (measures_chart_error_quark ())
GQuark       measures_chart_error_quark        (void);

const char  *measures_chart_get_name           (MeasuresChart              chart);
gboolean     measures_chart_from_name          (const char                *name,
                                                MeasuresChart             *chart);
const char  *measures_chart_get_title          (MeasuresChart              chart,
                                                MeasuresTranslations      *translations);
void         measures_chart_get_colors         (const MeasuresChartStyle  *style,
                                                MeasuresChartColors       *colors);
void         measures_chart_get_category_fill  (MeasuresOverview          *overview,
                                                guint                      category,
                                                const MeasuresChartStyle  *style,
                                                MeasuresFill              *fill);

double       measures_chart_get_height         (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                double                     width);
double       measures_chart_get_height_for_style (MeasuresOverview        *overview,
                                                  MeasuresChart              chart,
                                                  double                     width,
                                                  const MeasuresChartStyle  *style);
void         measures_chart_paint              (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                MeasuresCanvas            *canvas,
                                                double                     width,
                                                double                     height,
                                                const MeasuresChartStyle  *style);
void         measures_chart_draw               (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                cairo_t                   *cr,
                                                PangoContext              *context,
                                                double                     width,
                                                double                     height,
                                                const MeasuresChartStyle  *style);
gboolean     measures_chart_hit                (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                double                     width,
                                                double                     x,
                                                double                     y,
                                                MeasuresChartHit          *hit);
gboolean     measures_chart_locate             (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                double                     width,
                                                MeasuresChartHitKind       kind,
                                                guint                      index,
                                                MeasuresChartHit          *hit);
char        *measures_chart_describe_hit       (MeasuresOverview          *overview,
                                                const MeasuresChartHit    *hit);
GPtrArray   *measures_chart_get_table          (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                MeasuresTranslations      *translations);
char        *measures_chart_describe           (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                MeasuresTranslations      *translations);

gboolean     measures_chart_format_from_path   (const char                *path,
                                                MeasuresChartFormat       *format);
GBytes      *measures_chart_to_png             (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                double                     width,
                                                double                     scale,
                                                const MeasuresChartStyle  *style,
                                                GError                   **error);
GBytes      *measures_chart_to_svg             (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                double                     width,
                                                const MeasuresChartStyle  *style);
GBytes      *measures_chart_to_svg_element     (MeasuresOverview          *overview,
                                                MeasuresChart              chart,
                                                double                     width,
                                                const MeasuresChartStyle  *style,
                                                const char                *id_prefix);

G_END_DECLS
