/* measures-palette.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-palette"

#include "config.h"

#include <math.h>

#include "measures-palette.h"
#include "measures-text.h"

/* The shades of counts that the coverage matrix (its image and the
 * window's table) and the world map share, in the light and the dark
 * style; the colour of text on each, picked for contrast; and the keys
 * of their legends. One palette, so that a count looks the same in the
 * matrix, on the map, in the window, in images and in a summary.
 *
 * Five levels of one hue, light to dark (dark to light in the dark
 * style), so that they read in grey too; a zero the filters make on a
 * plain grey; "none", no such measure at all, on the background,
 * hatched. Each shade carries the one of the style's two text colours
 * that reads best on it; tests/test-palette.c checks WCAG's 4.5:1. */

static const MeasuresColor light_levels[MEASURES_PALETTE_N_LEVELS] = {
  { 0xd7 / 255.0, 0xe7 / 255.0, 0xfb / 255.0, 1 },
  { 0x99 / 255.0, 0xc1 / 255.0, 0xf1 / 255.0, 1 },   /* blue 1 */
  { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1 },   /* blue 2 */
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 },   /* blue 4 */
  { 0x14 / 255.0, 0x47 / 255.0, 0x88 / 255.0, 1 },   /* darker than blue 5 */
};

static const MeasuresColor dark_levels[MEASURES_PALETTE_N_LEVELS] = {
  { 0x1b / 255.0, 0x33 / 255.0, 0x55 / 255.0, 1 },
  { 0x1a / 255.0, 0x4f / 255.0, 0x95 / 255.0, 1 },
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 },   /* blue 4 */
  { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1 },   /* blue 2 */
  { 0xb4 / 255.0, 0xd3 / 255.0, 0xf6 / 255.0, 1 },
};

static const MeasuresColor light_zero = { 0.94, 0.94, 0.94, 1 };
static const MeasuresColor dark_zero = { 0.19, 0.19, 0.19, 1 };

/* The sea, a faint tint of the background: land without data is the
 * background itself. */
static const MeasuresColor light_sea = { 0.925, 0.949, 0.973, 1 };
static const MeasuresColor dark_sea = { 0.086, 0.118, 0.153, 1 };

/**
 * measures_palette_get_level:
 * @count: a count, at least 1
 * @max: the largest count shown
 *
 * Returns: the shade of @count, from 0 (the fewest) to
 *   %MEASURES_PALETTE_N_LEVELS - 1 (the most): equal steps of @max
 */
guint
measures_palette_get_level (guint count,
                            guint max)
{
  if (count == 0 || max == 0)
    return 0;

  return MIN ((guint) ceil ((double) MEASURES_PALETTE_N_LEVELS * count / max), MEASURES_PALETTE_N_LEVELS) - 1;
}

/**
 * measures_palette_get_level_range:
 * @level: a shade
 * @max: the largest count shown
 *
 * Returns: (transfer full) (nullable): the counts @level stands for, such
 *   as "4–6", for a legend; %NULL when no count has it
 */
char *
measures_palette_get_level_range (guint level,
                                  guint max)
{
  guint low = 0, high = 0;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (guint count = 1; count <= max; count++)
    if (measures_palette_get_level (count, max) == level)
      {
        if (low == 0)
          low = count;
        high = count;
      }
    else if (low != 0)
      break;

  if (low == 0)
    return NULL;
  if (low == high)
    return measures_text_format_count (low);

  from = measures_text_format_count (low);
  to = measures_text_format_count (high);

  return g_strdup_printf ("%s–%s", from, to);
}

/**
 * measures_palette_text_on:
 * @fill: an opaque colour
 * @style: light or dark
 *
 * Returns: the one of the style's two text colours, its text and its
 *   background, that has the higher WCAG contrast on @fill
 */
MeasuresColor
measures_palette_text_on (const MeasuresColor      *fill,
                          const MeasuresChartStyle *style)
{
  MeasuresChartColors colors;
  MeasuresColor black, white;

  measures_chart_get_colors (style, &colors);
  black = colors.text;
  white = colors.background;
  if (measures_color_luminance (&colors.background) < 0.5)
    {
      black = colors.background;
      white = colors.text;
    }

  return measures_color_contrast (&black, fill) >= measures_color_contrast (&white, fill) ? black : white;
}

/**
 * measures_palette_get_shade:
 * @shade: what the shade says
 * @level: for %MEASURES_SHADE_LEVEL, which level
 * @style: light or dark
 * @fill: (out): the fill
 * @text: (out): the colour of text on it, 4.5:1 or more against it
 */
