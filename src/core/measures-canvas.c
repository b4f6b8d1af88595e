/* measures-canvas.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-canvas"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "measures-canvas.h"
#include "measures-canvas-backend-private.h"

/* What the charts draw on: rectangles, lines and runs of text, with one
 * backend that draws them with Cairo (the window, PNG, PDF) and one that
 * writes them as SVG elements, so that an SVG image keeps its labels as
 * text. The charts have one drawing code for both.
 *
 * Hatches are drawn on a grid fixed to the origin, the same in both
 * backends, so that neighbouring parts of a bar line up. */

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"
#define SVG_FONT_FAMILY "Cantarell, 'DejaVu Sans', sans-serif"
#define HATCH 8.0
#define SVG_RESOLUTION 96.0

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

struct _MeasuresCanvas
{
  const CanvasClass *klass;
  PangoContext *context;
  MeasuresTextCache *text_cache;
  gboolean own_text_cache;
};

typedef struct
{
  MeasuresCanvas parent;
  cairo_t *cr;
} CairoCanvas;

typedef struct
{
  MeasuresCanvas parent;
  double width;
  double height;
  char *title;
  char *description;
  GString *defs;
  GString *body;
  GHashTable *paints;     /* key → id of a <pattern> or <linearGradient> */
} SvgCanvas;

/* Text
 *
 * Each run of text is shaped once to measure it and, when it is too long,
 * once more as shortened; that layout is the one drawn. A chart drawn
 * again and again (in the window) can keep its fitted layouts in a
 * #MeasuresTextCache between draws, so that it shapes only the labels it
 * has not shown before: those of this draw and the one before are kept,
 * the rest dropped, and all of them when the Pango context or its fonts
 * or resolution change. */

typedef struct
{
  PangoLayout *layout;    /* the text as shown */
  char *text;
  double width;
} Fitted;

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
static void
text_cache_begin (MeasuresTextCache *self,
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
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

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
static const Fitted *
lookup_fitted (MeasuresCanvas        *self,
               const MeasuresTextRun *run)
{
  MeasuresTextCache *cache = self->text_cache;
  g_autofree char *key = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE], max_width[G_ASCII_DTOSTR_BUF_SIZE];
  Fitted *fitted;
  gpointer old_key;

  /* The fonts changed during the draw. */
  if (!text_cache_valid (cache, self->context))
    text_cache_begin (cache, self->context);

  key = g_strdup_printf ("%s %s %c%c%s", g_ascii_dtostr (size, sizeof size, run->size),
                         g_ascii_dtostr (max_width, sizeof max_width, MAX (run->max_width, 0)),
                         run->bold ? 'b' : '-', run->middle ? 'm' : '-', run->text);

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

  fitted = lookup_fitted (self, run);
  if (width != NULL)
    *width = fitted->width;

  return g_strdup (fitted->text);
}

static double
aligned_x (const MeasuresTextRun *run,
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
static void
cairo_hatch (cairo_t       *cr,
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

  switch (hatch)
    {
    case MEASURES_HATCH_DIAGONAL:
      /* The lines x + y = 8k, cut to the rectangle. */
      for (double c = HATCH * ceil ((left + top) / HATCH); c <= right + bottom; c += HATCH)
        {
          double x0 = MAX (left, c - bottom), x1 = MIN (right, c - top);

          if (x1 <= x0)
            continue;
          cairo_move_to (cr, x0, c - x0);
          cairo_line_to (cr, x1, c - x1);
        }
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
  cairo_hatch (cr, fill->hatch, x, y, width, height);
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
  const Fitted *fitted = lookup_fitted (canvas, run);

  cairo_save (cr);
  set_color (cr, &run->color);
  cairo_move_to (cr, aligned_x (run, fitted->width), run->y);
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
  text_cache_begin (self->parent.text_cache, context);
  self->cr = cairo_reference (cr);

  return (MeasuresCanvas *) self;
}

/* SVG */

static void
svg_color (GString             *out,
           const char          *attribute,
           const MeasuresColor *color)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attribute,
                          (guint) lround (CLAMP (color->red, 0, 1) * 255),
                          (guint) lround (CLAMP (color->green, 0, 1) * 255),
                          (guint) lround (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, " %s-opacity=\"%s\"", attribute,
                              g_ascii_formatd (number, sizeof number, "%.3g", color->alpha));
    }
}

/* Numbers in the C locale, whatever the user's. */
static const char *
num (char   *buffer,
     double  value)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", value);
}

