/* measures-map.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "measures-atlas.h"
#include "measures-canvas-shapes.h"
#include "measures-chart-private.h"
#include "measures-map.h"
#include "measures-palette.h"
#include "measures-text.h"

/* A choropleth of the matching measures per country, drawn once through
 * a MeasuresCanvas for the window, PNG and SVG, from the coverage's rows
 * and the world map's shapes (MeasuresAtlas), matched by ISO code.
 *
 * A country of the data is shaded as the matrix shades its counts (five
 * levels; grey and hatched when none of its measures match); a country
 * the data does not have is left blank. A state too small to see is a
 * dot. A country that is large enough carries its number, so that the
 * map reads in black and white; the legend says what each shade counts,
 * and the countries of the data that the map has no shape for are
 * listed under it, never left out.
 *
 * In SVG each country is a group titled with its name and count. The
 * same code that draws says what is under a point (measures_map_hit()). */

#define ROW 22.0
#define LEGEND_GAP 10.0
#define DOT_RADIUS 3.5
#define SMALL 5.0           /* a country smaller than this, in pixels, is a dot */
#define MISSING_COLUMNS 3

static const char * const zoom_names[] = { "world", "europe" };

/**
 * measures_map_zoom_get_name:
 *
 * Returns: the name of @zoom on the command line: "world" or "europe"
 */
const char *
measures_map_zoom_get_name (MeasuresMapZoom zoom)
{
  g_return_val_if_fail (zoom < MEASURES_N_MAP_ZOOMS, NULL);

  return zoom_names[zoom];
}

/**
 * measures_map_zoom_from_name:
 *
 * Returns: whether @name is "world" or "europe"
 */
