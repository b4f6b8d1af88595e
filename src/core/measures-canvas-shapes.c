/* measures-canvas-shapes.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-canvas"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "measures-canvas-shapes.h"
#include "measures-canvas-backend-private.h"

/* Shapes a map and a matrix need beyond the charts' rectangles, on both
 * backends of the canvas: rings filled even-odd (countries with their
 * islands and holes), dots, text turned round its start (the headings
 * of narrow columns), and groups, which an SVG image keeps as one
 * element with its own title, so that a reader of the file or a screen
 * reader finds each country with its name and figures as text. Fills
 * and hatches are the canvas's own, so a shape looks like a bar of the
 * same fill. */

/* SVG numbers with one decimal, the C locale's, without a needless
 * ".0": a map has tens of thousands of them. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize length;

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", value);
  length = strlen (buffer);
  if (length > 2 && g_str_has_suffix (buffer, ".0"))
    buffer[length - 2] = '\0';
  if (g_str_equal (buffer, "-0"))
    g_strlcpy (buffer, "0", sizeof buffer);
  g_string_append (out, buffer);
}

static void
svg_paint_attributes (MeasuresCanvas      *self,
                      GString             *body,
                      const MeasuresFill  *fill,
                      const MeasuresColor *stroke,
                      double               stroke_width)
{
  if (fill == NULL)
    g_string_append (body, " fill=\"none\"");
  else if (fill->hatch == MEASURES_HATCH_NONE)
    _measures_canvas_svg_color (body, "fill", &fill->color);
  else
    {
      g_autofree char *paint = _measures_canvas_svg_paint (self, fill);

      g_string_append_printf (body, " fill=\"%s\"", paint);
    }

  if (stroke != NULL && stroke_width > 0)
    {
      _measures_canvas_svg_color (body, "stroke", stroke);
      g_string_append (body, " stroke-width=\"");
      append_number (body, stroke_width);
      g_string_append (body, "\" stroke-linejoin=\"round\"");
    }
}

/* Fills the current path of @cr, hatched as the canvas hatches, then
 * strokes it; the path is used up. */
