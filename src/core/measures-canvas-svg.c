/* measures-canvas-svg.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-canvas"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "measures-canvas.h"
#include "measures-canvas-backend-private.h"
#include "measures-fonts.h"

/* The canvas's SVG backend (see measures-canvas.c): rectangles, lines and
 * runs of text as SVG elements, the text as <text> placed where the Cairo
 * backend draws it, hatches and fades as patterns and gradients kept in
 * <defs>, so that an SVG image keeps its labels as text. */

#define SVG_RESOLUTION 96.0

typedef struct
{
  MeasuresCanvas parent;
  double width;
  double height;
  char *title;
  char *description;
  char *id_prefix;        /* for an element of a page; %NULL for a document */
  GString *defs;
  GString *body;
  GHashTable *paints;     /* key → id of a <pattern> or <linearGradient> */
} SvgCanvas;

void
_measures_canvas_svg_color (GString             *out,
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

  _measures_canvas_svg_color (key, "c", &fill->color);
  _measures_canvas_svg_color (key, "h", &fill->hatch_color);
  g_string_append_printf (key, " %d %d", fill->hatch, fill->fade);

  id = g_hash_table_lookup (self->paints, key->str);
  if (id == NULL)
    {
      char *new_id = g_strdup_printf ("%s%s%u", self->id_prefix != NULL ? self->id_prefix : "",
                                      fill->fade ? "fade" : "hatch", g_hash_table_size (self->paints) + 1);

      if (fill->fade)
        {
          g_string_append_printf (self->defs, "<linearGradient id=\"%s\">", new_id);
          g_string_append (self->defs, "<stop offset=\"0\"");
          _measures_canvas_svg_color (self->defs, "stop", &fill->color);
          g_string_append (self->defs, "/><stop offset=\"1\"");
          _measures_canvas_svg_color (self->defs, "stop", &fill->color);
          g_string_append (self->defs, " stop-opacity=\"0\"/></linearGradient>\n");
        }
      else
        {
          g_string_append_printf (self->defs,
                                  "<pattern id=\"%s\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                                  "<rect width=\"8\" height=\"8\"", new_id);
          _measures_canvas_svg_color (self->defs, "fill", &fill->color);
          g_string_append (self->defs, "/>");
          switch (fill->hatch)
            {
            case MEASURES_HATCH_DIAGONAL:
              g_string_append (self->defs, "<path d=\"M-2 2L2-2M0 8L8 0M6 10L10 6\" stroke-width=\"1.5\"");
              _measures_canvas_svg_color (self->defs, "stroke", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_BACK_DIAGONAL:
              g_string_append (self->defs, "<path d=\"M-2 6L2 10M0 0L8 8M6-2L10 2\" stroke-width=\"1.5\"");
              _measures_canvas_svg_color (self->defs, "stroke", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_CROSS:
              g_string_append (self->defs, "<path d=\"M-2 2L2-2M0 8L8 0M6 10L10 6M-2 6L2 10M0 0L8 8M6-2L10 2\" "
                               "stroke-width=\"1.5\"");
              _measures_canvas_svg_color (self->defs, "stroke", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_DOTS:
              g_string_append (self->defs, "<circle cx=\"4\" cy=\"4\" r=\"1.5\"");
              _measures_canvas_svg_color (self->defs, "fill", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_HORIZONTAL:
              g_string_append (self->defs, "<path d=\"M0 4H8\" stroke-width=\"1.5\"");
              _measures_canvas_svg_color (self->defs, "stroke", &fill->hatch_color);
              g_string_append (self->defs, "/>");
              break;
            case MEASURES_HATCH_NONE:
            case MEASURES_N_HATCHES:
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
    _measures_canvas_svg_color (self->body, "fill", &fill->color);
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
  _measures_canvas_svg_color (self->body, "stroke", color);
  g_string_append (self->body, "/>\n");
}

/* Text as XML character data. Markup characters are escaped as
 * g_markup_escape_text() escapes them, but the characters that XML 1.0
 * cannot hold at all, not even as references (the C0 controls but tab,
 * line feed and carriage return; U+FFFE and U+FFFF; and anything that
 * is not UTF-8, such as a surrogate), become U+FFFD: GLib writes the
 * controls as &#x1;, which no XML parser accepts. */
void
_measures_canvas_append_xml_text (GString    *out,
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
  const Fitted *fitted = _measures_canvas_lookup_fitted (canvas, run);
  double baseline = (double) pango_layout_get_baseline (fitted->layout) / PANGO_SCALE;
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];

  /* The text's left edge, as the Cairo backend places it: a viewer with
   * other fonts still starts the text where ours does. */
  g_string_append_printf (self->body, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"",
                          num (a, _measures_canvas_aligned_x (run, fitted->width)), num (b, run->y + baseline),
                          num (c, run->size * SVG_RESOLUTION / 72));
  if (run->bold)
    g_string_append (self->body, " font-weight=\"bold\"");
  _measures_canvas_svg_color (self->body, "fill", &run->color);
  g_string_append_c (self->body, '>');
  _measures_canvas_append_xml_text (self->body, fitted->text);
  g_string_append (self->body, "</text>\n");
}

static void
svg_canvas_finalize (MeasuresCanvas *canvas)
{
  SvgCanvas *self = (SvgCanvas *) canvas;

  g_free (self->title);
  g_free (self->description);
  g_free (self->id_prefix);
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
  _measures_canvas_text_cache_begin (self->parent.text_cache, self->parent.context);
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
 * measures_canvas_svg_set_id_prefix:
 * @self: a canvas made by measures_canvas_new_svg(), before anything is
 *   drawn on it
 * @prefix: ASCII letters, digits and hyphens
 *
 * Makes the canvas an <svg> element for a page that holds others, as
 * HTML does: measures_canvas_svg_finish() then writes no XML declaration,
 * and every id in the image starts with @prefix, so that no two images of
 * the page share one.
 */
void
measures_canvas_svg_set_id_prefix (MeasuresCanvas *self,
                                   const char     *prefix)
{
  SvgCanvas *svg = (SvgCanvas *) self;

  g_return_if_fail (self != NULL && self->klass == &svg_canvas_class);
  g_return_if_fail (prefix != NULL && *prefix != '\0');
  g_return_if_fail (g_hash_table_size (svg->paints) == 0);
  for (const char *p = prefix; *p != '\0'; p++)
    g_return_if_fail (g_ascii_isalnum (*p) || *p == '-');

  g_free (svg->id_prefix);
  svg->id_prefix = g_strdup (prefix);
}

/**
 * measures_canvas_svg_finish:
 * @self: a canvas made by measures_canvas_new_svg()
 *
 * Returns: (transfer full): the SVG document, in UTF-8, or the <svg>
 *   element alone after measures_canvas_svg_set_id_prefix()
 */
GBytes *
measures_canvas_svg_finish (MeasuresCanvas *self)
{
  SvgCanvas *svg = (SvgCanvas *) self;
  const char *prefix = svg->id_prefix != NULL ? svg->id_prefix : "";
  GString *out;
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (self != NULL && self->klass == &svg_canvas_class, NULL);

  out = g_string_new (svg->id_prefix == NULL ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : NULL);
  num (a, svg->width);
  num (b, svg->height);
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" "
                          "viewBox=\"0 0 %s %s\" role=\"img\" font-family=\"%s\"",
                          a, b, a, b, measures_fonts_get_svg_family ());
  if (svg->title != NULL)
    g_string_append_printf (out, " aria-labelledby=\"%stitle\"", prefix);
  g_string_append (out, ">\n");

  if (svg->title != NULL)
    {
      g_string_append_printf (out, "<title id=\"%stitle\">", prefix);
      _measures_canvas_append_xml_text (out, svg->title);
      g_string_append (out, "</title>\n");
    }
  if (svg->description != NULL)
    {
      g_string_append (out, "<desc>");
      _measures_canvas_append_xml_text (out, svg->description);
      g_string_append (out, "</desc>\n");
    }
  if (svg->defs->len > 0)
    g_string_append_printf (out, "<defs>\n%s</defs>\n", svg->defs->str);
  g_string_append (out, svg->body->str);
  g_string_append (out, "</svg>\n");

  return g_string_free_to_bytes (out);
}

/* For the shapes (measures-canvas-backend-private.h) */

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
