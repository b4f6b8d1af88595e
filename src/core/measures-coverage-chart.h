/* measures-coverage-chart.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "measures-canvas.h"
#include "measures-chart.h"
#include "measures-coverage.h"

G_BEGIN_DECLS

/* How many shades counts have, from the fewest to the most. */
#define MEASURES_COVERAGE_N_LEVELS 5

/**
 * MeasuresCoverageShade:
 * @MEASURES_COVERAGE_SHADE_NONE: the data has no such measure at all
 * @MEASURES_COVERAGE_SHADE_ZERO: none of them matches the filters
 * @MEASURES_COVERAGE_SHADE_LEVEL: some match; see the level
 *
 * What a cell's (or a country's) shade says.
 */
typedef enum
{
  MEASURES_COVERAGE_SHADE_NONE,
  MEASURES_COVERAGE_SHADE_ZERO,
  MEASURES_COVERAGE_SHADE_LEVEL,
} MeasuresCoverageShade;

guint     measures_coverage_chart_get_level        (guint                      count,
                                                    guint                      max);
void      measures_coverage_chart_get_shade        (MeasuresCoverageShade      shade,
                                                    guint                      level,
                                                    const MeasuresChartStyle  *style,
                                                    MeasuresFill              *fill,
                                                    MeasuresColor             *text);
void      measures_coverage_chart_get_cell_colors  (MeasuresCoverage          *coverage,
                                                    guint                      row,
                                                    guint                      column,
                                                    const MeasuresChartStyle  *style,
                                                    MeasuresFill              *fill,
                                                    MeasuresColor             *text);
char     *measures_coverage_chart_get_level_range  (guint                      level,
                                                    guint                      max);

void      measures_coverage_chart_get_size         (MeasuresCoverage          *coverage,
                                                    double                    *width,
                                                    double                    *height);
void      measures_coverage_chart_paint            (MeasuresCoverage          *coverage,
                                                    MeasuresCanvas            *canvas,
                                                    const MeasuresChartStyle  *style);
char     *measures_coverage_chart_describe         (MeasuresCoverage          *coverage,
                                                    MeasuresTranslations      *translations);
GBytes   *measures_coverage_chart_to_png           (MeasuresCoverage          *coverage,
                                                    double                     scale,
                                                    const MeasuresChartStyle  *style,
                                                    GError                   **error);
GBytes   *measures_coverage_chart_to_svg           (MeasuresCoverage          *coverage,
                                                    const MeasuresChartStyle  *style);

G_END_DECLS
