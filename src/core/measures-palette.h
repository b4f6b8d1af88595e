/* measures-palette.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-canvas.h"
#include "measures-chart.h"

G_BEGIN_DECLS

/* How many shades counts have, from the fewest to the most. */
#define MEASURES_PALETTE_N_LEVELS 5

/* The height of a key of a legend, and of a row of keys. */
#define MEASURES_PALETTE_KEY_HEIGHT 18.0
#define MEASURES_PALETTE_KEY_ROW 22.0

/**
 * MeasuresShade:
 * @MEASURES_SHADE_NONE: a cell of the matrix whose country has no such
 *   measure in the data at all: the background, hatched
 * @MEASURES_SHADE_ZERO: a cell none of whose measures match the
 *   filters: a plain grey
 * @MEASURES_SHADE_LEVEL: some match; see the level
 * @MEASURES_SHADE_BLANK: land of the map the data says nothing of: the
 *   background itself
 * @MEASURES_SHADE_ZERO_HATCHED: a country of the map none of whose
 *   measures match: the grey of a zero, hatched, so that it differs
 *   from a blank without colour
 *
 * What a shade of the coverage matrix or of the map says.
 */
typedef enum
{
  MEASURES_SHADE_NONE,
  MEASURES_SHADE_ZERO,
  MEASURES_SHADE_LEVEL,
  MEASURES_SHADE_BLANK,
  MEASURES_SHADE_ZERO_HATCHED,
} MeasuresShade;

guint          measures_palette_get_level       (guint                      count,
                                                 guint                      max);
char          *measures_palette_get_level_range (guint                      level,
                                                 guint                      max);
void           measures_palette_get_shade       (MeasuresShade              shade,
                                                 guint                      level,
                                                 const MeasuresChartStyle  *style,
                                                 MeasuresFill              *fill,
                                                 MeasuresColor             *text);
MeasuresColor  measures_palette_text_on         (const MeasuresColor       *fill,
                                                 const MeasuresChartStyle  *style);
MeasuresColor  measures_palette_get_sea         (const MeasuresChartStyle  *style);

void           measures_palette_paint_key       (MeasuresCanvas            *canvas,
                                                 const MeasuresFill        *fill,
                                                 const MeasuresColor       *ink,
                                                 const char                *key,
                                                 double                     width,
                                                 const char                *label,
                                                 double                    *x,
                                                 double                     y,
                                                 const MeasuresChartStyle  *style);
void           measures_palette_paint_levels    (MeasuresCanvas            *canvas,
                                                 guint                      max,
                                                 double                    *x,
                                                 double                     y,
                                                 const MeasuresChartStyle  *style);

G_END_DECLS
