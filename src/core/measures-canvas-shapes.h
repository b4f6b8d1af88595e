/* measures-canvas-shapes.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-canvas.h"

G_BEGIN_DECLS

/**
 * MeasuresShape:
 * @points: (array): the points of every ring, x then y
 * @ring_sizes: (array length=n_rings): how many points each ring has
 * @n_rings: how many rings
 *
 * A shape of closed rings, filled by the even-odd rule: a ring inside
 * another is a hole.
 */
typedef struct
{
  const double *points;
  const guint *ring_sizes;
  guint n_rings;
} MeasuresShape;

void measures_canvas_shape        (MeasuresCanvas        *self,
                                   const MeasuresShape   *shape,
                                   const MeasuresFill    *fill,
                                   const MeasuresColor   *stroke,
                                   double                 stroke_width);
void measures_canvas_circle       (MeasuresCanvas        *self,
                                   double                 x,
                                   double                 y,
                                   double                 radius,
                                   const MeasuresFill    *fill,
                                   const MeasuresColor   *stroke,
                                   double                 stroke_width);
void measures_canvas_text_rotated (MeasuresCanvas        *self,
                                   const MeasuresTextRun *run,
                                   double                 degrees);
void measures_canvas_begin_group  (MeasuresCanvas        *self,
                                   const char            *id,
                                   const char            *title);
void measures_canvas_end_group    (MeasuresCanvas        *self);
void measures_canvas_begin_clip   (MeasuresCanvas        *self,
                                   double                 x,
                                   double                 y,
                                   double                 width,
                                   double                 height);
void measures_canvas_end_clip     (MeasuresCanvas        *self);

G_END_DECLS