gboolean
measures_map_zoom_from_name (const char      *name,
                             MeasuresMapZoom *zoom)
{
  for (guint i = 0; i < G_N_ELEMENTS (zoom_names); i++)
    if (g_strcmp0 (name, zoom_names[i]) == 0)
      {
        *zoom = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_map_get_title:
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer none): the heading of the map
 */
const char *
measures_map_get_title (MeasuresTranslations *translations)
{
  MeasuresChartStyle style = { FALSE, 0, translations };

  /* Translators: the heading of a world map of the measures per country */
  return tr (&style, NULL, N_("Matching Measures per Country"));
}

/* Geometry */

typedef struct
{
  MeasuresCoverage *coverage;
  MeasuresAtlas *atlas;
  MeasuresAtlasView view;
  double scale;              /* pixels per map unit */
  double map_height;
  int *row_of;               /* per country of the atlas: its first row, or -1 */
  guint *matches_of;         /* per country of the atlas: its rows' matches */
  guint *total_of;           /* and all their measures */
  GPtrArray *missing;        /* the names of the rows not on the map */
} Layout;

static void
layout_init (Layout           *layout,
             MeasuresCoverage *coverage,
             MeasuresMapZoom   zoom,
             double            width)
{
  /* A map that could not be read: nothing to show, but no division by zero. */
  const MeasuresAtlasView nothing = { 0, 0, 1, 0.5 };
  guint n;

  layout->coverage = coverage;
  layout->atlas = measures_atlas_get_default ();
  if (!measures_atlas_get_view (layout->atlas, measures_map_zoom_get_name (zoom), &layout->view) &&
      !measures_atlas_get_view (layout->atlas, "world", &layout->view))
    layout->view = nothing;
  layout->scale = width / layout->view.width;
  layout->map_height = ceil (layout->view.height * layout->scale);

  n = measures_atlas_get_n_countries (layout->atlas);
  layout->row_of = g_new (int, MAX (n, 1));
  layout->matches_of = g_new0 (guint, MAX (n, 1));
  layout->total_of = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    layout->row_of[i] = -1;

  /* Two names of one country in the data are one country on the map. */
  for (guint r = 0; r < coverage->rows->len; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
      int country = row->on_map ? measures_atlas_find (layout->atlas, row->code) : -1;

      if (country < 0)
        continue;
      if (layout->row_of[country] < 0)
        layout->row_of[country] = r;
      layout->matches_of[country] += row->matches;
      layout->total_of[country] += row->total;
    }

  layout->missing = measures_coverage_get_not_on_map (coverage);
}

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->row_of, g_free);
  g_clear_pointer (&layout->matches_of, g_free);
  g_clear_pointer (&layout->total_of, g_free);
  g_clear_pointer (&layout->missing, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static double
legend_top (Layout *layout)
{
  return layout->map_height + LEGEND_GAP;
}

static double
layout_height (Layout *layout)
{
  double height = legend_top (layout) + 2 * ROW + 6;

  if (layout->missing->len > 0)
    height += ROW * (1 + (layout->missing->len + MISSING_COLUMNS - 1) / MISSING_COLUMNS) + 6;

  return height;
}

/* Where a point of the map is drawn. */
static void
to_screen (Layout *layout,
           double  x,
           double  y,
           double *sx,
           double *sy)
{
  *sx = (x - layout->view.x) * layout->scale;
  *sy = (y - layout->view.y) * layout->scale;
}

static gboolean
in_view (Layout                     *layout,
         const MeasuresAtlasCountry *country)
{
  return country->right >= layout->view.x && country->left <= layout->view.x + layout->view.width &&
         country->bottom >= layout->view.y && country->top <= layout->view.y + layout->view.height;
}

/* A country too small to see at this scale, drawn as a dot when the
 * data has it. */
static gboolean
is_small (Layout                     *layout,
          const MeasuresAtlasCountry *country)
{
  return country->n_rings == 0 ||
         ((country->right - country->left) * layout->scale < SMALL &&
          (country->bottom - country->top) * layout->scale < SMALL);
}

/**
 * measures_map_get_height:
 * @coverage: the figures
 * @zoom: which part of the world
 * @width: the width it is drawn at
 *
 * Returns: the height the map needs: its shapes, its legend and the
 *   list of the countries it cannot show
 */
double
measures_map_get_height (MeasuresCoverage *coverage,
                         MeasuresMapZoom   zoom,
                         double            width)
{
  g_auto(Layout) layout = { NULL };

  g_return_val_if_fail (coverage != NULL, 0);

  layout_init (&layout, coverage, zoom, width);

  return layout_height (&layout);
}

/* Shades */

static void
country_shade (Layout                   *layout,
               guint                     country,
               const MeasuresChartStyle *style,
               MeasuresFill             *fill,
               MeasuresColor            *text)
{
  if (layout->row_of[country] < 0)
    /* Blank: the data says nothing of it. */
    measures_palette_get_shade (MEASURES_SHADE_BLANK, 0, style, fill, text);
  else if (layout->matches_of[country] == 0)
    /* None that matches: grey and hatched, unlike a blank. */
    measures_palette_get_shade (MEASURES_SHADE_ZERO_HATCHED, 0, style, fill, text);
  else
    measures_palette_get_shade (MEASURES_SHADE_LEVEL,
                                measures_palette_get_level (layout->matches_of[country], layout->coverage->max_matches),
                                style, fill, text);
}

static char *
country_name (Layout *layout,
              guint   country)
{
  if (layout->row_of[country] >= 0)
    return g_strdup (g_array_index (layout->coverage->rows, MeasuresCoverageRow, layout->row_of[country]).label);

  return g_strdup (g_dgettext ("iso_3166-1", measures_atlas_get_country (layout->atlas, country)->name));
}

/* The country as text: its name and its count, or that the data has
 * nothing of it. */
static char *
country_title (Layout               *layout,
               guint                 country,
               MeasuresTranslations *translations)
{
  g_autofree char *name = country_name (layout, country);
  guint n = layout->matches_of[country];
  g_autofree char *count = measures_text_format_count (n);

  if (layout->row_of[country] < 0)
    {
      MeasuresChartStyle style = { FALSE, 0, translations };

      /* Translators: a country of the map that the data has no measure of */
      return g_strdup_printf (tr (&style, NULL, N_("%s: no measures in the data")), name);
    }

  if (translations != NULL)
    return g_strdup_printf (measures_translations_nget (translations, "%s: %s matching measure",
                                                        "%s: %s matching measures", n),
                            name, count);

  /* Translators: a country of the map and its number of matching measures */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s matching measure", "%s: %s matching measures", n),
                          name, count);
}

/* Painting */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Box;

static void
text (MeasuresCanvas      *canvas,
      const char          *str,
      double               size,
      gboolean             bold,
      double               x,
      double               y,
      double               max_width,
      MeasuresAlign        align,
      const MeasuresColor *color)
{
  MeasuresTextRun run = { str, x, y, size, bold, max_width, align, *color };

  measures_canvas_text (canvas, &run);
}

