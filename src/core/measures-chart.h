/* measures-chart.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "measures-overview.h"

G_BEGIN_DECLS

typedef enum
{
  MEASURES_CHART_YEARS,
  MEASURES_CHART_FORMS,
  MEASURES_CHART_TYPES,
  MEASURES_CHART_TIMELINE,
} MeasuresChart;

/**
 * MeasuresChartStyle:
 * @dark: whether to draw light on dark
 *
 * How a chart is drawn: the window follows its style; printing and
 * images use the light one.
 */
typedef struct
{
  gboolean dark;
} MeasuresChartStyle;

double  measures_chart_get_height (MeasuresOverview         *overview,
                                   MeasuresChart             chart,
                                   double                    width);
void    measures_chart_draw       (MeasuresOverview         *overview,
                                   MeasuresChart             chart,
                                   cairo_t                  *cr,
                                   PangoContext             *context,
                                   double                    width,
                                   double                    height,
                                   const MeasuresChartStyle *style);

G_END_DECLS
