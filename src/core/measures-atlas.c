/* measures-atlas.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-atlas"

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "measures-atlas.h"
#include "measures-core-resources.h"

/* The shapes of the world map: Natural Earth's countries, projected
 * (Equal Earth) and simplified once by build-aux/make-world-map into
 * data/world-map.txt, which is compiled into the data library. It is
 * read the first time a map is needed, in whichever thread, and kept.
 *
 * A country is a list of rings of whole map units, filled by the
 * even-odd rule (so that a ring inside another is a hole, such as
 * Lesotho in South Africa); a state smaller than a unit has no ring and
 * is drawn as a dot. No drawing here. */

#define WORLD_MAP RESOURCE_PREFIX "/world-map.txt"

typedef struct
{
  char *name;
  MeasuresAtlasView view;
} View;

struct _MeasuresAtlas
{
  GArray *countries;    /* MeasuresAtlasCountry, by code */
  GArray *ring_starts;  /* guint, the first point of each ring, then the end */
  GArray *points;       /* gint16 x, y pairs */
  GArray *views;        /* View */
  GStringChunk *names;
};

static gboolean
read_numbers (char   **cursor,
              gint64  *numbers,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      char *end;

      numbers[i] = g_ascii_strtoll (*cursor, &end, 10);
      if (end == *cursor)
        return FALSE;
      *cursor = end;
    }

  return TRUE;
}

static gboolean
read_ring (MeasuresAtlas        *self,
           MeasuresAtlasCountry *country,
           char                 *cursor)
{
  gint64 x, y, step[2];
  gint16 point[2];

  if (!read_numbers (&cursor, step, 2))
    return FALSE;
  x = step[0];
  y = step[1];

  for (;;)
    {
      if (x < 0 || y < 0 || x > G_MAXINT16 || y > G_MAXINT16)
        return FALSE;
      point[0] = (gint16) x;
      point[1] = (gint16) y;
      g_array_append_vals (self->points, point, 2);
      country->left = MIN (country->left, x);
      country->top = MIN (country->top, y);
      country->right = MAX (country->right, x);
      country->bottom = MAX (country->bottom, y);

      while (*cursor == ' ')
        cursor++;
      if (*cursor == '\0')
        break;
      if (!read_numbers (&cursor, step, 2))
        return FALSE;
      x += step[0];
      y += step[1];
    }

  country->n_rings++;
  g_array_append_val (self->ring_starts, (guint) { self->points->len / 2 });

  return TRUE;
}

/* Reads @text, a world map as make-world-map writes it; FALSE at the
 * first line that is not. */
static gboolean
parse (MeasuresAtlas *self,
       char          *text,
       guint         *line_number)
{
  MeasuresAtlasCountry *country = NULL;
  char *line = text;
  gboolean header = FALSE;

  g_array_append_val (self->ring_starts, (guint) { 0 });

  for (*line_number = 1; line != NULL && *line != '\0'; (*line_number)++)
    {
      char *next = strchr (line, '\n');
      gint64 numbers[5];
      char *cursor;

      if (next != NULL)
        *next++ = '\0';

      if (*line == '#' || *line == '\0')
        ;
      else if (!header)
        {
          if (strcmp (line, "measures-world-map 1") != 0)
            return FALSE;
          header = TRUE;
        }
      else if (g_str_has_prefix (line, "ring "))
        {
          if (country == NULL || !read_ring (self, country, line + 5))
            return FALSE;
        }
      else if (g_str_has_prefix (line, "country "))
        {
          MeasuresAtlasCountry new_country = { { 0 } };

          cursor = line + 8;
          if (strlen (cursor) < 3 || cursor[2] != ' ')
            return FALSE;
          memcpy (new_country.code, cursor, 2);
          cursor += 3;
          if (!read_numbers (&cursor, numbers, 4) || *cursor != ' ')
            return FALSE;
          new_country.x = numbers[1];
          new_country.y = numbers[2];
          new_country.area = numbers[3];
          new_country.name = g_string_chunk_insert_const (self->names, cursor + 1);
          new_country.left = new_country.right = new_country.x;
          new_country.top = new_country.bottom = new_country.y;
          new_country.first_ring = self->ring_starts->len - 1;
          g_array_append_val (self->countries, new_country);
          country = &g_array_index (self->countries, MeasuresAtlasCountry, self->countries->len - 1);
        }
      else if (g_str_has_prefix (line, "zoom "))
        {
          char *space = strchr (line + 5, ' ');
          View view;

          if (space == NULL)
            return FALSE;
          cursor = space;
          if (!read_numbers (&cursor, numbers, 4) || numbers[2] <= 0 || numbers[3] <= 0)
            return FALSE;
          view.name = g_strndup (line + 5, space - (line + 5));
          view.view = (MeasuresAtlasView) { numbers[0], numbers[1], numbers[2], numbers[3] };
          g_array_append_val (self->views, view);
        }
      else if (!g_str_has_prefix (line, "size "))
        return FALSE;

      line = next;
    }

  return header;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const MeasuresAtlasCountry *) a)->code, ((const MeasuresAtlasCountry *) b)->code);
}

