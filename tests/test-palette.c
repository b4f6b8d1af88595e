/* test-palette.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one palette of the coverage matrix and the world map: WCAG
 * contrast of every step in the light and the dark style, the levels
 * and the ranges their legends give, and the keys of a legend.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "measures-palette.h"

static const char *
style_name (gboolean dark)
{
  return dark ? "dark" : "light";
}

/* Text on every shade reads at 4.5:1 (WCAG 2, AA for text); each level
 * is further from the background than the one before, by a step that
 * shows in grey too; what differs only in meaning differs by a hatch. */
static void
test_contrast (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      MeasuresChartStyle style = { dark };
      MeasuresChartColors colors;
      MeasuresFill fill, previous = { { 0 } };
      MeasuresColor text, sea;
      static const struct
      {
        MeasuresShade shade;
        gboolean hatched;
      } others[] = {
        { MEASURES_SHADE_NONE, TRUE },
        { MEASURES_SHADE_ZERO, FALSE },
        { MEASURES_SHADE_BLANK, FALSE },
        { MEASURES_SHADE_ZERO_HATCHED, TRUE },
      };

      measures_chart_get_colors (&style, &colors);
      for (guint level = 0; level < MEASURES_PALETTE_N_LEVELS; level++)
        {
          double on_text, on_background;

          measures_palette_get_shade (MEASURES_SHADE_LEVEL, level, &style, &fill, &text);
          on_text = measures_color_contrast (&text, &fill.color);
          on_background = measures_color_contrast (&fill.color, &colors.background);
          g_test_message ("%s level %u: text %.2f, background %.2f", style_name (dark), level, on_text, on_background);
          g_assert_cmpfloat (on_text, >=, 4.5);
          g_assert_cmpint (fill.hatch, ==, MEASURES_HATCH_NONE);
          /* The better of the two text colours. */
          {
            MeasuresColor other = measures_color_contrast (&colors.text, &fill.color) >=
                                  measures_color_contrast (&colors.background, &fill.color)
                                  ? colors.text : colors.background;

            g_assert_cmpfloat (on_text, ==, measures_color_contrast (&other, &fill.color));
          }
          if (level > 0)
            {
              g_assert_cmpfloat (on_background, >, measures_color_contrast (&previous.color, &colors.background));
              g_assert_cmpfloat (measures_color_contrast (&fill.color, &previous.color), >=, 1.4);
            }
          else
            g_assert_cmpfloat (on_background, >, 1.2);
          previous = fill;
        }

      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        {
          measures_palette_get_shade (others[i].shade, 0, &style, &fill, &text);
          g_test_message ("%s shade %d: text %.2f", style_name (dark), others[i].shade,
                          measures_color_contrast (&text, &fill.color));
          g_assert_cmpfloat (measures_color_contrast (&text, &fill.color), >=, 4.5);
          g_assert_cmpint (fill.hatch != MEASURES_HATCH_NONE, ==, others[i].hatched);
        }

      /* Outlines of countries part land from the sea and from blank land
       * at 3:1 (WCAG 2, graphical objects). */
      sea = measures_palette_get_sea (&style);
      g_test_message ("%s outline: sea %.2f, background %.2f", style_name (dark),
                      measures_color_contrast (&colors.axis, &sea),
                      measures_color_contrast (&colors.axis, &colors.background));
      g_assert_cmpfloat (measures_color_contrast (&colors.axis, &sea), >=, 3);
      g_assert_cmpfloat (measures_color_contrast (&colors.axis, &colors.background), >=, 3);
      g_assert_cmpfloat (measures_color_contrast (&sea, &colors.background), >, 1);
    }
}

static void
test_levels (void)
{
  g_assert_cmpuint (measures_palette_get_level (1, 100), ==, 0);
  g_assert_cmpuint (measures_palette_get_level (100, 100), ==, MEASURES_PALETTE_N_LEVELS - 1);
  g_assert_cmpuint (measures_palette_get_level (3, 3), ==, MEASURES_PALETTE_N_LEVELS - 1);
  g_assert_cmpuint (measures_palette_get_level (0, 3), ==, 0);

  /* The legend's ranges cover every count once. */
  for (guint max = 1; max <= 40; max++)
    {
      guint covered = 0;

      for (guint level = 0; level < MEASURES_PALETTE_N_LEVELS; level++)
        {
          g_autofree char *range = measures_palette_get_level_range (level, max);
          guint low, high;

          if (range == NULL)
            continue;
          if (sscanf (range, "%u–%u", &low, &high) == 1)
            high = low;
          g_assert_cmpuint (low, ==, covered + 1);
          covered = high;
        }
      g_assert_cmpuint (covered, ==, max);
    }
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* A key is its shade, the line under it and its text; the next starts
 * after it. */
static void
test_legend (void)
{
  MeasuresChartStyle style = { FALSE };
  g_autoptr(MeasuresCanvas) canvas = measures_canvas_new_svg (400, 60, "Legend", NULL);
  g_autoptr(GBytes) svg = NULL;
  MeasuresFill fill;
  MeasuresColor ink;
  double x = 0;
  const char *data;

  measures_palette_paint_levels (canvas, 7, &x, 0, &style);
  /* Five levels of 1 to 7: 1, 2, 3–4, 5, 6–7, each 44 wide and 2 apart. */
  g_assert_cmpfloat (x, ==, 5 * 46);

  x = 0;
  measures_palette_get_shade (MEASURES_SHADE_ZERO, 0, &style, &fill, &ink);
  measures_palette_paint_key (canvas, &fill, &ink, "0", 26, "none match", &x, MEASURES_PALETTE_KEY_ROW, &style);
  g_assert_cmpfloat (x, >, 26 + 2 + 4 + 18);
  svg = measures_canvas_svg_finish (canvas);
  data = g_bytes_get_data (svg, NULL);
  g_assert_cmpuint (count (data, ">3–4</text>"), ==, 1);
  g_assert_cmpuint (count (data, ">6–7</text>"), ==, 1);
  g_assert_cmpuint (count (data, ">none match</text>"), ==, 1);
  g_assert_cmpuint (count (data, "<line"), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/contrast", test_contrast);
  g_test_add_func ("/palette/levels", test_levels);
  g_test_add_func ("/palette/legend", test_legend);

  return g_test_run ();
}
