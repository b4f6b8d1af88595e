/* measures-chart-colors.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-chart"

#include "config.h"

#include <string.h>

#include "measures-chart-private.h"

/* The colours of the charts, in the light and the dark style, and the
 * colour and pattern of each category, which come from its name. */

/* Colours from the GNOME palette, darker ones on light and lighter ones
 * on dark, each checked against its background in test-chart. The
 * backgrounds are libadwaita's view colours. */
static const MeasuresChartColors light_colors = {
  .background = { 1, 1, 1, 1 },
  .text = { 0.12, 0.12, 0.12, 1 },
  .dim_text = { 0.36, 0.36, 0.36, 1 },
  .axis = { 0.45, 0.45, 0.45, 1 },
  .grid = { 0.88, 0.88, 0.88, 1 },
  .hatch = { 1, 1, 1, 0.55 },
  .parts = {
    { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 },   /* blue 4 */
    { 0x81 / 255.0, 0x3d / 255.0, 0x9c / 255.0, 1 },   /* purple 4 */
    { 0x26 / 255.0, 0x80 / 255.0, 0x4a / 255.0, 1 },   /* a darker green 5 */
    { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0, 1 },   /* orange 5 */
    { 0xa5 / 255.0, 0x1d / 255.0, 0x2d / 255.0, 1 },   /* red 5 */
    { 0x63 / 255.0, 0x45 / 255.0, 0x2c / 255.0, 1 },   /* brown 5 */
    { 0x77 / 255.0, 0x76 / 255.0, 0x7b / 255.0, 1 },   /* dark 1 */
  },
};

static const MeasuresChartColors dark_colors = {
  .background = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0, 1 },
  .text = { 1, 1, 1, 1 },
  .dim_text = { 0.75, 0.75, 0.75, 1 },
  .axis = { 0.6, 0.6, 0.6, 1 },
  .grid = { 0.22, 0.22, 0.22, 1 },
  .hatch = { 0, 0, 0, 0.55 },
  .parts = {
    { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1 },   /* blue 2 */
    { 0xc0 / 255.0, 0x61 / 255.0, 0xcb / 255.0, 1 },   /* purple 2 */
    { 0x57 / 255.0, 0xe3 / 255.0, 0x89 / 255.0, 1 },   /* green 2 */
    { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1 },   /* orange 2 */
    { 0xf6 / 255.0, 0x61 / 255.0, 0x51 / 255.0, 1 },   /* red 1 */
    { 0xcd / 255.0, 0xab / 255.0, 0x8f / 255.0, 1 },   /* brown 1 */
    { 0x9a / 255.0, 0x99 / 255.0, 0x96 / 255.0, 1 },   /* light 5 */
  },
};

/* Swatches: a colour of the parts and a hatch over it. A category keeps
 * its swatch wherever it is drawn, whatever else is shown and in every
 * language: the categories the Global Database uses have one each here,
 * by the name the data writes (as the vocabulary knows them), and no
 * two the same. "Other" is plain grey. */

#define N_SWATCHES MEASURES_CHART_N_SWATCHES
#define SWATCH(color, hatch) MEASURES_CHART_SWATCH (MEASURES_CHART_##color, MEASURES_HATCH_##hatch)

static const struct {
  const char *category;
  guint swatch;
} known_swatches[] = {
  /* Plain colours for those most often first. */
  { "Policies", SWATCH (BLUE, NONE) },
  { "Violence against women", SWATCH (PURPLE, NONE) },
  { "Prevention", SWATCH (GREEN, NONE) },
  { "Social services", SWATCH (ORANGE, NONE) },
  { "Justice", SWATCH (RED, NONE) },
  { "Research and statistical data", SWATCH (BROWN, NONE) },
  { "Institutional mechanisms", SWATCH (BLUE, DIAGONAL) },
  { "Administrative data", SWATCH (PURPLE, DIAGONAL) },
  { "Health", SWATCH (GREEN, DIAGONAL) },
  { "Police", SWATCH (ORANGE, DIAGONAL) },
  { "Education", SWATCH (RED, DIAGONAL) },
  { "Budgets", SWATCH (BROWN, DIAGONAL) },
  { "Monitoring and Evaluation", SWATCH (BLUE, DOTS) },
  { "Coordinated and or Integrated service delivery", SWATCH (PURPLE, DOTS) },
  { "Other relevant laws", SWATCH (GREEN, DOTS) },
  { "Perpetrators Programme", SWATCH (ORANGE, DOTS) },
  { "Regional Initiatives", SWATCH (RED, DOTS) },
  { "Work with public private sectors", SWATCH (BROWN, DOTS) },
};

#define OTHER_SWATCH SWATCH (GREY, NONE)

/**
 * measures_chart_get_colors:
 * @style: light or dark
 * @colors: (out): its colours
 */
