/* measures-canvas.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-canvas"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "measures-canvas-private.h"
#include "measures-canvas-backend-private.h"
#include "measures-fonts.h"

/* What the charts draw on: rectangles, lines and runs of text, with one
 * backend that draws them with Cairo (the window, PNG, PDF) and one that
 * writes them as SVG elements, so that an SVG image keeps its labels as
 * text. The charts have one drawing code for both.
 *
 * Hatches are drawn on a grid fixed to the origin, the same in both
 * backends, so that neighbouring parts of a bar line up. */

#define HATCH 8.0

typedef struct
{
  MeasuresCanvas parent;
  cairo_t *cr;
} CairoCanvas;

/* Text
 *
 * Each run of text is shaped once to measure it and, when it is too long,
 * once more as shortened; that layout is the one drawn. A chart drawn
 * again and again (in the window) can keep its fitted layouts in a
 * #MeasuresTextCache between draws, so that it shapes only the labels it
 * has not shown before: those of this draw and the one before are kept,
 * the rest dropped, and all of them when the Pango context or its fonts
 * or resolution change. */

struct _MeasuresTextCache
{
  PangoContext *context;  /* the layouts were made for; not a reference */
  guint serial;           /* of that context then */
  double resolution;      /* and its resolution and font options, which */
  cairo_font_options_t *options;  /* change no serial in Pango 1.50 */
  GHashTable *current;    /* key → Fitted, used by this draw */
  GHashTable *previous;   /* key → Fitted, used by the draw before */
};

static void
fitted_free (gpointer data)
{
  Fitted *fitted = data;

  g_object_unref (fitted->layout);
  g_free (fitted->text);
  g_free (fitted);
}

static GHashTable *
fitted_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fitted_free);
}

/**
 * measures_text_cache_new:
 *
 * Returns: (transfer full): a place to keep a chart's shaped labels
 *   between draws; free it with measures_text_cache_free()
 */
MeasuresTextCache *
measures_text_cache_new (void)
{
  MeasuresTextCache *self = g_new0 (MeasuresTextCache, 1);

  self->current = fitted_table_new ();
  self->previous = fitted_table_new ();

  return self;
}

void
measures_text_cache_free (MeasuresTextCache *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->current);
  g_hash_table_unref (self->previous);
  g_clear_pointer (&self->options, cairo_font_options_destroy);
  g_free (self);
}

/* Whether @context still shapes text as when the layouts were made. */
static gboolean
text_cache_valid (MeasuresTextCache *self,
                  PangoContext      *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  return self->context == context &&
         self->serial == pango_context_get_serial (context) &&
         self->resolution == pango_cairo_context_get_resolution (context) &&
         (options == NULL ? self->options == NULL
                          : self->options != NULL && cairo_font_options_equal (options, self->options));
}

/* As a draw on @context begins: what the draw before last used is
 * dropped, and everything if the context is another or has changed. */
void
_measures_canvas_text_cache_begin (MeasuresTextCache *self,
                                   PangoContext      *context)
{
  if (!text_cache_valid (self, context))
    {
      const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

      g_hash_table_remove_all (self->current);
      self->context = context;
      self->serial = pango_context_get_serial (context);
      self->resolution = pango_cairo_context_get_resolution (context);
      g_clear_pointer (&self->options, cairo_font_options_destroy);
      if (options != NULL)
        self->options = cairo_font_options_copy (options);
    }

  g_hash_table_unref (self->previous);
  self->previous = g_steal_pointer (&self->current);
  self->current = fitted_table_new ();
}

static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             double        size,
             gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (measures_fonts_get_family ());

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  /* A label is one line, whatever it holds. */
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  /* Record text: always text, never markup. */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);

  return (double) width / PANGO_SCALE;
}

/* The text shortened to @middle characters, as measures_canvas_fit_text()
 * shows it. */
static char *
shortened (const MeasuresTextRun *run,
           glong                  length,
           glong                  middle)
{
  if (run->middle)
    {
      /* The beginning and the end, such as the years of a title. */
      const char *head_end = g_utf8_offset_to_pointer (run->text, (middle + 1) / 2);
      const char *tail = g_utf8_offset_to_pointer (run->text, length - middle / 2);
      g_autofree char *head = g_strndup (run->text, head_end - run->text);

      while (*tail == ' ')
        tail++;
      return g_strconcat (g_strchomp (head), "…", tail, NULL);
    }
  else
    {
      const char *end = g_utf8_offset_to_pointer (run->text, middle);
      g_autofree char *prefix = g_strndup (run->text, end - run->text);

      return g_strconcat (g_strchomp (prefix), "…", NULL);
    }
}

