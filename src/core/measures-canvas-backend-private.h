/* measures-canvas-backend-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas's two backends (measures-canvas.c) lend the shapes
 * drawn on them (measures-canvas-shapes.c): each backend's own target,
 * and the ways they paint, so that a shape fills, hatches and writes its
 * text as the rectangles and runs of text do.
 */

#pragma once

#include "measures-canvas.h"

G_BEGIN_DECLS

cairo_t     *_measures_canvas_get_cairo       (MeasuresCanvas        *self);
GString     *_measures_canvas_get_svg_body    (MeasuresCanvas        *self);
char        *_measures_canvas_svg_paint       (MeasuresCanvas        *self,
                                               const MeasuresFill    *fill);
void         _measures_canvas_svg_color       (GString               *out,
                                               const char            *attribute,
                                               const MeasuresColor   *color);
void         _measures_canvas_append_xml_text (GString               *out,
                                               const char            *text);
void         _measures_canvas_cairo_hatch     (cairo_t               *cr,
                                               MeasuresHatch          hatch,
                                               double                 x,
                                               double                 y,
                                               double                 width,
                                               double                 height);
PangoLayout *_measures_canvas_fit_layout      (MeasuresCanvas        *self,
                                               const MeasuresTextRun *run,
                                               double                *width,
                                               const char           **text);

G_END_DECLS
