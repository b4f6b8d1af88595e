/* measures-map.h
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

/* The default width of a map written as an image. */
#define MEASURES_MAP_IMAGE_WIDTH 1000.0

/**
 * MeasuresMapZoom:
 * @MEASURES_MAP_WORLD: the whole world
 * @MEASURES_MAP_EUROPE: Europe, from Iceland to the Urals' foot
 */
typedef enum
{
  MEASURES_MAP_WORLD,
  MEASURES_MAP_EUROPE,
  MEASURES_N_MAP_ZOOMS,
} MeasuresMapZoom;

/**
 * MeasuresMapHit:
 * @country: the country's index in the world map (#MeasuresAtlas), or -1
 *   for none
 * @row: its row of the coverage, or -1 when the data has no measure of it
 *
 * What the map shows at a point.
 */
typedef struct
{
  int country;
  int row;
} MeasuresMapHit;

const char *measures_map_zoom_get_name  (MeasuresMapZoom            zoom);
gboolean    measures_map_zoom_from_name (const char                *name,
                                         MeasuresMapZoom           *zoom);
const char *measures_map_get_title      (MeasuresTranslations      *translations);

double      measures_map_get_height     (MeasuresCoverage          *coverage,
                                         MeasuresMapZoom            zoom,
                                         double                     width);
void        measures_map_paint          (MeasuresCoverage          *coverage,
                                         MeasuresMapZoom            zoom,
                                         MeasuresCanvas            *canvas,
                                         double                     width,
                                         double                     height,
                                         const MeasuresChartStyle  *style);
void        measures_map_draw           (MeasuresCoverage          *coverage,
                                         MeasuresMapZoom            zoom,
                                         cairo_t                   *cr,
                                         PangoContext              *context,
                                         double                     width,
                                         double                     height,
                                         const MeasuresChartStyle  *style);
gboolean    measures_map_hit            (MeasuresCoverage          *coverage,
                                         MeasuresMapZoom            zoom,
                                         double                     width,
                                         double                     x,
                                         double                     y,
                                         MeasuresMapHit            *hit);
char       *measures_map_describe_hit   (MeasuresCoverage          *coverage,
                                         const MeasuresMapHit      *hit,
                                         MeasuresTranslations      *translations);
GPtrArray  *measures_map_get_table      (MeasuresCoverage          *coverage,
                                         MeasuresTranslations      *translations);
char       *measures_map_describe       (MeasuresCoverage          *coverage,
                                         MeasuresTranslations      *translations);
GBytes     *measures_map_to_png         (MeasuresCoverage          *coverage,
                                         MeasuresMapZoom            zoom,
                                         double                     width,
                                         double                     scale,
                                         const MeasuresChartStyle  *style,
                                         GError                   **error);
GBytes     *measures_map_to_svg         (MeasuresCoverage          *coverage,
                                         MeasuresMapZoom            zoom,
                                         double                     width,
                                         const MeasuresChartStyle  *style);
GBytes     *measures_map_to_svg_element (MeasuresCoverage          *coverage,
                                         MeasuresMapZoom            zoom,
                                         double                     width,
                                         const MeasuresChartStyle  *style,
                                         const char                *id_prefix);

G_END_DECLS