/* The width of the first k characters of @layout's text, for each k,
 * from the widths of its characters in the one shaping it has. */
static double *
prefix_widths (PangoLayout *layout,
               glong        length)
{
  const char *text = pango_layout_get_text (layout);
  double *prefix = g_new0 (double, length + 1);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  g_autofree int *widths = NULL;
  int n_widths = 0;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      glong first;
      int n;

      if (run == NULL)
        continue;

      n = run->item->num_chars;
      first = g_utf8_pointer_to_offset (text, text + run->item->offset);
      if (first < 0 || first + n > length)
        continue;
      if (n > n_widths)
        {
          n_widths = n;
          widths = g_renew (int, widths, n_widths);
        }
      pango_glyph_item_get_logical_widths (run, text, widths);
      for (int k = 0; k < n; k++)
        prefix[first + k + 1] = (double) widths[k] / PANGO_SCALE;
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  for (glong k = 1; k <= length; k++)
    prefix[k] += prefix[k - 1];

  return prefix;
}

/* Shortens the text of @run to its longest beginning (or beginning and
 * end) that fits run->max_width with "…" in what is cut. */
static Fitted *
fit (PangoContext          *context,
     const MeasuresTextRun *run)
{
  Fitted *fitted = g_new0 (Fitted, 1);
  g_autoptr(PangoLayout) ellipsis_layout = NULL;
  g_autofree double *prefix = NULL;
  double full, ellipsis, total;
  glong length, low = 0, high, fits = -1;

  fitted->layout = make_layout (context, run->text, run->size, run->bold);
  fitted->width = full = layout_width (fitted->layout);
  if (run->max_width <= 0 || full <= run->max_width)
    {
      fitted->text = g_strdup (run->text);
      return fitted;
    }

  /* The width of any shortened text, estimated from this one shaping;
   * only the choice is shaped again, to check it. */
  length = g_utf8_strlen (run->text, -1);
  prefix = prefix_widths (fitted->layout, length);
  total = prefix[length];
  ellipsis_layout = make_layout (context, "…", run->size, run->bold);
  ellipsis = layout_width (ellipsis_layout);

  /* A title loses whole words from its middle, keeping its start, its
   * years and its end, when that can make it fit. */
  if (run->middle)
    {
      g_autoptr(GPtrArray) candidates = _measures_canvas_shorten_middle (run->text, prefix, length, ellipsis,
                                                                         run->max_width, run->keep, run->n_keep);

      for (guint i = 0; i < candidates->len; i++)
        {
          pango_layout_set_text (fitted->layout, g_ptr_array_index (candidates, i), -1);
          fitted->width = layout_width (fitted->layout);
          if (fitted->width <= run->max_width)
            {
              fitted->text = g_strdup (g_ptr_array_index (candidates, i));
              return fitted;
            }
        }
    }

  /* The most characters that fit with the ellipsis, by bisection. */
  high = length - 1;
  while (low <= high)
    {
      glong middle = (low + high) / 2;
      double estimate;

      if (run->middle)
        estimate = prefix[(middle + 1) / 2] + ellipsis + (total - prefix[length - middle / 2]);
      else
        estimate = prefix[middle] + ellipsis;

      if (estimate <= run->max_width)
        {
          fits = middle;
          low = middle + 1;
        }
      else
        high = middle - 1;
    }

  /* Check the choice; kerning or a script drawn right to left can make
   * the estimate short. */
  for (; fits >= 0; fits--)
    {
      g_autofree char *candidate = shortened (run, length, fits);

      pango_layout_set_text (fitted->layout, candidate, -1);
      fitted->width = layout_width (fitted->layout);
      if (fitted->width <= run->max_width || fits == 0)
        {
          fitted->text = g_steal_pointer (&candidate);
          return fitted;
        }
    }

  g_object_unref (fitted->layout);
  fitted->layout = g_steal_pointer (&ellipsis_layout);
  fitted->text = g_strdup ("…");
  fitted->width = ellipsis;

  return fitted;
}