static void
cairo_paint_path (cairo_t             *cr,
                  const MeasuresFill  *fill,
                  const MeasuresColor *stroke,
                  double               stroke_width)
{
  cairo_path_t *path = cairo_copy_path (cr);

  if (fill != NULL)
    {
      cairo_set_source_rgba (cr, fill->color.red, fill->color.green, fill->color.blue, fill->color.alpha);
      if (fill->hatch == MEASURES_HATCH_NONE)
        cairo_fill (cr);
      else
        {
          double x0, y0, x1, y1;

          cairo_fill_extents (cr, &x0, &y0, &x1, &y1);
          cairo_fill_preserve (cr);
          cairo_save (cr);
          cairo_clip (cr);
          cairo_set_source_rgba (cr, fill->hatch_color.red, fill->hatch_color.green, fill->hatch_color.blue,
                                 fill->hatch_color.alpha);
          cairo_set_line_width (cr, 1.5);
          _measures_canvas_cairo_hatch (cr, fill->hatch, x0, y0, x1 - x0, y1 - y0);
          cairo_restore (cr);
        }
    }

  if (stroke != NULL && stroke_width > 0)
    {
      cairo_new_path (cr);
      cairo_append_path (cr, path);
      cairo_set_source_rgba (cr, stroke->red, stroke->green, stroke->blue, stroke->alpha);
      cairo_set_line_width (cr, stroke_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  cairo_new_path (cr);
  cairo_path_destroy (path);
}

/**
 * measures_canvas_shape:
 * @self: a canvas
 * @shape: the rings
 * @fill: (nullable): how to fill it; %NULL for an outline only
 * @stroke: (nullable): the colour of its outline; %NULL for none
 * @stroke_width: the width of its outline
 *
 * Draws a shape of closed rings, filled by the even-odd rule.
 */
void
measures_canvas_shape (MeasuresCanvas      *self,
                       const MeasuresShape *shape,
                       const MeasuresFill  *fill,
                       const MeasuresColor *stroke,
                       double               stroke_width)
{
  cairo_t *cr;
  GString *body;
  const double *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (shape != NULL);

  if (shape->n_rings == 0)
    return;

  if ((cr = _measures_canvas_get_cairo (self)) != NULL)
    {
      cairo_save (cr);
      cairo_new_path (cr);
      p = shape->points;
      for (guint r = 0; r < shape->n_rings; r++)
        {
          for (guint i = 0; i < shape->ring_sizes[r]; i++, p += 2)
            {
              if (i == 0)
                cairo_move_to (cr, p[0], p[1]);
              else
                cairo_line_to (cr, p[0], p[1]);
            }
          cairo_close_path (cr);
        }
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_paint_path (cr, fill, stroke, stroke_width);
      cairo_restore (cr);
    }
  else if ((body = _measures_canvas_get_svg_body (self)) != NULL)
    {
      double x = 0, y = 0;

      /* Relative steps after each ring's first point: shorter. Each
       * is rounded from where the reader will be, so that rounding does
       * not add up along a ring. */
      g_string_append (body, "<path d=\"");
      p = shape->points;
      for (guint r = 0; r < shape->n_rings; r++)
        {
          for (guint i = 0; i < shape->ring_sizes[r]; i++, p += 2)
            {
              double dx = round ((i == 0 ? p[0] : p[0] - x) * 10) / 10;
              double dy = round ((i == 0 ? p[1] : p[1] - y) * 10) / 10;

              g_string_append_c (body, i == 0 ? 'M' : (i == 1 ? 'l' : ' '));
              append_number (body, dx);
              g_string_append_c (body, ' ');
              append_number (body, dy);
              x = i == 0 ? dx : x + dx;
              y = i == 0 ? dy : y + dy;
            }
          g_string_append_c (body, 'z');
        }
      g_string_append (body, "\" fill-rule=\"evenodd\"");
      svg_paint_attributes (self, body, fill, stroke, stroke_width);
      g_string_append (body, "/>\n");
    }
}

/**
 * measures_canvas_circle:
 * @self: a canvas
 * @x: its centre
 * @y: its centre
 * @radius: its radius
 * @fill: (nullable): how to fill it; %NULL for an outline only
 * @stroke: (nullable): the colour of its outline; %NULL for none
 * @stroke_width: the width of its outline
 */
void
measures_canvas_circle (MeasuresCanvas      *self,
                        double               x,
                        double               y,
                        double               radius,
                        const MeasuresFill  *fill,
                        const MeasuresColor *stroke,
                        double               stroke_width)
{
  cairo_t *cr;
  GString *body;

  g_return_if_fail (self != NULL);

  if (radius <= 0)
    return;

  if ((cr = _measures_canvas_get_cairo (self)) != NULL)
    {
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_paint_path (cr, fill, stroke, stroke_width);
      cairo_restore (cr);
    }
  else if ((body = _measures_canvas_get_svg_body (self)) != NULL)
    {
      g_string_append (body, "<circle cx=\"");
      append_number (body, x);
      g_string_append (body, "\" cy=\"");
      append_number (body, y);
      g_string_append (body, "\" r=\"");
      append_number (body, radius);
      g_string_append_c (body, '"');
      svg_paint_attributes (self, body, fill, stroke, stroke_width);
      g_string_append (body, "/>\n");
    }
}

/**
 * measures_canvas_text_rotated:
 * @self: a canvas
 * @run: the text, placed as measures_canvas_text() places it
 * @degrees: how far to turn it round (@run->x, @run->y), clockwise as
 *   the screen shows it; -45 reads upwards to the right
 *
 * Draws a run of text turned round its point, shortened as
 * measures_canvas_text() shortens it, in both backends alike.
 */
void
measures_canvas_text_rotated (MeasuresCanvas        *self,
                              const MeasuresTextRun *run,
                              double                 degrees)
{
  PangoLayout *layout;
  const char *text;
  double width, left;
  cairo_t *cr;
  GString *body;

  g_return_if_fail (self != NULL);
  g_return_if_fail (run != NULL && run->text != NULL);

  if (*run->text == '\0')
    return;

  layout = _measures_canvas_fit_layout (self, run, &width, &text);
  left = run->align == MEASURES_ALIGN_CENTER ? -width / 2 : run->align == MEASURES_ALIGN_END ? -width : 0;

  if ((cr = _measures_canvas_get_cairo (self)) != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, run->color.red, run->color.green, run->color.blue, run->color.alpha);
      cairo_translate (cr, run->x, run->y);
      cairo_rotate (cr, degrees * G_PI / 180);
      cairo_move_to (cr, left, 0);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  else if ((body = _measures_canvas_get_svg_body (self)) != NULL)
    {
      double baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;

      g_string_append (body, "<text x=\"");
      append_number (body, run->x + left);
      g_string_append (body, "\" y=\"");
      append_number (body, run->y + baseline);
      g_string_append (body, "\" font-size=\"");
      append_number (body, run->size * 96 / 72);
      g_string_append (body, "\" transform=\"rotate(");
      append_number (body, degrees);
      g_string_append_c (body, ' ');
      append_number (body, run->x);
      g_string_append_c (body, ' ');
      append_number (body, run->y);
      g_string_append (body, ")\"");
      if (run->bold)
        g_string_append (body, " font-weight=\"bold\"");
      _measures_canvas_svg_color (body, "fill", &run->color);
      g_string_append_c (body, '>');
      _measures_canvas_append_xml_text (body, text);
      g_string_append (body, "</text>\n");
    }
}

/**
 * measures_canvas_begin_group:
 * @self: a canvas
 * @id: (nullable): an XML name for the group, unique in the image, such
 *   as a country's code
 * @title: (nullable): what the group is, as text: a country's name and
 *   figures
 *
 * Starts a group of what is drawn until measures_canvas_end_group(): in
 * SVG, one <g> element with @title as its <title>. Cairo draws as ever.
 */
void
measures_canvas_begin_group (MeasuresCanvas *self,
                             const char     *id,
                             const char     *title)
{
  GString *body;

  g_return_if_fail (self != NULL);

  if ((body = _measures_canvas_get_svg_body (self)) == NULL)
    return;

  g_string_append (body, "<g");
  if (id != NULL)
    {
      g_string_append (body, " id=\"");
      _measures_canvas_append_xml_text (body, id);
      g_string_append_c (body, '"');
    }
  g_string_append (body, ">\n");
  if (title != NULL)
    {
      g_string_append (body, "<title>");
      _measures_canvas_append_xml_text (body, title);
      g_string_append (body, "</title>\n");
    }
}

/**
 * measures_canvas_end_group:
 * @self: a canvas
 *
 * Ends the group measures_canvas_begin_group() started.
 */
void
measures_canvas_end_group (MeasuresCanvas *self)
{
  GString *body;

  g_return_if_fail (self != NULL);

  if ((body = _measures_canvas_get_svg_body (self)) != NULL)
    g_string_append (body, "</g>\n");
}

/**
 * measures_canvas_begin_clip:
 * @self: a canvas
 * @x: the left of the rectangle to draw in
 * @y: its top
 * @width: its width
 * @height: its height
 *
 * Until measures_canvas_end_clip(), only what falls in the rectangle is
 * drawn: in SVG, an <svg> element of its own, whose coordinates are
 * those of the image.
 */
void
measures_canvas_begin_clip (MeasuresCanvas *self,
                            double          x,
                            double          y,
                            double          width,
                            double          height)
{
  cairo_t *cr;
  GString *body;

  g_return_if_fail (self != NULL);

  if ((cr = _measures_canvas_get_cairo (self)) != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x, y, width, height);
      cairo_clip (cr);
    }
  else if ((body = _measures_canvas_get_svg_body (self)) != NULL)
    {
      g_autoptr(GString) box = g_string_new (NULL);

      append_number (box, x);
      g_string_append_c (box, ' ');
      append_number (box, y);
      g_string_append_c (box, ' ');
      append_number (box, width);
      g_string_append_c (box, ' ');
      append_number (box, height);
      g_string_append (body, "<svg x=\"");
      append_number (body, x);
      g_string_append (body, "\" y=\"");
      append_number (body, y);
      g_string_append (body, "\" width=\"");
      append_number (body, width);
      g_string_append (body, "\" height=\"");
      append_number (body, height);
      g_string_append_printf (body, "\" viewBox=\"%s\" overflow=\"hidden\">\n", box->str);
    }
}

/**
 * measures_canvas_end_clip:
 * @self: a canvas
 *
 * Ends what measures_canvas_begin_clip() began.
 */
void
measures_canvas_end_clip (MeasuresCanvas *self)
{
  cairo_t *cr;
  GString *body;

  g_return_if_fail (self != NULL);

  if ((cr = _measures_canvas_get_cairo (self)) != NULL)
    cairo_restore (cr);
  else if ((body = _measures_canvas_get_svg_body (self)) != NULL)
    g_string_append (body, "</svg>\n");
}