/* Keeps @box among the labels placed, unless it is over one of them. */
static gboolean
place_label (GArray    *labels,
             const Box *box)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const Box *other = &g_array_index (labels, Box, i);

      if (box->x < other->x + other->width && other->x < box->x + box->width &&
          box->y < other->y + other->height && other->y < box->y + box->height)
        return FALSE;
    }
  g_array_append_val (labels, *box);

  return TRUE;
}

static void
paint_country (Layout                    *layout,
               MeasuresCanvas            *canvas,
               guint                      index,
               const MeasuresChartStyle  *style,
               const MeasuresChartColors *colors,
               GArray                    *points,
               GArray                    *sizes,
               GArray                    *labels)
{
  const MeasuresAtlasCountry *country = measures_atlas_get_country (layout->atlas, index);
  MeasuresTranslations *translations = style != NULL ? style->translations : NULL;
  g_autofree char *title = country_title (layout, index, translations);
  double stroke = MIN (0.4 + layout->scale * 20, 1.0);
  MeasuresFill fill;
  MeasuresColor ink;
  double cx, cy;

  country_shade (layout, index, style, &fill, &ink);
  to_screen (layout, country->x, country->y, &cx, &cy);
  measures_canvas_begin_group (canvas, country->code, title);

  g_array_set_size (points, 0);
  g_array_set_size (sizes, 0);
  for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
    {
      guint n;
      const gint16 *p = measures_atlas_get_ring (layout->atlas, r, &n);

      for (guint k = 0; k < n; k++)
        {
          double xy[2];

          to_screen (layout, p[2 * k], p[2 * k + 1], &xy[0], &xy[1]);
          g_array_append_vals (points, xy, 2);
        }
      g_array_append_val (sizes, n);
    }

  if (sizes->len > 0)
    {
      MeasuresShape shape = { &g_array_index (points, double, 0), &g_array_index (sizes, guint, 0), sizes->len };

      measures_canvas_shape (canvas, &shape, &fill, &colors->axis, stroke);
    }

  if (layout->row_of[index] >= 0 && is_small (layout, country))
    measures_canvas_circle (canvas, cx, cy, DOT_RADIUS, &fill, &colors->text, 1);
  else if (layout->row_of[index] >= 0)
    {
      /* The number, where it fits inside the country's bounds. */
      g_autofree char *number = measures_text_format_count (layout->matches_of[index]);
      MeasuresTextRun run = { number, cx, cy - 6, 7.5, TRUE, 0, MEASURES_ALIGN_CENTER, ink };
      double width;
      g_autofree char *shown G_GNUC_UNUSED = measures_canvas_fit_text (canvas, &run, &width);
      Box box = { cx - width / 2 - 2, cy - 6, width + 4, 12 };

      /* As wide as a square of the country's area, so that a country of
       * scattered islands (Kiribati) puts no number on the sea between. */
      double side = sqrt (country->area) * layout->scale;

      if (box.width < MIN (side, (country->right - country->left) * layout->scale) && side >= 14 &&
          place_label (labels, &box))
        {
          MeasuresFill under = fill;

          /* On a plain patch, so that a hatch does not cross it. */
          under.hatch = MEASURES_HATCH_NONE;
          if (fill.hatch != MEASURES_HATCH_NONE)
            measures_canvas_fill_rect (canvas, box.x, box.y, box.width, box.height, &under);
          measures_canvas_text (canvas, &run);
        }
    }

  measures_canvas_end_group (canvas);
}

