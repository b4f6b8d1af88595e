/* measures-chart-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the charts' drawing shares with their colours
 * (measures-chart-colors.c), the swatches of categories, and with their
 * labels (measures-chart-labels.c).
 */

#pragma once

#include "measures-chart.h"

G_BEGIN_DECLS

/* The colours of MeasuresChartColors:parts, in order. */
enum
{
  MEASURES_CHART_BLUE,
  MEASURES_CHART_PURPLE,
  MEASURES_CHART_GREEN,
  MEASURES_CHART_ORANGE,
  MEASURES_CHART_RED,
  MEASURES_CHART_BROWN,
  MEASURES_CHART_GREY,
};

/* A swatch is a colour of the parts with a hatch over it. */
#define MEASURES_CHART_N_SWATCHES (MEASURES_CHART_N_COLORS * MEASURES_N_HATCHES)
#define MEASURES_CHART_SWATCH(color, hatch) ((hatch) * MEASURES_CHART_N_COLORS + (color))

guint *_measures_chart_category_swatches (MeasuresOverview          *overview);
void   _measures_chart_swatch_fill       (const MeasuresChartColors *colors,
                                          guint                      swatch,
                                          MeasuresFill              *fill);

const char *_measures_chart_tr  (const MeasuresChartStyle *style,
                                 const char               *context,
                                 const char               *msgid) G_GNUC_FORMAT (3);
const char *_measures_chart_ntr (MeasuresTranslations     *translations,
                                 const char               *msgid,
                                 const char               *plural,
                                 gulong                    n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
#define tr(style, context, msgid) _measures_chart_tr ((style), (context), (msgid))
#define ntr(translations, msgid, plural, n) _measures_chart_ntr ((translations), (msgid), (plural), (n))

/* Draws an image on @canvas. */
typedef void (*MeasuresChartPaintFunc) (MeasuresCanvas *canvas,
                                        gpointer        data);

GBytes     *_measures_chart_render_png    (double                    width,
                                           double                    height,
                                           double                    scale,
                                           MeasuresChartPaintFunc    paint_func,
                                           gpointer                  data,
                                           GError                  **error);

GArray     *_measures_chart_counts        (MeasuresOverview         *overview,
                                           MeasuresChart             chart);
guint       _measures_chart_timeline_rows (MeasuresOverview         *overview,
                                           const MeasuresChartStyle *style);

/* The size of the labels of bars and rows, in points. */
#define MEASURES_CHART_LABEL_SIZE 9

/* The label of a row of the timeline and what must stay when it is
 * shortened. */
typedef struct
{
  char *text;       /* "Country — Title" heads a country's group */
  GArray *keep;     /* offsets of characters whose words stay */
  guint start;      /* where the title starts in it */
  char *shown;      /* what is drawn */
} MeasuresChartLabel;

MeasuresChartLabel *_measures_chart_timeline_labels      (MeasuresCanvas     *canvas,
                                                          MeasuresOverview   *overview,
                                                          guint               rows,
                                                          double              max_width);
void                _measures_chart_timeline_labels_free (MeasuresChartLabel *labels,
                                                          guint               rows);

/* A label along an axis, one a column. */
typedef struct
{
  char *text;       /* NULL for a column with none */
  double x;         /* its left edge */
  double y;         /* its top */
  double width;
  double height;
  gboolean bold;    /* of what the filters chose */
  gboolean faded;   /* of what they left out */
  gboolean shown;
} MeasuresChartTick;

void _measures_chart_thin_labels (MeasuresChartTick *ticks,
                                  guint              n,
                                  double             step,
                                  const int         *years,
                                  const guint       *first,
                                  guint              n_first,
                                  double             width);

G_END_DECLS
