/* measures-canvas.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/**
 * MeasuresColor:
 *
 * An sRGB colour, each channel from 0 to 1.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} MeasuresColor;

/**
 * MeasuresHatch:
 * @MEASURES_HATCH_NONE: a plain fill
 * @MEASURES_HATCH_DIAGONAL: diagonal lines
 * @MEASURES_HATCH_DOTS: dots
 * @MEASURES_HATCH_HORIZONTAL: horizontal lines
 * @MEASURES_HATCH_BACK_DIAGONAL: diagonal lines the other way
 * @MEASURES_HATCH_CROSS: diagonal lines both ways
 * @MEASURES_N_HATCHES: how many there are
 *
 * The pattern drawn over a fill, so that fills differ without colour.
 * Each shows in a bar a few units wide, as vertical lines would not.
 */
typedef enum
{
  MEASURES_HATCH_NONE,
  MEASURES_HATCH_DIAGONAL,
  MEASURES_HATCH_DOTS,
  MEASURES_HATCH_HORIZONTAL,
  MEASURES_HATCH_BACK_DIAGONAL,
  MEASURES_HATCH_CROSS,
  MEASURES_N_HATCHES,
} MeasuresHatch;

/**
 * MeasuresFill:
 * @color: the colour
 * @hatch: the pattern over it
 * @hatch_color: the colour of the pattern
 * @fade: whether the fill fades out from left to right
 */
typedef struct
{
  MeasuresColor color;
  MeasuresHatch hatch;
  MeasuresColor hatch_color;
  gboolean fade;
} MeasuresFill;

typedef enum
{
  MEASURES_ALIGN_START,
  MEASURES_ALIGN_CENTER,
  MEASURES_ALIGN_END,
} MeasuresAlign;

/**
 * MeasuresTextRun:
 * @text: the text, plain (never markup)
 * @x: the left edge, the centre or the right edge, as @align says
 * @y: the top of the line
 * @size: the font size in points
 * @bold: whether bold
 * @max_width: the widest it may be; longer text ends with "…"; 0 for no limit
 * @align: which point @x is
 * @color: the colour
 * @middle: whether a text too long loses its middle rather than its end:
 *   whole words between its first word, the words with digits (such as
 *   years) and its last word, as few as needed
 * @keep: (array length=n_keep) (nullable): for @middle, offsets of
 *   characters whose words stay too, such as where a title first differs
 *   from another's; when even they cannot all fit, they go in this order
 * @n_keep: how many
 */
typedef struct
{
  const char *text;
  double x;
  double y;
  double size;
  gboolean bold;
  double max_width;
  MeasuresAlign align;
  MeasuresColor color;
  gboolean middle;
  const guint *keep;
  guint n_keep;
} MeasuresTextRun;

typedef struct _MeasuresCanvas MeasuresCanvas;
typedef struct _MeasuresTextCache MeasuresTextCache;

MeasuresTextCache *measures_text_cache_new     (void);
void            measures_text_cache_free       (MeasuresTextCache     *self);

MeasuresCanvas *measures_canvas_new_cairo      (cairo_t               *cr,
                                                PangoContext          *context);
MeasuresCanvas *measures_canvas_new_svg        (double                 width,
                                                double                 height,
                                                const char            *title,
                                                const char            *description);
void            measures_canvas_free           (MeasuresCanvas        *self);
void            measures_canvas_use_text_cache (MeasuresCanvas        *self,
                                                MeasuresTextCache     *cache);
void            measures_canvas_svg_set_id_prefix (MeasuresCanvas     *self,
                                                   const char            *prefix);
GBytes         *measures_canvas_svg_finish     (MeasuresCanvas        *self);

void            measures_canvas_fill_rect      (MeasuresCanvas        *self,
                                                double                 x,
                                                double                 y,
                                                double                 width,
                                                double                 height,
                                                const MeasuresFill    *fill);
void            measures_canvas_line           (MeasuresCanvas        *self,
                                                double                 x0,
                                                double                 y0,
                                                double                 x1,
                                                double                 y1,
                                                double                 line_width,
                                                const MeasuresColor   *color);
void            measures_canvas_text           (MeasuresCanvas        *self,
                                                const MeasuresTextRun *run);
char           *measures_canvas_fit_text       (MeasuresCanvas        *self,
                                                const MeasuresTextRun *run,
                                                double                *width);

PangoContext   *measures_canvas_create_context (double                 resolution);
cairo_status_t  measures_canvas_append_to_array (void                 *closure,
                                                 const unsigned char  *data,
                                                 unsigned int          length);
double          measures_color_luminance       (const MeasuresColor   *color);
double          measures_color_contrast        (const MeasuresColor   *a,
                                                const MeasuresColor   *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresCanvas, measures_canvas_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresTextCache, measures_text_cache_free)

G_END_DECLS