static void
paint_legend (Layout                    *layout,
              MeasuresCanvas            *canvas,
              const MeasuresChartStyle  *style,
              const MeasuresChartColors *colors,
              double                     width)
{
  double x = 0, y = legend_top (layout);
  MeasuresFill fill;
  MeasuresColor ink;

  measures_palette_paint_levels (canvas, layout->coverage->max_matches, &x, y, style);
  x = 0;
  y += ROW;

  /* The same shades as the countries they stand for. */
  measures_palette_get_shade (MEASURES_SHADE_ZERO_HATCHED, 0, style, &fill, &ink);
  /* Translators: the legend of the map, by a grey and hatched country */
  measures_palette_paint_key (canvas, &fill, &ink, "0", 26, tr (style, "coverage", NC_("coverage", "none match the filters")),
                              &x, y, style);
  measures_palette_get_shade (MEASURES_SHADE_BLANK, 0, style, &fill, &ink);
  /* Translators: the legend of the map, by a blank country */
  measures_palette_paint_key (canvas, &fill, &ink, NULL, 26, tr (style, "map", NC_("map", "no measures in the data")),
                              &x, y, style);

  if (layout->missing->len > 0)
    {
      double top = y + ROW + 6;
      double column = width / MISSING_COLUMNS;

      /* Translators: above the list of the countries of the data that the
       * world map has no shape for */
      text (canvas, tr (style, "map", NC_("map", "Not on the map:")), 9, TRUE, 0, top, width, MEASURES_ALIGN_START,
            &colors->text);
      for (guint i = 0; i < layout->missing->len; i++)
        text (canvas, g_ptr_array_index (layout->missing, i), 9, FALSE, (i % MISSING_COLUMNS) * column,
              top + ROW * (1 + i / MISSING_COLUMNS), column - 8, MEASURES_ALIGN_START, &colors->text);
    }
}

/**
 * measures_map_paint:
 * @coverage: the figures
 * @zoom: which part of the world
 * @canvas: where to draw, with the map's top left corner at the origin
 * @width: the width to fill
 * @height: the height, from measures_map_get_height()
 * @style: light or dark
 *
 * Draws the map, its legend and what it cannot show, on its background.
 */
void
measures_map_paint (MeasuresCoverage         *coverage,
                    MeasuresMapZoom           zoom,
                    MeasuresCanvas           *canvas,
                    double                    width,
                    double                    height,
                    const MeasuresChartStyle *style)
{
  g_auto(Layout) layout = { NULL };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (Box));
  MeasuresChartColors colors;
  MeasuresFill background;

  g_return_if_fail (coverage != NULL);
  g_return_if_fail (canvas != NULL);

  layout_init (&layout, coverage, zoom, width);
  measures_chart_get_colors (style, &colors);
  background = (MeasuresFill) { colors.background, MEASURES_HATCH_NONE, colors.background, FALSE };
  measures_canvas_fill_rect (canvas, 0, 0, width, height, &background);

  measures_canvas_begin_clip (canvas, 0, 0, width, layout.map_height);
  background.color = measures_palette_get_sea (style);
  measures_canvas_fill_rect (canvas, 0, 0, width, layout.map_height, &background);
  background.color = colors.background;
  /* The countries with data last, so that their dots and numbers are on
   * top of their neighbours' outlines. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < measures_atlas_get_n_countries (layout.atlas); i++)
      if ((layout.row_of[i] >= 0) == (pass == 1) && in_view (&layout, measures_atlas_get_country (layout.atlas, i)))
        paint_country (&layout, canvas, i, style, &colors, points, sizes, labels);
  measures_canvas_end_clip (canvas);
  measures_canvas_line (canvas, 0, layout.map_height - 0.5, width, layout.map_height - 0.5, 1, &colors.grid);

  paint_legend (&layout, canvas, style, &colors, width);
}

/**
 * measures_map_draw:
 * @coverage: the figures
 * @zoom: which part of the world
 * @cr: where to draw, with the map's top left corner at the origin
 * @context: the Pango context of @cr's surface
 * @width: the width to fill
 * @height: the height, from measures_map_get_height()
 * @style: light or dark
 */
void
measures_map_draw (MeasuresCoverage         *coverage,
                   MeasuresMapZoom           zoom,
                   cairo_t                  *cr,
                   PangoContext             *context,
                   double                    width,
                   double                    height,
                   const MeasuresChartStyle *style)
{
  g_autoptr(MeasuresCanvas) canvas = NULL;

  g_return_if_fail (coverage != NULL);
  g_return_if_fail (cr != NULL);

  canvas = measures_canvas_new_cairo (cr, context);
  if (style != NULL && style->text_cache != NULL)
    measures_canvas_use_text_cache (canvas, style->text_cache);
  measures_map_paint (coverage, zoom, canvas, width, height, style);
}

/**
 * measures_map_hit:
 * @coverage: the figures
 * @zoom: which part of the world
 * @width: the width the map is drawn at
 * @x: a point, from the map's top left corner
 * @y: a point
 * @hit: (out): what is there
 *
 * Needs no surface and no display.
 *
 * Returns: whether there is a country at (@x, @y)
 */