void
measures_palette_get_shade (MeasuresShade             shade,
                            guint                     level,
                            const MeasuresChartStyle *style,
                            MeasuresFill             *fill,
                            MeasuresColor            *text)
{
  MeasuresChartColors colors;
  gboolean dark = style != NULL && style->dark;

  measures_chart_get_colors (style, &colors);
  *fill = (MeasuresFill) { colors.background, MEASURES_HATCH_NONE, colors.grid, FALSE };
  *text = colors.dim_text;

  switch (shade)
    {
    case MEASURES_SHADE_NONE:
      fill->hatch = MEASURES_HATCH_DIAGONAL;
      break;
    case MEASURES_SHADE_ZERO:
      fill->color = dark ? dark_zero : light_zero;
      break;
    case MEASURES_SHADE_BLANK:
      fill->hatch_color = colors.background;
      break;
    case MEASURES_SHADE_ZERO_HATCHED:
      fill->color = dark ? dark_zero : light_zero;
      fill->hatch = MEASURES_HATCH_DIAGONAL;
      fill->hatch_color = colors.axis;
      fill->hatch_color.alpha = 0.6;
      break;
    case MEASURES_SHADE_LEVEL:
    default:
      fill->color = (dark ? dark_levels : light_levels)[MIN (level, MEASURES_PALETTE_N_LEVELS - 1)];
      *text = measures_palette_text_on (&fill->color, style);
      break;
    }
}

/**
 * measures_palette_get_sea:
 * @style: light or dark
 *
 * Returns: the colour of the sea on the map
 */
MeasuresColor
measures_palette_get_sea (const MeasuresChartStyle *style)
{
  return style != NULL && style->dark ? dark_sea : light_sea;
}

/* Legends */

/**
 * measures_palette_paint_key:
 * @canvas: where to draw
 * @fill: the shade the key stands for
 * @ink: the colour of @key on it
 * @key: (nullable): what the key shows on the shade, such as "4–6"
 * @width: the width of the shade
 * @label: (nullable): what follows the shade, in the dim text colour
 * @x: (inout): where the key starts; on return, where the next can
 * @y: the key's top
 * @style: light or dark
 *
 * A key of a legend: a patch of @fill, underlined, with @key on it and
 * @label after it.
 */
void
measures_palette_paint_key (MeasuresCanvas           *canvas,
                            const MeasuresFill       *fill,
                            const MeasuresColor      *ink,
                            const char               *key,
                            double                    width,
                            const char               *label,
                            double                   *x,
                            double                    y,
                            const MeasuresChartStyle *style)
{
  MeasuresChartColors colors;

  g_return_if_fail (canvas != NULL && fill != NULL && x != NULL);

  measures_chart_get_colors (style, &colors);
  measures_canvas_fill_rect (canvas, *x, y, width, MEASURES_PALETTE_KEY_HEIGHT, fill);
  measures_canvas_line (canvas, *x, y + MEASURES_PALETTE_KEY_HEIGHT - 0.5, *x + width,
                        y + MEASURES_PALETTE_KEY_HEIGHT - 0.5, 1, &colors.axis);
  if (key != NULL)
    {
      MeasuresTextRun run = { key, *x + width / 2, y + 3, 8, FALSE, width - 2, MEASURES_ALIGN_CENTER, *ink };

      measures_canvas_text (canvas, &run);
    }
  *x += width + 2;

  if (label != NULL)
    {
      double shown;
      MeasuresTextRun run = { label, *x + 4, y + 3, 8.5, FALSE, 200, MEASURES_ALIGN_START, colors.dim_text };
      g_autofree char *fitted G_GNUC_UNUSED = measures_canvas_fit_text (canvas, &run, &shown);

      measures_canvas_text (canvas, &run);
      *x += shown + 18;
    }
}

/**
 * measures_palette_paint_levels:
 * @canvas: where to draw
 * @max: the largest count shown
 * @x: (inout): where the keys start; on return, where the next can
 * @y: their top
 * @style: light or dark
 *
 * The keys of the levels that some count from 1 to @max has, each with
 * the counts it stands for.
 */
void
measures_palette_paint_levels (MeasuresCanvas           *canvas,
                               guint                     max,
                               double                   *x,
                               double                    y,
                               const MeasuresChartStyle *style)
{
  for (guint level = 0; level < MEASURES_PALETTE_N_LEVELS; level++)
    {
      g_autofree char *range = measures_palette_get_level_range (level, max);
      MeasuresFill fill;
      MeasuresColor ink;

      if (range == NULL)
        continue;
      measures_palette_get_shade (MEASURES_SHADE_LEVEL, level, style, &fill, &ink);
      measures_palette_paint_key (canvas, &fill, &ink, range, 44, NULL, x, y, style);
    }
}