/* The fitted layout of @run, made now or kept from this draw or the
 * one before. */
const Fitted *
_measures_canvas_lookup_fitted (MeasuresCanvas        *self,
                                const MeasuresTextRun *run)
{
  MeasuresTextCache *cache = self->text_cache;
  g_autofree char *key = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE], max_width[G_ASCII_DTOSTR_BUF_SIZE];
  Fitted *fitted;
  gpointer old_key;

  /* The fonts changed during the draw. */
  if (!text_cache_valid (cache, self->context))
    _measures_canvas_text_cache_begin (cache, self->context);

  {
    GString *keep = g_string_new (NULL);

    /* The characters kept, in the key: the same text may keep others. */
    for (guint k = 0; run->middle && k < run->n_keep; k++)
      g_string_append_printf (keep, "%u,", run->keep[k]);
    key = g_strdup_printf ("%s %s %c%c%s %s", g_ascii_dtostr (size, sizeof size, run->size),
                           g_ascii_dtostr (max_width, sizeof max_width, MAX (run->max_width, 0)),
                           run->bold ? 'b' : '-', run->middle ? 'm' : '-', keep->str, run->text);
    g_string_free (keep, TRUE);
  }

  fitted = g_hash_table_lookup (cache->current, key);
  if (fitted != NULL)
    return fitted;

  if (g_hash_table_steal_extended (cache->previous, key, &old_key, (gpointer *) &fitted))
    g_free (old_key);
  else
    fitted = fit (self->context, run);

  g_hash_table_insert (cache->current, g_steal_pointer (&key), fitted);

  return fitted;
}

/**
 * measures_canvas_fit_text:
 * @self: a canvas
 * @run: the text and its limit
 * @width: (out) (optional): the width of the result
 *
 * Shortens the text of @run to its longest beginning that fits
 * @run->max_width with "…" after it (or, for a run that keeps its
 * middle out, its beginning and end with "…" between). Both backends do
 * this the same way, so a PNG and an SVG image show the same words.
 *
 * Returns: (transfer full): the text to show
 */
char *
measures_canvas_fit_text (MeasuresCanvas        *self,
                          const MeasuresTextRun *run,
                          double                *width)
{
  const Fitted *fitted;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (run != NULL && run->text != NULL, NULL);

  fitted = _measures_canvas_lookup_fitted (self, run);
  if (width != NULL)
    *width = fitted->width;

  return g_strdup (fitted->text);
}

double
_measures_canvas_aligned_x (const MeasuresTextRun *run,
                            double                 width)
{
  switch (run->align)
    {
    case MEASURES_ALIGN_CENTER:
      return run->x - width / 2;
    case MEASURES_ALIGN_END:
      return run->x - width;
    case MEASURES_ALIGN_START:
    default:
      return run->x;
    }
}

/* Cairo */

static void
set_color (cairo_t             *cr,
           const MeasuresColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* The hatch of a rectangle, drawn inside it without a clip (a clip off
 * the pixel grid costs more than the hatch): lines end half their width
 * inside its edges, and only whole dots are drawn. The pattern is the
 * SVG one, on a grid fixed to the origin. */
void
_measures_canvas_cairo_hatch (cairo_t       *cr,
                              MeasuresHatch  hatch,
                              double         x,
                              double         y,
                              double         width,
                              double         height)
{
  const double inset = 0.75;
  double left = x + inset, top = y + inset, right = x + width - inset, bottom = y + height - inset;

  if (right <= left || bottom <= top)
    return;

  if (hatch == MEASURES_HATCH_DIAGONAL || hatch == MEASURES_HATCH_CROSS)
    {
      /* The lines x + y = 8k, cut to the rectangle. */
      for (double c = HATCH * ceil ((left + top) / HATCH); c <= right + bottom; c += HATCH)
        {
          double x0 = MAX (left, c - bottom), x1 = MIN (right, c - top);

          if (x1 <= x0)
            continue;
          cairo_move_to (cr, x0, c - x0);
          cairo_line_to (cr, x1, c - x1);
        }
    }
  if (hatch == MEASURES_HATCH_BACK_DIAGONAL || hatch == MEASURES_HATCH_CROSS)
    {
      /* The lines x - y = 8k. */
      for (double c = HATCH * ceil ((left - bottom) / HATCH); c <= right - top; c += HATCH)
        {
          double x0 = MAX (left, c + top), x1 = MIN (right, c + bottom);

          if (x1 <= x0)
            continue;
          cairo_move_to (cr, x0, x0 - c);
          cairo_line_to (cr, x1, x1 - c);
        }
    }

  switch (hatch)
    {
    case MEASURES_HATCH_DIAGONAL:
    case MEASURES_HATCH_BACK_DIAGONAL:
    case MEASURES_HATCH_CROSS:
      cairo_stroke (cr);
      break;
    case MEASURES_HATCH_DOTS:
      for (double cy = HATCH * floor (y / HATCH) + HATCH / 2; cy <= y + height - 1.5; cy += HATCH)
        for (double cx = HATCH * floor (x / HATCH) + HATCH / 2; cx <= x + width - 1.5; cx += HATCH)
          if (cy >= y + 1.5 && cx >= x + 1.5)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, cx, cy, 1.5, 0, 2 * G_PI);
            }
      cairo_fill (cr);
      break;
    case MEASURES_HATCH_HORIZONTAL:
      for (double cy = HATCH * floor (y / HATCH) + HATCH / 2; cy <= bottom; cy += HATCH)
        if (cy >= top)
          {
            cairo_move_to (cr, x, cy);
            cairo_line_to (cr, x + width, cy);
          }
      cairo_stroke (cr);
      break;
    case MEASURES_HATCH_NONE:
    default:
      break;
    }
}