gboolean
measures_map_hit (MeasuresCoverage *coverage,
                  MeasuresMapZoom   zoom,
                  double            width,
                  double            x,
                  double            y,
                  MeasuresMapHit   *hit)
{
  g_auto(Layout) layout = { NULL };
  double mx, my;

  g_return_val_if_fail (coverage != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (MeasuresMapHit) { -1, -1 };
  layout_init (&layout, coverage, zoom, width);
  if (x < 0 || y < 0 || x >= width || y >= layout.map_height)
    return FALSE;

  /* The dots of small states are on top, and a little larger to aim at. */
  for (guint i = 0; i < measures_atlas_get_n_countries (layout.atlas); i++)
    {
      const MeasuresAtlasCountry *country = measures_atlas_get_country (layout.atlas, i);
      double cx, cy;

      if (layout.row_of[i] < 0 || !is_small (&layout, country))
        continue;
      to_screen (&layout, country->x, country->y, &cx, &cy);
      if (hypot (x - cx, y - cy) <= DOT_RADIUS + 2.5)
        {
          *hit = (MeasuresMapHit) { i, layout.row_of[i] };
          return TRUE;
        }
    }

  mx = layout.view.x + x / layout.scale;
  my = layout.view.y + y / layout.scale;
  for (guint i = 0; i < measures_atlas_get_n_countries (layout.atlas); i++)
    if (measures_atlas_contains (layout.atlas, i, mx, my))
      {
        *hit = (MeasuresMapHit) { i, layout.row_of[i] };
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_map_describe_hit:
 * @coverage: the figures
 * @hit: a country of the map
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full) (nullable): the country's name and figures,
 *   for a tooltip
 */
char *
measures_map_describe_hit (MeasuresCoverage     *coverage,
                           const MeasuresMapHit *hit,
                           MeasuresTranslations *translations)
{
  g_auto(Layout) layout = { NULL };

  g_return_val_if_fail (coverage != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->country < 0)
    return NULL;

  layout_init (&layout, coverage, MEASURES_MAP_WORLD, MEASURES_MAP_IMAGE_WIDTH);
  if (layout.row_of[hit->country] >= 0)
    {
      MeasuresChartStyle style = { FALSE, 0, translations };
      g_autofree char *name = country_name (&layout, hit->country);
      g_autofree char *matching = measures_text_format_count (layout.matches_of[hit->country]);
      g_autofree char *all = measures_text_format_count (layout.total_of[hit->country]);
      g_autofree char *figures = g_strdup_printf (tr (&style, NULL, N_("Matching measures: %s of %s")), matching, all);

      return g_strdup_printf ("%s\n%s", name, figures);
    }

  return country_title (&layout, hit->country, translations);
}

/**
 * measures_map_get_table:
 * @coverage: the figures
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * The map's text alternative: a heading row, then each country of the
 * data with its region, its number of matching measures, and whether
 * the map has it.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
measures_map_get_table (MeasuresCoverage     *coverage,
                        MeasuresTranslations *translations)
{
  MeasuresChartStyle style = { FALSE, 0, translations };
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (coverage != NULL, table);

  {
    g_autoptr(GStrvBuilder) head = g_strv_builder_new ();

    g_strv_builder_add (head, tr (&style, "column", NC_("column", "Country")));
    g_strv_builder_add (head, tr (&style, NULL, N_("Region")));
    g_strv_builder_add (head, tr (&style, NULL, N_("Measures")));
    /* Translators: a column heading of the map's table: whether the map shows the country */
    g_strv_builder_add (head, tr (&style, "column", NC_("column", "Map")));
    g_ptr_array_add (table, g_strv_builder_end (head));
  }

  for (guint r = 0; r < coverage->rows->len; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
      g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
      g_autofree char *matches = measures_text_format_count (row->matches);

      g_strv_builder_add (cells, row->label);
      g_strv_builder_add (cells, g_array_index (coverage->groups, MeasuresCoverageGroup, row->group).label);
      g_strv_builder_add (cells, matches);
      /* Translators: in the map's table, for a country the map has no shape for */
      g_strv_builder_add (cells, row->on_map ? "" : tr (&style, "map", NC_("map", "Not on the map")));
      g_ptr_array_add (table, g_strv_builder_end (cells));
    }

  return table;
}

/**
 * measures_map_describe:
 * @coverage: the figures
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full): the map's figures in one text, for an
 *   image's description
 */