static char *
svg_paint (SvgCanvas          *self,
           const MeasuresFill *fill)
{
  g_autoptr(GString) key = g_string_new (NULL);
  const char *id;

  svg_color (key, "c", &fill->color);
  svg_color (key, "h", &fill->hatch_color);
  g_string_append_printf (key, " %d %d", fill->hatch, fill->fade);

  id = g_hash_table_lookup (self->paints, key->str);
  if (id == NULL)
    {
      char *new_id = g_strdup_printf ("%s%u", fill->fade ? "fade" : "hatch", g_hash_table_size (self->paints) + 1);

      if (fill->fade)
        {
          g_string_append_printf (self->defs, "<linearGradient id=\"%s\">", new_id);
          g_string_append (self->defs, "<stop offset=\"0\"");
          svg_color (self->defs, "stop", &fill->color);
          g_string_append (self->defs, "/><stop offset=\"1\"");
          svg_color (self->defs, "stop", &fill->color);
          g_string_append (self->defs, " stop-opacity=\"0\"/></linearGradient>\n");
        }
      else
        {
          g_string_append_printf (self->defs,
                                  "<pattern id=\"%s\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                                  "<rect width=\"8\" height=\"8\"", new_id);
          svg_color (self->defs, "fill", &fill->color);
          g_string_append (self->defs, "/>");
          switch (fill->hatch)
            {
            case MEASURES_HATCH_DIAGONAL:
              g_string_append (self->defs, "<path d=\"M-2 2L2-2M0 8L8 0M6 10L10 6\" stroke-width=\"1.5\"");
              svg_color (self->defs, "stroke", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_DOTS:
              g_string_append (self->defs, "<circle cx=\"4\" cy=\"4\" r=\"1.5\"");
              svg_color (self->defs, "fill", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_HORIZONTAL:
              g_string_append (self->defs, "<path d=\"M0 4H8\" stroke-width=\"1.5\"");
              svg_color (self->defs, "stroke", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_NONE:
            default:
              break;
            }
          g_string_append (self->defs, "</pattern>\n");
        }

      g_hash_table_insert (self->paints, g_strdup (key->str), new_id);
      id = new_id;
    }

  return g_strdup_printf ("url(#%s)", id);
}

static void
svg_canvas_fill_rect (MeasuresCanvas     *canvas,
                      double              x,
                      double              y,
                      double              width,
                      double              height,
                      const MeasuresFill *fill)
{
  SvgCanvas *self = (SvgCanvas *) canvas;
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  char c[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (self->body, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"",
                          num (a, x), num (b, y), num (c, width), num (d, height));
  if (fill->hatch == MEASURES_HATCH_NONE && !fill->fade)
    svg_color (self->body, "fill", &fill->color);
  else
    {
      g_autofree char *paint = svg_paint (self, fill);

      g_string_append_printf (self->body, " fill=\"%s\"", paint);
    }
  g_string_append (self->body, "/>\n");
}

static void
svg_canvas_line (MeasuresCanvas      *canvas,
                 double               x0,
                 double               y0,
                 double               x1,
                 double               y1,
                 double               line_width,
                 const MeasuresColor *color)
{
  SvgCanvas *self = (SvgCanvas *) canvas;
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  char c[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];
  char e[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (self->body, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke-width=\"%s\"",
                          num (a, x0), num (b, y0), num (c, x1), num (d, y1), num (e, line_width));
  svg_color (self->body, "stroke", color);
  g_string_append (self->body, "/>\n");
}

/* Text as XML character data. Markup characters are escaped as
 * g_markup_escape_text() escapes them, but the characters that XML 1.0
 * cannot hold at all, not even as references (the C0 controls but tab,
 * line feed and carriage return; U+FFFE and U+FFFF; and anything that
 * is not UTF-8, such as a surrogate), become U+FFFD: GLib writes the
 * controls as &#x1;, which no XML parser accepts. */
static void
append_xml_text (GString    *out,
                 const char *text)
{
  const char *end = text + strlen (text);

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        default:
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF ||
              (c >= 0xD800 && c <= 0xDFFF))
            g_string_append_unichar (out, 0xFFFD);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      p = g_utf8_next_char (p);
    }
}

static void
svg_canvas_text (MeasuresCanvas        *canvas,
                 const MeasuresTextRun *run)
{
  SvgCanvas *self = (SvgCanvas *) canvas;
  const Fitted *fitted = lookup_fitted (canvas, run);
  double baseline = (double) pango_layout_get_baseline (fitted->layout) / PANGO_SCALE;
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];

  /* The text's left edge, as the Cairo backend places it: a viewer with
   * other fonts still starts the text where ours does. */
  g_string_append_printf (self->body, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"",
                          num (a, aligned_x (run, fitted->width)), num (b, run->y + baseline),
                          num (c, run->size * SVG_RESOLUTION / 72));
  if (run->bold)
    g_string_append (self->body, " font-weight=\"bold\"");
  svg_color (self->body, "fill", &run->color);
  g_string_append_c (self->body, '>');
  append_xml_text (self->body, fitted->text);
  g_string_append (self->body, "</text>\n");
}

static void
svg_canvas_finalize (MeasuresCanvas *canvas)
{
  SvgCanvas *self = (SvgCanvas *) canvas;

  g_free (self->title);
  g_free (self->description);
  if (self->defs != NULL)
    g_string_free (self->defs, TRUE);
  if (self->body != NULL)
    g_string_free (self->body, TRUE);
  g_hash_table_unref (self->paints);
}

static const CanvasClass svg_canvas_class = {
  svg_canvas_fill_rect,
  svg_canvas_line,
  svg_canvas_text,
  svg_canvas_finalize,
};

/**
 * measures_canvas_new_svg:
 * @width: the width of the image, in pixels
 * @height: its height
 * @title: (nullable): the image's title, for screen readers
 * @description: (nullable): a longer description
 *
 * Text is measured as at 96 dots per inch, as images are drawn.
 *
 * Returns: (transfer full): a canvas that writes SVG; get the document
 *   with measures_canvas_svg_finish()
 */
MeasuresCanvas *
measures_canvas_new_svg (double      width,
                         double      height,
                         const char *title,
                         const char *description)
{
  SvgCanvas *self = g_new0 (SvgCanvas, 1);

  self->parent.klass = &svg_canvas_class;
  self->parent.context = measures_canvas_create_context (SVG_RESOLUTION);
  self->parent.text_cache = measures_text_cache_new ();
  self->parent.own_text_cache = TRUE;
  text_cache_begin (self->parent.text_cache, self->parent.context);
  self->width = width;
  self->height = height;
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->defs = g_string_new (NULL);
  self->body = g_string_new (NULL);
  self->paints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return (MeasuresCanvas *) self;
}

/**
 * measures_canvas_svg_finish:
 * @self: a canvas made by measures_canvas_new_svg()
 *
 * Returns: (transfer full): the SVG document, in UTF-8
 */
GBytes *
measures_canvas_svg_finish (MeasuresCanvas *self)
{
  SvgCanvas *svg = (SvgCanvas *) self;
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (self != NULL && self->klass == &svg_canvas_class, NULL);

  num (a, svg->width);
  num (b, svg->height);
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" "
                          "viewBox=\"0 0 %s %s\" role=\"img\" font-family=\"%s\"",
                          a, b, a, b, SVG_FONT_FAMILY);
  if (svg->title != NULL)
    g_string_append (out, " aria-labelledby=\"title\"");
  g_string_append (out, ">\n");

  if (svg->title != NULL)
    {
      g_string_append (out, "<title id=\"title\">");
      append_xml_text (out, svg->title);
      g_string_append (out, "</title>\n");
    }
  if (svg->description != NULL)
    {
      g_string_append (out, "<desc>");
      append_xml_text (out, svg->description);
      g_string_append (out, "</desc>\n");
    }
  if (svg->defs->len > 0)
    g_string_append_printf (out, "<defs>\n%s</defs>\n", svg->defs->str);
  g_string_append (out, svg->body->str);
  g_string_append (out, "</svg>\n");

  return g_string_free_to_bytes (out);
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
  text_cache_begin (cache, self->context);
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

/* For the shapes of measures-canvas-shapes.c: see
 * measures-canvas-backend-private.h. */

cairo_t *
_measures_canvas_get_cairo (MeasuresCanvas *self)
{
  return self->klass == &cairo_canvas_class ? ((CairoCanvas *) self)->cr : NULL;
}

GString *
_measures_canvas_get_svg_body (MeasuresCanvas *self)
{
  return self->klass == &svg_canvas_class ? ((SvgCanvas *) self)->body : NULL;
}

char *
_measures_canvas_svg_paint (MeasuresCanvas     *self,
                            const MeasuresFill *fill)
{
  g_return_val_if_fail (self->klass == &svg_canvas_class, NULL);

  return svg_paint ((SvgCanvas *) self, fill);
}

void
_measures_canvas_svg_color (GString             *out,
                            const char          *attribute,
                            const MeasuresColor *color)
{
  svg_color (out, attribute, color);
}

void
_measures_canvas_append_xml_text (GString    *out,
                                  const char *text)
{
  append_xml_text (out, text);
}

void
_measures_canvas_cairo_hatch (cairo_t       *cr,
                              MeasuresHatch  hatch,
                              double         x,
                              double         y,
                              double         width,
                              double         height)
{
  cairo_hatch (cr, hatch, x, y, width, height);
}

/* The layout of @run as the canvas shows it, shortened to fit; borrowed
 * until the end of the draw. */
PangoLayout *
_measures_canvas_fit_layout (MeasuresCanvas        *self,
                             const MeasuresTextRun *run,
                             double                *width,
                             const char           **text)
{
  const Fitted *fitted = lookup_fitted (self, run);

  *width = fitted->width;
  *text = fitted->text;

  return fitted->layout;
}