static void
cairo_canvas_fill_rect (MeasuresCanvas     *canvas,
                        double              x,
                        double              y,
                        double              width,
                        double              height,
                        const MeasuresFill *fill)
{
  cairo_t *cr = ((CairoCanvas *) canvas)->cr;

  /* A plain fill needs no clip: clipping to a rectangle off the pixel
   * grid makes Cairo draw through a mask, several times slower. */
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  if (fill->fade)
    {
      cairo_pattern_t *fade = cairo_pattern_create_linear (x, 0, x + width, 0);
      const MeasuresColor *c = &fill->color;

      cairo_pattern_add_color_stop_rgba (fade, 0, c->red, c->green, c->blue, c->alpha);
      cairo_pattern_add_color_stop_rgba (fade, 1, c->red, c->green, c->blue, 0);
      cairo_set_source (cr, fade);
      cairo_pattern_destroy (fade);
    }
  else
    set_color (cr, &fill->color);

  if (fill->hatch == MEASURES_HATCH_NONE)
    {
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  cairo_fill (cr);
  set_color (cr, &fill->hatch_color);
  cairo_set_line_width (cr, 1.5);
  _measures_canvas_cairo_hatch (cr, fill->hatch, x, y, width, height);
  cairo_restore (cr);
}

static void
cairo_canvas_line (MeasuresCanvas      *canvas,
                   double               x0,
                   double               y0,
                   double               x1,
                   double               y1,
                   double               line_width,
                   const MeasuresColor *color)
{
  cairo_t *cr = ((CairoCanvas *) canvas)->cr;

  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
cairo_canvas_text (MeasuresCanvas        *canvas,
                   const MeasuresTextRun *run)
{
  cairo_t *cr = ((CairoCanvas *) canvas)->cr;
  const Fitted *fitted = _measures_canvas_lookup_fitted (canvas, run);

  cairo_save (cr);
  set_color (cr, &run->color);
  cairo_move_to (cr, _measures_canvas_aligned_x (run, fitted->width), run->y);
  pango_cairo_show_layout (cr, fitted->layout);
  cairo_restore (cr);
}

static void
cairo_canvas_finalize (MeasuresCanvas *canvas)
{
  cairo_destroy (((CairoCanvas *) canvas)->cr);
}

static const CanvasClass cairo_canvas_class = {
  cairo_canvas_fill_rect,
  cairo_canvas_line,
  cairo_canvas_text,
  cairo_canvas_finalize,
};

/**
 * measures_canvas_new_cairo:
 * @cr: where to draw
 * @context: the Pango context of @cr's surface
 *
 * Returns: (transfer full): a canvas that draws on @cr
 */
MeasuresCanvas *
measures_canvas_new_cairo (cairo_t      *cr,
                           PangoContext *context)
{
  CairoCanvas *self = g_new0 (CairoCanvas, 1);

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self->parent.klass = &cairo_canvas_class;
  self->parent.context = g_object_ref (context);
  self->parent.text_cache = measures_text_cache_new ();
  self->parent.own_text_cache = TRUE;
  _measures_canvas_text_cache_begin (self->parent.text_cache, context);
  self->cr = cairo_reference (cr);

  return (MeasuresCanvas *) self;
}

/* Common */

/**
 * measures_canvas_use_text_cache:
 * @self: a canvas
 * @cache: where its text's layouts are kept, from one draw to the next
 *
 * Keeps the shaped text of this draw in @cache, and uses what the draw
 * before kept there. @cache must outlive the canvas.
 */
void
measures_canvas_use_text_cache (MeasuresCanvas    *self,
                                MeasuresTextCache *cache)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cache != NULL);

  if (self->own_text_cache)
    measures_text_cache_free (self->text_cache);
  self->text_cache = cache;
  self->own_text_cache = FALSE;
  _measures_canvas_text_cache_begin (cache, self->context);
}