char *
measures_map_describe (MeasuresCoverage     *coverage,
                       MeasuresTranslations *translations)
{
  MeasuresChartStyle style = { FALSE, 0, translations };
  g_autoptr(GPtrArray) missing = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (coverage != NULL, NULL);

  for (guint r = 0; r < coverage->rows->len; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);

      g_autofree char *matches = measures_text_format_count (row->matches);

      g_string_append_printf (out, "%s%s: %s", r > 0 ? "; " : "", row->label, matches);
    }

  missing = measures_coverage_get_not_on_map (coverage);
  if (missing->len > 0)
    {
      g_string_append_printf (out, ". %s", tr (&style, "map", NC_("map", "Not on the map:")));
      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (out, "%s %s", i > 0 ? "," : "", (const char *) g_ptr_array_index (missing, i));
    }

  return g_string_free (out, FALSE);
}

/* Images */

typedef struct
{
  MeasuresCoverage *coverage;
  MeasuresMapZoom zoom;
  double width;
  double height;
  const MeasuresChartStyle *style;
} MapImage;

static void
paint_image (MeasuresCanvas *canvas,
             gpointer        data)
{
  const MapImage *image = data;

  measures_map_paint (image->coverage, image->zoom, canvas, image->width, image->height, image->style);
}

/**
 * measures_map_to_png:
 * @coverage: the figures
 * @zoom: which part of the world
 * @width: its width in pixels at scale 1
 * @scale: how many pixels per unit, from 0.25 to 8
 * @style: light or dark
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the PNG image
 */
GBytes *
measures_map_to_png (MeasuresCoverage          *coverage,
                     MeasuresMapZoom            zoom,
                     double                     width,
                     double                     scale,
                     const MeasuresChartStyle  *style,
                     GError                   **error)
{
  MapImage image = { coverage, zoom, width, 0, style };

  g_return_val_if_fail (coverage != NULL, NULL);

  image.height = measures_map_get_height (coverage, zoom, width);

  return _measures_chart_render_png (width, image.height, scale, paint_image, &image, error);
}

static GBytes *
to_svg (MeasuresCoverage         *coverage,
        MeasuresMapZoom           zoom,
        double                    width,
        const MeasuresChartStyle *style,
        const char               *id_prefix)
{
  MeasuresTranslations *translations = style != NULL ? style->translations : NULL;
  g_autofree char *description = NULL;
  g_autoptr(MeasuresCanvas) canvas = NULL;
  double height;

  height = measures_map_get_height (coverage, zoom, width);
  description = measures_map_describe (coverage, translations);
  canvas = measures_canvas_new_svg (width, height, measures_map_get_title (translations), description);
  if (id_prefix != NULL)
    measures_canvas_svg_set_id_prefix (canvas, id_prefix);
  measures_map_paint (coverage, zoom, canvas, width, height, style);

  return measures_canvas_svg_finish (canvas);
}

/**
 * measures_map_to_svg:
 * @coverage: the figures
 * @zoom: which part of the world
 * @width: its width in pixels
 * @style: light or dark
 *
 * Returns: (transfer full): the SVG image: a group per country, titled
 *   with its name and count, its legend and list as text
 */
GBytes *
measures_map_to_svg (MeasuresCoverage         *coverage,
                     MeasuresMapZoom           zoom,
                     double                    width,
                     const MeasuresChartStyle *style)
{
  g_return_val_if_fail (coverage != NULL, NULL);

  return to_svg (coverage, zoom, width, style, NULL);
}

/**
 * measures_map_to_svg_element:
 * @coverage: the figures
 * @zoom: which part of the world
 * @width: its width in pixels
 * @style: light or dark
 * @id_prefix: what each id in the image starts with: ASCII letters,
 *   digits and hyphens
 *
 * Returns: (transfer full): the same image as measures_map_to_svg(), as
 *   an <svg> element for a page that holds others: no XML declaration,
 *   and ids of its own
 */
GBytes *
measures_map_to_svg_element (MeasuresCoverage         *coverage,
                             MeasuresMapZoom           zoom,
                             double                    width,
                             const MeasuresChartStyle *style,
                             const char               *id_prefix)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  g_return_val_if_fail (id_prefix != NULL, NULL);

  return to_svg (coverage, zoom, width, style, id_prefix);
}
