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

void      measures_coverage_chart_get_cell_colors  (MeasuresCoverage          *coverage,
                                                    guint                      row,
                                                    guint                      column,
                                                    const MeasuresChartStyle  *style,
                                                    MeasuresFill              *fill,
                                                    MeasuresColor             *text);

void      measures_coverage_chart_get_size         (MeasuresCoverage          *coverage,
                                                    double                    *width,
                                                    double                    *height);
double    measures_coverage_chart_get_part_height  (MeasuresCoverage          *coverage,
                                                    guint                      first,
                                                    guint                      n_rows,
                                                    gboolean                   legend);
void      measures_coverage_chart_paint            (MeasuresCoverage          *coverage,
                                                    MeasuresCanvas            *canvas,
                                                    const MeasuresChartStyle  *style);
void      measures_coverage_chart_paint_part       (MeasuresCoverage          *coverage,
                                                    MeasuresCanvas            *canvas,
                                                    const MeasuresChartStyle  *style,
                                                    guint                      first,
                                                    guint                      n_rows,
                                                    gboolean                   legend);
char     *measures_coverage_chart_describe         (MeasuresCoverage          *coverage,
                                                    MeasuresTranslations      *translations);
GBytes   *measures_coverage_chart_to_png           (MeasuresCoverage          *coverage,
                                                    double                     scale,
                                                    const MeasuresChartStyle  *style,
                                                    GError                   **error);
GBytes   *measures_coverage_chart_to_svg           (MeasuresCoverage          *coverage,
                                                    const MeasuresChartStyle  *style);

G_END_DECLS