void
measures_chart_get_colors (const MeasuresChartStyle *style,
                           MeasuresChartColors      *colors)
{
  *colors = style != NULL && style->dark ? dark_colors : light_colors;
}

static guint
known_swatch (const char *key)
{
  if (key == NULL)
    return OTHER_SWATCH;

  for (guint i = 0; i < G_N_ELEMENTS (known_swatches); i++)
    if (g_ascii_strcasecmp (known_swatches[i].category, key) == 0)
      return known_swatches[i].swatch;

  return G_MAXUINT;
}

static gboolean
is_known_swatch (guint swatch)
{
  if (swatch == OTHER_SWATCH)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (known_swatches); i++)
    if (known_swatches[i].swatch == swatch)
      return TRUE;

  return FALSE;
}

/* The swatch of each category of @overview. A category the table does
 * not know gets one from a hash of its name, among the swatches no known
 * category has; only when two such names shown together hash alike does
 * the later one (in the order of their names) take the next free one,
 * and only with more categories than swatches do two share one. */
typedef struct
{
  char *folded;
  guint category;
} UnknownCategory;

static int
compare_unknown (gconstpointer a,
                 gconstpointer b)
{
  const UnknownCategory *x = a, *y = b;
  int cmp = strcmp (x->folded, y->folded);

  return cmp != 0 ? cmp : (x->category > y->category) - (x->category < y->category);
}

/* The swatch of each category of @overview. A category the table does
 * not know gets one from a hash of its name, among the swatches no known
 * category has; only when two such names shown together hash alike does
 * the later one (in the order of their names) take the next free one,
 * and only with more categories than swatches do two share one. */
guint *
_measures_chart_category_swatches (MeasuresOverview *overview)
{
  guint n = overview->categories->len;
  guint *swatches = g_new (guint, MAX (n, 1));
  gboolean used[N_SWATCHES] = { FALSE, };
  guint free_swatches[N_SWATCHES], n_free = 0;
  g_autoptr(GArray) unknown = g_array_new (FALSE, FALSE, sizeof (UnknownCategory));

  for (guint s = 0; s < N_SWATCHES; s++)
    if (!is_known_swatch (s))
      free_swatches[n_free++] = s;

  for (guint c = 0; c < n; c++)
    {
      const char *key = g_ptr_array_index (overview->category_keys, c);

      swatches[c] = known_swatch (key);
      if (swatches[c] != G_MAXUINT)
        used[swatches[c]] = TRUE;
      else
        {
          UnknownCategory category = { g_utf8_casefold (key, -1), c };

          g_array_append_val (unknown, category);
        }
    }

  g_array_sort (unknown, compare_unknown);
  for (guint u = 0; u < unknown->len; u++)
    {
      UnknownCategory *category = &g_array_index (unknown, UnknownCategory, u);
      guint start = g_str_hash (category->folded) % n_free, swatch = G_MAXUINT;

      /* First the free swatches, from the hashed one on; then those of
       * known categories not shown; then any. */
      for (guint k = 0; k < n_free && swatch == G_MAXUINT; k++)
        if (!used[free_swatches[(start + k) % n_free]])
          swatch = free_swatches[(start + k) % n_free];
      for (guint s = 0; s < N_SWATCHES && swatch == G_MAXUINT; s++)
        if (!used[s])
          swatch = s;
      if (swatch == G_MAXUINT)
        swatch = free_swatches[start];

      used[swatch] = TRUE;
      swatches[category->category] = swatch;
      g_free (category->folded);
    }

  return swatches;
}

void
_measures_chart_swatch_fill (const MeasuresChartColors *colors,
                             guint                      swatch,
                             MeasuresFill              *fill)
{
  fill->color = colors->parts[swatch % MEASURES_CHART_N_COLORS];
  fill->hatch = (swatch / MEASURES_CHART_N_COLORS) % MEASURES_N_HATCHES;
  fill->hatch_color = colors->hatch;
  fill->fade = FALSE;
}

/**
 * measures_chart_get_category_fill:
 * @overview: the figures
 * @category: a position in #MeasuresOverview:categories
 * @style: light or dark
 * @fill: (out): how its parts of bars and its key are filled
 *
 * The colour and pattern of a category come from its name, not from its
 * rank among the categories shown: a category looks the same in every
 * chart, whatever the filters and the language.
 */
void
measures_chart_get_category_fill (MeasuresOverview         *overview,
                                  guint                     category,
                                  const MeasuresChartStyle *style,
                                  MeasuresFill             *fill)
{
  g_autofree guint *swatches = NULL;
  MeasuresChartColors colors;

  g_return_if_fail (overview != NULL);
  g_return_if_fail (category < overview->categories->len);
  g_return_if_fail (fill != NULL);

  measures_chart_get_colors (style, &colors);
  swatches = _measures_chart_category_swatches (overview);
  _measures_chart_swatch_fill (&colors, swatches[category], fill);
}