static gpointer
load (gpointer data)
{
  MeasuresAtlas *self = g_new0 (MeasuresAtlas, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint line = 0;

  self->countries = g_array_new (FALSE, FALSE, sizeof (MeasuresAtlasCountry));
  self->ring_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->points = g_array_new (FALSE, FALSE, sizeof (gint16));
  self->views = g_array_new (FALSE, FALSE, sizeof (View));
  self->names = g_string_chunk_new (4096);

  /* The map is part of the library, which holds its resource: asking
   * that resource for it also links it in. */
  bytes = g_resource_lookup_data (measures_core_get_resource (), WORLD_MAP, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("The world map is missing: %s", error->message);
      return self;
    }

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!parse (self, text, &line))
    {
      g_warning ("The world map is broken at line %u", line);
      g_array_set_size (self->countries, 0);
      g_array_set_size (self->views, 0);
      return self;
    }

  g_array_sort (self->countries, compare_codes);

  return self;
}

/**
 * measures_atlas_get_default:
 *
 * The world map, read once and kept; any thread may ask for it.
 *
 * Returns: (transfer none): the world map
 */
MeasuresAtlas *
measures_atlas_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load, NULL);
}

guint
measures_atlas_get_n_countries (MeasuresAtlas *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->countries->len;
}

/**
 * measures_atlas_get_country:
 * @index: from 0 to measures_atlas_get_n_countries(), in the order of
 *   their codes
 *
 * Returns: (transfer none): the country
 */
const MeasuresAtlasCountry *
measures_atlas_get_country (MeasuresAtlas *self,
                            guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->countries->len, NULL);

  return &g_array_index (self->countries, MeasuresAtlasCountry, index);
}

/**
 * measures_atlas_find:
 * @code: an ISO 3166-1 alpha-2 code, in capitals
 *
 * Returns: the index of the country with @code, or -1 when the map has
 *   none
 */
int
measures_atlas_find (MeasuresAtlas *self,
                     const char    *code)
{
  MeasuresAtlasCountry key = { { 0 } };
  MeasuresAtlasCountry *found;

  g_return_val_if_fail (self != NULL, -1);

  if (code == NULL || strlen (code) != 2)
    return -1;

  memcpy (key.code, code, 2);
  found = bsearch (&key, self->countries->data, self->countries->len, sizeof (MeasuresAtlasCountry),
                   compare_codes);

  return found != NULL ? (int) (found - &g_array_index (self->countries, MeasuresAtlasCountry, 0)) : -1;
}

/**
 * measures_atlas_get_ring:
 * @ring: a ring of a country, from its first_ring to first_ring + n_rings
 * @n_points: (out): how many points it has
 *
 * Returns: (transfer none) (array): its points, x then y, in map units
 */
const gint16 *
measures_atlas_get_ring (MeasuresAtlas *self,
                         guint          ring,
                         guint         *n_points)
{
  guint start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ring + 1 < self->ring_starts->len, NULL);

  start = g_array_index (self->ring_starts, guint, ring);
  end = g_array_index (self->ring_starts, guint, ring + 1);
  *n_points = end - start;

  return &g_array_index (self->points, gint16, 2 * start);
}

/**
 * measures_atlas_get_view:
 * @name: "world" or "europe"
 * @view: (out): the part of the map it shows
 *
 * Returns: whether the map has a view of that name
 */
gboolean
measures_atlas_get_view (MeasuresAtlas     *self,
                         const char        *name,
                         MeasuresAtlasView *view)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->views->len; i++)
    if (g_strcmp0 (g_array_index (self->views, View, i).name, name) == 0)
      {
        *view = g_array_index (self->views, View, i).view;
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_atlas_contains:
 * @index: a country
 * @x: a point, in map units
 * @y: a point
 *
 * Returns: whether (@x, @y) is inside the country's shape, holes left out
 */
gboolean
measures_atlas_contains (MeasuresAtlas *self,
                         guint          index,
                         double         x,
                         double         y)
{
  const MeasuresAtlasCountry *country = measures_atlas_get_country (self, index);
  gboolean inside = FALSE;

  if (country == NULL || x < country->left || x > country->right || y < country->top || y > country->bottom)
    return FALSE;

  /* Even-odd: each edge a ray to the right crosses toggles. */
  for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
    {
      guint n;
      const gint16 *p = measures_atlas_get_ring (self, r, &n);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }

  return inside;
}
