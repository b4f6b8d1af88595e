/* measures-canvas-backend-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas (measures-canvas.c: its text and its Cairo backend)
 * shares with its SVG backend (measures-canvas-svg.c) and lends the
 * shapes drawn on both (measures-canvas-shapes.c): the class of a
 * backend, each backend's own target, and the ways they paint, so that
 * a shape fills, hatches and writes its text as the rectangles and runs
 * of text do.
 */

#pragma once

#include "measures-canvas.h"

G_BEGIN_DECLS

/* uncrustify 0.72 always writes a function pointer's ")(" without the
 * space and the columns of this table: it leaves them alone. */
/* *INDENT-OFF* */
typedef struct
{
  void (*fill_rect) (MeasuresCanvas      *self,
                     double               x,
                     double               y,
                     double               width,
                     double               height,
                     const MeasuresFill  *fill);
  void (*line)      (MeasuresCanvas      *self,
                     double               x0,
                     double               y0,
                     double               x1,
                     double               y1,
                     double               line_width,
                     const MeasuresColor *color);
  void (*text)      (MeasuresCanvas        *self,
                     const MeasuresTextRun *run);
  void (*finalize)  (MeasuresCanvas      *self);
} CanvasClass;
/* *INDENT-ON* */

struct _MeasuresCanvas
{
  const CanvasClass *klass;
  PangoContext *context;
  MeasuresTextCache *text_cache;
  gboolean own_text_cache;
};

/* A run of text shaped and shortened to fit, as both backends show it. */
typedef struct
{
  PangoLayout *layout;    /* the text as shown */
  char *text;
  double width;
} Fitted;

const Fitted *_measures_canvas_lookup_fitted   (MeasuresCanvas        *self,
                                                const MeasuresTextRun *run);
double       _measures_canvas_aligned_x       (const MeasuresTextRun *run,
                                               double                 width);
void         _measures_canvas_text_cache_begin (MeasuresTextCache    *self,
                                                PangoContext          *context);
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