void
measures_canvas_free (MeasuresCanvas *self)
{
  if (self == NULL)
    return;

  self->klass->finalize (self);
  if (self->own_text_cache)
    measures_text_cache_free (self->text_cache);
  g_clear_object (&self->context);
  g_free (self);
}

void
measures_canvas_fill_rect (MeasuresCanvas     *self,
                           double              x,
                           double              y,
                           double              width,
                           double              height,
                           const MeasuresFill *fill)
{
  g_return_if_fail (self != NULL);

  if (width <= 0 || height <= 0)
    return;

  self->klass->fill_rect (self, x, y, width, height, fill);
}

void
measures_canvas_line (MeasuresCanvas      *self,
                      double               x0,
                      double               y0,
                      double               x1,
                      double               y1,
                      double               line_width,
                      const MeasuresColor *color)
{
  g_return_if_fail (self != NULL);

  self->klass->line (self, x0, y0, x1, y1, line_width, color);
}

void
measures_canvas_text (MeasuresCanvas        *self,
                      const MeasuresTextRun *run)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (run->text != NULL);

  if (*run->text == '\0')
    return;

  self->klass->text (self, run);
}

/**
 * measures_canvas_create_context:
 * @resolution: dots per inch
 *
 * A Pango context that measures the same on every surface: no hinting,
 * so that a PNG, an SVG and a reference image agree.
 *
 * Returns: (transfer full): a Pango context for Cairo
 */
PangoContext *
measures_canvas_create_context (double resolution)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, resolution);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/**
 * measures_color_luminance:
 *
 * Returns: the relative luminance of an opaque colour, as WCAG 2 defines it
 */
double
measures_color_luminance (const MeasuresColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/**
 * measures_color_contrast:
 * @a: a colour, drawn over @b
 * @b: an opaque colour
 *
 * Returns: the WCAG 2 contrast ratio of @a drawn over @b, from 1 to 21
 */
double
measures_color_contrast (const MeasuresColor *a,
                         const MeasuresColor *b)
{
  MeasuresColor over = {
    a->red * a->alpha + b->red * (1 - a->alpha),
    a->green * a->alpha + b->green * (1 - a->alpha),
    a->blue * a->alpha + b->blue * (1 - a->alpha),
    1,
  };
  double la = measures_color_luminance (&over), lb = measures_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * measures_canvas_append_to_array:
 * @closure: a #GByteArray
 *
 * A #cairo_write_func_t that appends what cairo writes (a PNG, a PDF) to
 * a byte array.
 */
cairo_status_t
measures_canvas_append_to_array (void                *closure,
                                 const unsigned char *data,
                                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* For the SVG backend and the shapes (measures-canvas-backend-private.h) */

cairo_t *
_measures_canvas_get_cairo (MeasuresCanvas *self)
{
  return self->klass == &cairo_canvas_class ? ((CairoCanvas *) self)->cr : NULL;
}

/* The layout of @run as the canvas shows it, shortened to fit; borrowed
 * until the end of the draw. */
PangoLayout *
_measures_canvas_fit_layout (MeasuresCanvas        *self,
                             const MeasuresTextRun *run,
                             double                *width,
                             const char           **text)
{
  const Fitted *fitted = _measures_canvas_lookup_fitted (self, run);

  *width = fitted->width;
  *text = fitted->text;

  return fitted->layout;
}
